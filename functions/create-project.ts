import { createOne } from '../lib/creates';
import { type ApiRequest, httpHandler } from '../lib/http';
import { idempotencyOf } from '../lib/idempotency';
import { CreateProjectBody, type CreateProjectInput } from '../lib/schemas';
import { validator } from '../lib/validation';

const ROUTE = 'POST /projects';

/** POST /projects: 201 with the project, or 409 PROJECT_TITLE_CONFLICT for a taken title. Honours Idempotency-Key. */
async function createProject({ owner, body, headers }: ApiRequest<CreateProjectInput>) {
  return createOne(owner, body, idempotencyOf(headers, ROUTE, body));
}

export const handler = httpHandler(createProject, { route: ROUTE, body: validator(CreateProjectBody) });
