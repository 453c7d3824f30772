import { type ApiRequest, etag, httpHandler, ifMatchAllows, parseIfMatch } from '../lib/http';
import { UpdateProjectBody, type UpdateProjectInput } from '../lib/schemas';
import { projectIdOf, repository } from '../lib/store';
import { validator } from '../lib/validation';

/**
 * PATCH /projects/{id}: change the title and/or description. A new title is checked for
 * uniqueness in the same transaction that frees the old one.
 */
async function updateProject({ owner, pathParameters, body, headers }: ApiRequest<UpdateProjectInput>) {
  const ifMatch = parseIfMatch(headers['if-match']);
  const { version, ...changes } = body;
  const project = await repository.updateProject(owner, projectIdOf(pathParameters), changes, {
    ...(version === undefined ? {} : { version }),
    ifMatch: (current) => ifMatchAllows(ifMatch, current),
  });
  return { status: 200, data: project, headers: { etag: etag(project.version) } };
}

export const handler = httpHandler(updateProject, {
  route: 'PATCH /projects/{id}',
  body: validator(UpdateProjectBody),
});
