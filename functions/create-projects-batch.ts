import { createBestEffortBatch } from '../lib/app/create-best-effort';
import { createAtomicBatch } from '../lib/app/create-projects';
import { idempotencyOf } from '../lib/domain/idempotency';
import { newProject } from '../lib/domain/project';
import { answerOf, batchCreated } from '../lib/http/answers';
import { batchReport } from '../lib/http/batch-report';
import { deadlineOf } from '../lib/http/chain';
import { httpHandler } from '../lib/http/handler';
import { jsonBody } from '../lib/http/json-body';
import type { ApiRequest } from '../lib/http/types';
import { AtomicBatchItems, BatchCreateBody, type BatchCreateInput, CreateProjectBody } from '../lib/schemas';
import { projectCreator } from '../lib/store';
import { validate, validateEach, validator } from '../lib/validation';

const ROUTE = 'POST /projects/batch';

/**
 * POST /projects/batch: 1 to 25 projects, all or none (atomic, the default: 201), or each
 * valid one with a report of the others (atomic: false: 200). Honours Idempotency-Key.
 */
async function createProjectsBatch({ owner, body, headers, language, context }: ApiRequest<BatchCreateInput>) {
  const key = headers['idempotency-key'];
  if (body.atomic) {
    const { projects: inputs } = validate(AtomicBatchItems, { projects: body.projects }, language);
    const now = new Date();
    const projects = inputs.map((input) => newProject(input, now));
    const idempotency = idempotencyOf(key, ROUTE, { ...body, projects: inputs });
    return answerOf(await createAtomicBatch(projectCreator, owner, projects, batchCreated(projects), idempotency));
  }
  const idempotency = idempotencyOf(key, ROUTE, body);
  const { valid, invalid } = validateEach(CreateProjectBody, body.projects, language, 'projects');
  const report = batchReport(invalid, language);
  return answerOf(await createBestEffortBatch(projectCreator, owner, valid, report, idempotency, deadlineOf(context)));
}

export const handler = httpHandler(createProjectsBatch, { route: ROUTE, body: jsonBody(validator(BatchCreateBody)) });
