import { createAtomicBatch, createBestEffortBatch } from '../lib/creates';
import { type ApiRequest, httpHandler } from '../lib/http';
import { idempotencyOf } from '../lib/idempotency';
import { AtomicBatchItems, BatchCreateBody, type BatchCreateInput } from '../lib/schemas';
import { validate, validator } from '../lib/validation';

const ROUTE = 'POST /projects/batch';

/**
 * POST /projects/batch: 1 to 25 projects, all or none (atomic, the default: 201), or each
 * valid one with a report of the others (atomic: false: 200). Honours Idempotency-Key.
 */
async function createProjectsBatch({ owner, body, headers, language }: ApiRequest<BatchCreateInput>) {
  if (body.atomic) {
    const { projects } = validate(AtomicBatchItems, { projects: body.projects }, language);
    return createAtomicBatch(owner, projects, idempotencyOf(headers, ROUTE, { ...body, projects }));
  }
  return createBestEffortBatch(owner, body.projects, language, idempotencyOf(headers, ROUTE, body));
}

export const handler = httpHandler(createProjectsBatch, { route: ROUTE, body: validator(BatchCreateBody) });
