import { getProject } from '../lib/app/lifecycle';
import { projectReader } from '../lib/composition/repositories';
import { etag } from '../lib/http/conditional';
import { httpHandler } from '../lib/http/handler';
import { projectIdOf } from '../lib/http/project-id';
import type { ApiRequest } from '../lib/http/types';

/** GET /projects/{id}: the owner's live project, or 404 for missing, deleted or someone else's. */
async function endpoint({ owner, pathParameters }: ApiRequest) {
  const project = await getProject(projectReader, owner, projectIdOf(pathParameters));
  return { status: 200, data: project, headers: { etag: etag(project.version) } };
}

export const handler = httpHandler(endpoint, { route: 'GET /projects/{id}' });
