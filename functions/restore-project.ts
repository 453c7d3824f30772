import { type ApiRequest, etag, httpHandler } from '../lib/http';
import { projectIdOf, repository } from '../lib/store';

/** POST /projects/{id}/restore: bring a deleted project back, if its title is still free. */
async function restoreProject({ owner, pathParameters }: ApiRequest) {
  const project = await repository.restoreProject(owner, projectIdOf(pathParameters));
  return { status: 200, data: project, headers: { etag: etag(project.version) } };
}

export const handler = httpHandler(restoreProject, { route: 'POST /projects/{id}/restore' });
