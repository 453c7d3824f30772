import { updateProject } from '../lib/app/lifecycle';
import { projectEditor } from '../lib/composition/repositories';
import { etag, ifMatchOf } from '../lib/http/conditional';
import { httpHandler } from '../lib/http/handler';
import { jsonBody } from '../lib/http/json-body';
import { projectIdOf } from '../lib/http/project-id';
import type { ApiRequest } from '../lib/http/types';
import { UpdateProjectBody, type UpdateProjectInput } from '../lib/validation/schemas';
import { validator } from '../lib/validation/validate';

/**
 * PATCH /projects/{id}: change the title and/or description. A new title is checked for
 * uniqueness in the same transaction that frees the old one.
 */
async function endpoint({ owner, pathParameters, body, headers }: ApiRequest<UpdateProjectInput>) {
  const { version, ...changes } = body;
  const id = projectIdOf(pathParameters);
  const expect = { ...(version === undefined ? {} : { version }), ifMatch: ifMatchOf(headers['if-match']) };
  const project = await updateProject(projectEditor, { owner, id, expect, changes });
  return { status: 200, data: project, headers: { etag: etag(project.version) } };
}

export const handler = httpHandler(endpoint, {
  route: 'PATCH /projects/{id}',
  body: jsonBody(validator(UpdateProjectBody)),
});
