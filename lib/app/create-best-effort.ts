/**
 * A best-effort batch (POST /projects/batch with atomic: false): every valid item in its own
 * transaction, and an answer that reports each item. Under a key, the plan (the id each item
 * gets) is run once (lib/idempotency/lease.ts), and a project an earlier attempt made under its
 * planned id counts as made, so a retry never reports a conflict for the client's own projects.
 */
import { newId } from '../domain/ids';
import { type NewProject, newProject, type Project } from '../domain/project';
import type { ProjectCreator } from '../domain/repository';
import { titleKey } from '../domain/titles';
import { isRejectionOf } from '../errors/rejections';
import type { Idempotency } from '../idempotency/key';
import { runOnce } from '../idempotency/lease';
import type { Answer, BatchPlan } from '../idempotency/record';
import { duplicatesInBatch } from './create-projects';
import type { CreateOutcome, CreateStorage, TitleConflict } from './outcome';

/** How many per-item transactions of a best-effort batch run at once. */
export const BATCH_CONCURRENCY = 5;

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
async function runPlan(projects: ProjectCreator, owner: string, split: Split, plan: BatchPlan, report: Report) {
  const planned = new Map(plan.projects.map((entry) => [entry.index, entry]));
  const outcomes: ItemOutcome[] = [...split.repeated];
  await forEachConcurrently(split.attempted, BATCH_CONCURRENCY, async ({ index, input }) => {
    const entry = planned.get(index);
    const project = newProject(input, new Date(entry?.createdAt ?? Date.now()), entry?.id ?? newId());
    try {
      const made = await projects.createPlanned(owner, project);
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
    unfinished: outcomes.some((outcome) => outcome.kind === 'unavailable'),
  };
}

export interface BestEffortRequest {
  owner: string;
  /** The items of the request that passed validation. */
  items: readonly BatchItem[];
  report: Report;
  idempotency: Idempotency | undefined;
  /** When this attempt must have answered (epoch milliseconds); a duplicate waits for the first answer until then at most. */
  deadline: number;
}

/** Each valid item in its own transaction, once under a key; the report tells of every item. */
export async function createBestEffortBatch(
  storage: CreateStorage,
  request: BestEffortRequest,
): Promise<CreateOutcome> {
  const { owner, report, idempotency, deadline } = request;
  const split = splitRepeated(request.items);
  const now = new Date();
  const plan: BatchPlan = {
    projects: split.attempted.map(({ index }) => ({ index, id: newId(now.getTime()), createdAt: now.toISOString() })),
  };
  const run = (planned: BatchPlan) => runPlan(storage.projects, owner, split, planned, report);
  if (!idempotency) return { kind: 'answered', answer: (await run(plan)).answer };
  return runOnce(storage.records, { owner, idempotency }, { plan, deadline, run });
}
