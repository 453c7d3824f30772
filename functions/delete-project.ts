import { deleteProject as remove } from '../lib/app/lifecycle';
import { ifMatchOf } from '../lib/http/conditional';
import { httpHandler } from '../lib/http/handler';
import type { ApiRequest } from '../lib/http/types';
import { projectEditor, projectIdOf } from '../lib/store';

/** DELETE /projects/{id}: soft delete, which frees the title. 204, or 404 if missing or already deleted. */
async function deleteProject({ owner, pathParameters, headers }: ApiRequest) {
  await remove(projectEditor, owner, projectIdOf(pathParameters), { ifMatch: ifMatchOf(headers['if-match']) });
  return { status: 204 };
}

export const handler = httpHandler(deleteProject, { route: 'DELETE /projects/{id}' });
