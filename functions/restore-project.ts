import { restoreProject as restore } from '../lib/app/lifecycle';
import { etag } from '../lib/http/conditional';
import { httpHandler } from '../lib/http/handler';
import type { ApiRequest } from '../lib/http/types';
import { projectEditor, projectIdOf } from '../lib/store';

/** POST /projects/{id}/restore: bring a deleted project back, if its title is still free. */
async function restoreProject({ owner, pathParameters }: ApiRequest) {
  const project = await restore(projectEditor, owner, projectIdOf(pathParameters));
  return { status: 200, data: project, headers: { etag: etag(project.version) } };
}

export const handler = httpHandler(restoreProject, { route: 'POST /projects/{id}/restore' });
