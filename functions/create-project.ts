import { createProject as create } from '../lib/app/create-projects';
import { idempotencyOf } from '../lib/domain/idempotency';
import { newProject } from '../lib/domain/project';
import { answerOf, projectCreated } from '../lib/http/answers';
import { httpHandler } from '../lib/http/handler';
import { jsonBody } from '../lib/http/json-body';
import type { ApiRequest } from '../lib/http/types';
import { CreateProjectBody, type CreateProjectInput } from '../lib/schemas';
import { projectCreator } from '../lib/store';
import { validator } from '../lib/validation';

const ROUTE = 'POST /projects';

/** POST /projects: 201 with the project, or 409 PROJECT_TITLE_CONFLICT for a taken title. Honours Idempotency-Key. */
async function createProject({ owner, body, headers }: ApiRequest<CreateProjectInput>) {
  const project = newProject(body);
  const idempotency = idempotencyOf(headers['idempotency-key'], ROUTE, body);
  return answerOf(await create(projectCreator, owner, project, projectCreated(project), idempotency));
}

export const handler = httpHandler(createProject, { route: ROUTE, body: jsonBody(validator(CreateProjectBody)) });
