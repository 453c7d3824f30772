import { createProject as create } from '../lib/app/create-projects';
import { idempotencyOf } from '../lib/domain/idempotency';
import type { Project } from '../lib/domain/project';
import { etag } from '../lib/http/conditional';
import { httpHandler } from '../lib/http/handler';
import { jsonBody } from '../lib/http/json-body';
import type { ApiRequest } from '../lib/http/types';
import { CreateProjectBody, type CreateProjectInput } from '../lib/schemas';
import { projectCreator } from '../lib/store';
import { validator } from '../lib/validation';

const ROUTE = 'POST /projects';

/** 201 with the project, where it lives and its version. */
const created = (project: Project) => ({
  status: 201,
  data: project,
  headers: { location: `/projects/${project.id}`, etag: etag(project.version) },
});

/** POST /projects: 201 with the project, or 409 PROJECT_TITLE_CONFLICT for a taken title. Honours Idempotency-Key. */
async function createProject({ owner, body, headers }: ApiRequest<CreateProjectInput>) {
  return create(projectCreator, owner, body, idempotencyOf(headers['idempotency-key'], ROUTE, body), created);
}

export const handler = httpHandler(createProject, { route: ROUTE, body: jsonBody(validator(CreateProjectBody)) });
