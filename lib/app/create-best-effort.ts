/**
 * A best-effort batch (POST /projects/batch with atomic: false): every valid item in its own
 * transaction, and an answer that reports each item. Under a key, the plan (the id each item
 * gets) is recorded first, with a lease until the attempt's deadline: one attempt at a time
 * runs it, and the record is completed once, by the attempt holding the lease; every concurrent
 * duplicate reads the record until that answer is there, and replays it. A retry after a crash
 * takes over the plan once its lease has run out, and a project an earlier attempt made counts
 * as made, so it never reports a conflict for the client's own projects.
 */
import { randomUUID } from 'node:crypto';
import { sleep } from '../backoff';
import type { Answer, Idempotency } from '../domain/idempotency';
import { newId } from '../domain/ids';
import { type NewProject, newProject, type Project } from '../domain/project';
import type { BatchPlan, ProjectCreator } from '../domain/repository';
import { titleKey } from '../domain/titles';
import { isRejectionOf, reject } from '../errors/rejections';
import { duplicatesInBatch } from './create-projects';
import { type Outcome, replayed, type TitleConflict } from './outcome';

/** How many per-item transactions of a best-effort batch run at once. */
export const BATCH_CONCURRENCY = 5;

/** How often a duplicate looks again for the answer of the attempt that runs the batch. */
const FIRST_POLL_MS = 25;
const MAX_POLL_MS = 250;

/** An item of the request that passed validation, at its index in the request. */
export interface BatchItem {
  index: number;
  input: NewProject;
}

/** What came of one item: its project made, its title held or repeated in the batch, or a passing fault. */
export type ItemOutcome =
  | { index: number; kind: 'created'; project: Project }
  | ({ kind: 'conflict' } & TitleConflict)
  | { index: number; kind: 'unavailable' };

/** The answer that tells of the items' outcomes, made by the HTTP layer; the key's record keeps it as it is. */
export type Report = (outcomes: readonly ItemOutcome[]) => Answer;

/** Runs `fn` over the items, at most `limit` at a time. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await fn(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The items to attempt, and a conflict for each repeating the title of an earlier one. */
function splitRepeated(items: readonly BatchItem[]) {
  const duplicates = duplicatesInBatch(items.map(({ input }) => titleKey(input.title)));
  const attempted = items.filter((_, position) => !duplicates.has(position));
  const repeated = items
    .filter((_, position) => duplicates.has(position))
    .map(({ index }): ItemOutcome => ({ index, kind: 'conflict', repeated: true }));
  return { attempted, repeated };
}

type Split = ReturnType<typeof splitRepeated>;

/** Runs a plan: each attempted item in its own transaction, under the id the plan gives it. */
async function runPlan(repository: ProjectCreator, owner: string, split: Split, plan: BatchPlan, report: Report) {
  const planned = new Map(plan.projects.map((entry) => [entry.index, entry]));
  const outcomes: ItemOutcome[] = [...split.repeated];
  await forEachConcurrently(split.attempted, BATCH_CONCURRENCY, async ({ index, input }) => {
    const entry = planned.get(index);
    const project = newProject(input, new Date(entry?.createdAt ?? Date.now()), entry?.id ?? newId());
    try {
      const made = await repository.createPlanned(owner, project);
      outcomes.push(
        made.kind === 'created'
          ? { index, kind: 'created', project: made.project }
          : { index, kind: 'conflict', repeated: false },
      );
    } catch (error) {
      if (!isRejectionOf(error, 'SERVICE_UNAVAILABLE')) throw error;
      outcomes.push({ index, kind: 'unavailable' });
    }
  });
  outcomes.sort((a, b) => a.index - b.index);
  return {
    answer: report(outcomes),
    projectIds: outcomes.flatMap((outcome) => (outcome.kind === 'created' ? [outcome.project.id] : [])),
    unavailable: outcomes.some((outcome) => outcome.kind === 'unavailable'),
  };
}

/**
 * `deadline` (epoch milliseconds) is when this attempt must have answered: its lease lasts that
 * long, and a duplicate waits for the first answer until then at most, then is SERVICE_UNAVAILABLE.
 */
export async function createBestEffortBatch(
  repository: ProjectCreator,
  owner: string,
  items: readonly BatchItem[],
  report: Report,
  idempotency: Idempotency | undefined,
  deadline: number,
): Promise<Outcome> {
  const split = splitRepeated(items);
  const now = new Date();
  const plan: BatchPlan = {
    projects: split.attempted.map(({ index }) => ({ index, id: newId(now.getTime()), createdAt: now.toISOString() })),
  };
  if (!idempotency) return { kind: 'answered', answer: (await runPlan(repository, owner, split, plan, report)).answer };

  const lease = { token: randomUUID(), until: deadline };
  let wait = FIRST_POLL_MS;
  for (;;) {
    const start = await repository.startBatch(owner, idempotency, plan, lease);
    if (start.kind === 'recorded') return replayed(start.record, idempotency);
    if (start.kind !== 'running') {
      let finished = false;
      try {
        const run = await runPlan(repository, owner, split, start.plan, report);
        // An item that met a passing fault leaves the plan open: a retry with the key resumes it.
        if (run.unavailable) return { kind: 'answered', answer: run.answer };
        finished = await repository.finishBatch(owner, idempotency, run.answer, run.projectIds, lease);
        if (finished) return { kind: 'answered', answer: run.answer };
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
      if (state.kind === 'recorded') return replayed(state.record, idempotency);
      if (state.leaseUntil < Date.now()) break;
    }
  }
}
