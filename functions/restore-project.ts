import { restoreProject } from '../lib/app/lifecycle';
import { projectEditor } from '../lib/composition/repositories';
import { etag } from '../lib/http/conditional';
import { httpHandler } from '../lib/http/handler';
import { projectIdOf } from '../lib/http/project-id';
import type { ApiRequest } from '../lib/http/types';

/** POST /projects/{id}/restore: bring a deleted project back, if its title is still free. */
async function endpoint({ owner, pathParameters }: ApiRequest) {
  const project = await restoreProject(projectEditor, owner, projectIdOf(pathParameters));
  return { status: 200, data: project, headers: { etag: etag(project.version) } };
}

export const handler = httpHandler(endpoint, { route: 'POST /projects/{id}/restore' });
