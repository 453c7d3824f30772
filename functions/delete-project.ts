import { deleteProject } from '../lib/app/lifecycle';
import { projectEditor } from '../lib/composition/repositories';
import { ifMatchOf } from '../lib/http/conditional';
import { httpHandler } from '../lib/http/handler';
import { projectIdOf } from '../lib/http/project-id';
import type { ApiRequest } from '../lib/http/types';

/** DELETE /projects/{id}: soft delete, which frees the title. 204, or 404 if missing or already deleted. */
async function endpoint({ owner, pathParameters, headers }: ApiRequest) {
  const id = projectIdOf(pathParameters);
  await deleteProject(projectEditor, { owner, id, expect: { ifMatch: ifMatchOf(headers['if-match']) } });
  return { status: 204 };
}

export const handler = httpHandler(endpoint, { route: 'DELETE /projects/{id}' });
