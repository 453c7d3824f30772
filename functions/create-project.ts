import { createProject } from '../lib/app/create-projects';
import { createStorage } from '../lib/composition/repositories';
import { newProject } from '../lib/domain/project';
import { answerOf, projectCreated } from '../lib/http/answers';
import { httpHandler } from '../lib/http/handler';
import { jsonBody } from '../lib/http/json-body';
import type { ApiRequest } from '../lib/http/types';
import { idempotencyOf } from '../lib/idempotency/key';
import { CreateProjectBody, type CreateProjectInput } from '../lib/validation/schemas';
import { validator } from '../lib/validation/validate';

/** POST /projects: 201 with the project, or 409 PROJECT_TITLE_CONFLICT for a taken title. Honours Idempotency-Key. */
async function endpoint({ owner, body, headers }: ApiRequest<CreateProjectInput>) {
  const project = newProject(body);
  const idempotency = idempotencyOf(headers['idempotency-key'], 'createProject', body);
  const answer = projectCreated(project);
  return answerOf(await createProject(createStorage, { owner, project, answer, idempotency }));
}

export const handler = httpHandler(endpoint, { route: 'POST /projects', body: jsonBody(validator(CreateProjectBody)) });
