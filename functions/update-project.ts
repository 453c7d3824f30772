import { updateProject as update } from '../lib/app/lifecycle';
import { etag, ifMatchOf } from '../lib/http/conditional';
import { httpHandler } from '../lib/http/handler';
import { jsonBody } from '../lib/http/json-body';
import type { ApiRequest } from '../lib/http/types';
import { UpdateProjectBody, type UpdateProjectInput } from '../lib/schemas';
import { projectEditor, projectIdOf } from '../lib/store';
import { validator } from '../lib/validation';

/**
 * PATCH /projects/{id}: change the title and/or description. A new title is checked for
 * uniqueness in the same transaction that frees the old one.
 */
async function updateProject({ owner, pathParameters, body, headers }: ApiRequest<UpdateProjectInput>) {
  const { version, ...changes } = body;
  const project = await update(projectEditor, owner, projectIdOf(pathParameters), changes, {
    ...(version === undefined ? {} : { version }),
    ifMatch: ifMatchOf(headers['if-match']),
  });
  return { status: 200, data: project, headers: { etag: etag(project.version) } };
}

export const handler = httpHandler(updateProject, {
  route: 'PATCH /projects/{id}',
  body: jsonBody(validator(UpdateProjectBody)),
});
