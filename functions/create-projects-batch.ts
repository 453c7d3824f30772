import { createBestEffortBatch } from '../lib/app/create-best-effort';
import { createAtomicBatch } from '../lib/app/create-projects';
import { createStorage } from '../lib/composition/repositories';
import { newProject } from '../lib/domain/project';
import { answerOf, batchCreated } from '../lib/http/answers';
import { batchReport } from '../lib/http/batch-report';
import { deadlineOf } from '../lib/http/chain';
import { httpHandler } from '../lib/http/handler';
import { jsonBody } from '../lib/http/json-body';
import type { ApiRequest } from '../lib/http/types';
import { idempotencyOf } from '../lib/idempotency/key';
import { AtomicBatchItems, BatchCreateBody, type BatchCreateInput, CreateProjectBody } from '../lib/validation/schemas';
import { validate, validateEach, validator } from '../lib/validation/validate';

/**
 * POST /projects/batch: 1 to 25 projects, all or none (atomic, the default: 201), or each
 * valid one with a report of the others (atomic: false: 200). Honours Idempotency-Key.
 */
async function endpoint({ owner, body, headers, language, context }: ApiRequest<BatchCreateInput>) {
  const key = headers['idempotency-key'];
  if (body.atomic) {
    const { projects: inputs } = validate(AtomicBatchItems, { projects: body.projects }, language);
    const now = new Date();
    const projects = inputs.map((input) => newProject(input, now));
    const idempotency = idempotencyOf(key, 'createProjectsBatch', { ...body, projects: inputs });
    const answer = batchCreated(projects);
    return answerOf(await createAtomicBatch(createStorage, { owner, projects, answer, idempotency }));
  }
  const idempotency = idempotencyOf(key, 'createProjectsBatch', body);
  const { valid: items, invalid } = validateEach(CreateProjectBody, body.projects, language, 'projects');
  const report = batchReport(invalid, language);
  const deadline = deadlineOf(context);
  return answerOf(await createBestEffortBatch(createStorage, { owner, items, report, idempotency, deadline }));
}

export const handler = httpHandler(endpoint, {
  route: 'POST /projects/batch',
  body: jsonBody(validator(BatchCreateBody)),
});
