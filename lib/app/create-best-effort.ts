/**
 * A best-effort batch (POST /projects/batch with atomic: false): every valid item in its own
 * transaction, and a report of each other item. Under a key, the plan (the id each valid item
 * gets) is recorded first: a retry after a crash resumes it, and a project an earlier attempt
 * made counts as made, so the retry never answers 409 for the client's own projects.
 */
import type { Idempotency, StoredResponse } from '../domain/idempotency';
import { newId } from '../domain/ids';
import { type NewProject, newProject, type Project } from '../domain/project';
import type { ProjectCreator } from '../domain/repository';
import { titleKey } from '../domain/titles';
import { type ErrorCode, errorMessage, type Language, localize } from '../errors/catalog';
import { isRejection, isRejectionOf } from '../errors/rejections';
import { CreateProjectBody } from '../schemas';
import { validate } from '../validation';
import { DUPLICATE_IN_BATCH, duplicatesInBatch } from './create-projects';
import { replay } from './replay';

/** How many per-item transactions of a best-effort batch run at once. */
export const BATCH_CONCURRENCY = 5;

export interface Failure {
  index: number;
  code: ErrorCode;
  message: string;
  errors?: { field?: string; message: string }[];
}

export interface BatchReport {
  items: { index: number; project: Project }[];
  failures: Failure[];
}

/** Runs `fn` over the items, at most `limit` at a time. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await fn(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The valid items, and a failure for each invalid one or each repeating an earlier title. */
function sortItems(rawItems: readonly unknown[], language: Language) {
  const failures: Failure[] = [];
  const valid: { index: number; input: NewProject }[] = [];
  rawItems.forEach((raw, index) => {
    try {
      valid.push({ index, input: validate(CreateProjectBody, raw, language) });
    } catch (error) {
      if (!isRejection(error)) throw error;
      failures.push({
        index,
        code: 'VALIDATION_FAILED',
        message: errorMessage('VALIDATION_FAILED', language),
        errors: (error.details ?? []).map((detail) => ({
          field: detail.field,
          message: localize(detail.message, language),
        })),
      });
    }
  });
  const duplicates = duplicatesInBatch(valid.map(({ input }) => titleKey(input.title)));
  const conflictMessage = errorMessage('PROJECT_TITLE_CONFLICT', language);
  const attempted = valid.filter((_, position) => {
    if (!duplicates.has(position)) return true;
    failures.push({
      index: valid[position]?.index ?? -1,
      code: 'PROJECT_TITLE_CONFLICT',
      message: `${conflictMessage} ${DUPLICATE_IN_BATCH[language]}`,
    });
    return false;
  });
  return { attempted, failures };
}

export async function createBestEffortBatch(
  repository: ProjectCreator,
  owner: string,
  rawItems: readonly unknown[],
  language: Language,
  idempotency: Idempotency | undefined,
): Promise<StoredResponse> {
  const { attempted, failures } = sortItems(rawItems, language);
  const now = new Date();
  let plan = {
    projects: attempted.map(({ index }) => ({ index, id: newId(now.getTime()), createdAt: now.toISOString() })),
  };
  if (idempotency) {
    const start = await repository.startBatch(owner, idempotency, plan);
    if (start.kind === 'recorded') return replay(start.record, idempotency);
    plan = start.plan;
  }
  const planned = new Map(plan.projects.map((entry) => [entry.index, entry]));

  const items: BatchReport['items'] = [];
  let unavailable = false;
  await forEachConcurrently(attempted, BATCH_CONCURRENCY, async ({ index, input }) => {
    const entry = planned.get(index);
    const project = newProject(input, new Date(entry?.createdAt ?? now), entry?.id ?? newId());
    try {
      const outcome = await repository.createPlanned(owner, project);
      if (outcome.kind === 'created') items.push({ index, project: outcome.project });
      else
        failures.push({
          index,
          code: 'PROJECT_TITLE_CONFLICT',
          message: errorMessage('PROJECT_TITLE_CONFLICT', language),
        });
    } catch (error) {
      if (!isRejectionOf(error, 'SERVICE_UNAVAILABLE')) throw error;
      unavailable = true;
      failures.push({ index, code: 'SERVICE_UNAVAILABLE', message: errorMessage('SERVICE_UNAVAILABLE', language) });
    }
  });

  const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;
  const data: BatchReport = { items: items.sort(byIndex), failures: failures.sort(byIndex) };
  // An item that met a passing fault leaves the plan open: a retry with the key resumes it.
  if (idempotency && !unavailable) {
    const projectIds = items.map(({ project }) => project.id);
    await repository.finishBatch(owner, idempotency, { status: 200, data }, projectIds);
  }
  return { status: 200, data };
}
