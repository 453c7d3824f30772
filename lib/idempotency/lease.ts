/**
 * A best-effort batch under a key, run once: its plan (the id each item gets) is saved first,
 * pending, under a lease until the attempt's deadline. One attempt at a time runs it, and the
 * record is completed once, by the attempt holding the lease; every concurrent duplicate reads
 * the record until that answer is there, and replays it. A retry after a crash takes the plan
 * over once its lease has run out.
 */
import { randomUUID } from 'node:crypto';
import { reject } from '../errors/rejections';
import { sleep } from '../retry/backoff';
import { type Answer, type BatchPlan, leaseRanOut, type RecordedAnswer, RecordState } from './record';
import { replayable } from './replay';
import type { RecordKey, RecordStore } from './store';

/** How often a duplicate looks again for the answer of the attempt that runs the plan. */
const FIRST_POLL_MS = 25;
const MAX_POLL_MS = 250;

/** What one run of a plan came to. */
export interface PlanRun {
  answer: Answer;
  /** The projects the plan made, for the record. */
  projectIds: string[];
  /** An item met a passing fault: the plan stays pending, and a retry with the key resumes it. */
  unfinished: boolean;
}

export interface RunOnceOptions {
  /** The plan this attempt made; a plan recorded before it is run instead. */
  plan: BatchPlan;
  /** When this attempt must have answered (epoch milliseconds): its lease lasts that long, and a duplicate waits until then at most. */
  deadline: number;
  run: (plan: BatchPlan) => Promise<PlanRun>;
}

export type RunOnce = { kind: 'answered'; answer: Answer } | { kind: 'replayed'; answer: RecordedAnswer };

/** Runs the plan under a lease, or replays the answer another attempt recorded; SERVICE_UNAVAILABLE past the deadline. */
export async function runOnce(store: RecordStore, key: RecordKey, options: RunOnceOptions): Promise<RunOnce> {
  const { deadline, run } = options;
  const lease = { token: randomUUID(), until: deadline };
  let wait = FIRST_POLL_MS;
  for (;;) {
    const held = await store.save(key, { state: RecordState.Pending, plan: options.plan, lease });
    const answer = held && replayable(held, key.idempotency);
    if (answer) return { kind: 'replayed', answer };
    // The key's record is this request's plan, pending: run it only if its lease ran out.
    const plan =
      held?.state === RecordState.Pending
        ? (await store.takeOver(key, lease)) && (held.plan ?? options.plan)
        : options.plan;
    if (plan) {
      let finished = false;
      try {
        const ran = await run(plan);
        if (ran.unfinished) return { kind: 'answered', answer: ran.answer };
        const record = { state: RecordState.Complete, answer: ran.answer, projectIds: ran.projectIds };
        finished = await store.complete(key, lease, record);
        if (finished) return { kind: 'answered', answer: ran.answer };
        // Another attempt took the plan over and completed it: its answer is the one to give.
      } finally {
        if (!finished) await store.release(key, lease);
      }
    }
    // Another attempt runs the plan: read (never write) until its answer is recorded or its lease runs out.
    for (;;) {
      if (Date.now() + wait > deadline) throw reject('SERVICE_UNAVAILABLE');
      await sleep(wait);
      wait = Math.min(wait * 2, MAX_POLL_MS);
      const record = await store.read(key);
      const recorded = record && replayable(record, key.idempotency);
      if (recorded) return { kind: 'replayed', answer: recorded };
      // Pending under a lease that ran out, or gone (expired, then removed by DynamoDB's TTL): try again.
      if (record?.state !== RecordState.Pending || leaseRanOut(record.leaseUntil)) break;
    }
  }
}
