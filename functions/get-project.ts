import { getProject as get } from '../lib/app/lifecycle';
import { etag } from '../lib/http/conditional';
import { httpHandler } from '../lib/http/handler';
import type { ApiRequest } from '../lib/http/types';
import { projectIdOf, projectReader } from '../lib/store';

/** GET /projects/{id}: the owner's live project, or 404 for missing, deleted or someone else's. */
async function getProject({ owner, pathParameters }: ApiRequest) {
  const project = await get(projectReader, owner, projectIdOf(pathParameters));
  return { status: 200, data: project, headers: { etag: etag(project.version) } };
}

export const handler = httpHandler(getProject, { route: 'GET /projects/{id}' });
