import { type ApiRequest, httpHandler, ifMatchAllows, parseIfMatch } from '../lib/http';
import { projectIdOf, repository } from '../lib/store';

/** DELETE /projects/{id}: soft delete, which frees the title. 204, or 404 if missing or already deleted. */
async function deleteProject({ owner, pathParameters, headers }: ApiRequest) {
  const ifMatch = parseIfMatch(headers['if-match']);
  await repository.deleteProject(owner, projectIdOf(pathParameters), {
    ifMatch: (current) => ifMatchAllows(ifMatch, current),
  });
  return { status: 204 };
}

export const handler = httpHandler(deleteProject, { route: 'DELETE /projects/{id}' });
