import { type ApiRequest, etag, httpHandler } from '../lib/http';
import { projectIdOf, repository } from '../lib/store';

/** GET /projects/{id}: the owner's live project, or 404 for missing, deleted or someone else's. */
async function getProject({ owner, pathParameters }: ApiRequest) {
  const project = await repository.getProject(owner, projectIdOf(pathParameters));
  return { status: 200, data: project, headers: { etag: etag(project.version) } };
}

export const handler = httpHandler(getProject, { route: 'GET /projects/{id}' });
