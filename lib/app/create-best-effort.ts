/**
 * A best-effort batch (POST /projects/batch with atomic: false): every valid item in its own
 * transaction, and a report of each other item. Under a key, the plan (the id each valid item
 * gets) is recorded first, with a lease until the attempt's deadline: one attempt at a time
 * runs it, and the record is completed once, by the attempt holding the lease; every concurrent
 * duplicate reads the record until that answer is there, and replays it. A retry after a crash takes over the plan once its lease has run out,
 * and a project an earlier attempt made counts as made, so it never answers 409 for the
 * client's own projects.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Idempotency, StoredResponse } from '../domain/idempotency';
import { newId } from '../domain/ids';
import { type NewProject, newProject, type Project } from '../domain/project';
import type { BatchPlan, ProjectCreator } from '../domain/repository';
import { titleKey } from '../domain/titles';
import { type ErrorCode, errorMessage, type Language, localize } from '../errors/catalog';
import { isRejection, isRejectionOf, reject } from '../errors/rejections';
import { CreateProjectBody } from '../schemas';
import { validate } from '../validation';
import { DUPLICATE_IN_BATCH, duplicatesInBatch } from './create-projects';
import { replay } from './replay';

/** How many per-item transactions of a best-effort batch run at once. */
export const BATCH_CONCURRENCY = 5;

/** How often a duplicate looks again for the answer of the attempt that runs the batch. */
const FIRST_POLL_MS = 25;
const MAX_POLL_MS = 250;

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

type Sorted = ReturnType<typeof sortItems>;

/** Runs a plan: each attempted item in its own transaction, under the id the plan gives it. */
async function runPlan(repository: ProjectCreator, owner: string, sorted: Sorted, plan: BatchPlan, language: Language) {
  const planned = new Map(plan.projects.map((entry) => [entry.index, entry]));
  const items: BatchReport['items'] = [];
  const failures = [...sorted.failures];
  let unavailable = false;
  await forEachConcurrently(sorted.attempted, BATCH_CONCURRENCY, async ({ index, input }) => {
    const entry = planned.get(index);
    const project = newProject(input, new Date(entry?.createdAt ?? Date.now()), entry?.id ?? newId());
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
  return { answer: { status: 200, data }, projectIds: items.map(({ project }) => project.id), unavailable };
}

/**
 * `deadline` (epoch milliseconds) is when this attempt must have answered: its lease lasts that
 * long, and a duplicate waits for the first answer until then at most, then answers 503.
 */
export async function createBestEffortBatch(
  repository: ProjectCreator,
  owner: string,
  rawItems: readonly unknown[],
  language: Language,
  idempotency: Idempotency | undefined,
  deadline: number,
): Promise<StoredResponse> {
  const sorted = sortItems(rawItems, language);
  const now = new Date();
  const plan: BatchPlan = {
    projects: sorted.attempted.map(({ index }) => ({ index, id: newId(now.getTime()), createdAt: now.toISOString() })),
  };
  if (!idempotency) return (await runPlan(repository, owner, sorted, plan, language)).answer;

  const lease = { token: randomUUID(), until: deadline };
  let wait = FIRST_POLL_MS;
  for (;;) {
    const start = await repository.startBatch(owner, idempotency, plan, lease);
    if (start.kind === 'recorded') return replay(start.record, idempotency);
    if (start.kind !== 'running') {
      let finished = false;
      try {
        const run = await runPlan(repository, owner, sorted, start.plan, language);
        // An item that met a passing fault leaves the plan open: a retry with the key resumes it.
        if (run.unavailable) return run.answer;
        finished = await repository.finishBatch(owner, idempotency, run.answer, run.projectIds, lease);
        if (finished) return run.answer;
        // Another attempt took the plan over and completed it: its answer is the one to give.
      } finally {
        if (!finished) await repository.releaseBatch(owner, idempotency, lease);
      }
    }
    // Another attempt runs the plan: read (never write) until its answer is recorded or its lease runs out.
    for (;;) {
      if (Date.now() + wait > deadline) throw reject('SERVICE_UNAVAILABLE');
      await sleep(wait);
      wait = Math.min(wait * 2, MAX_POLL_MS);
      const state = await repository.batchState(owner, idempotency);
      if (state.kind === 'recorded') return replay(state.record, idempotency);
      if (state.leaseUntil < Date.now()) break;
    }
  }
}
