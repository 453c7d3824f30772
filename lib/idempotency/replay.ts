/**
 * The replay rule: what a key's record means for the request that meets it. Another request
 * under the same key (another fingerprint) is refused, IDEMPOTENCY_KEY_REUSED, whatever the
 * record's state; the same request gets the complete record's answer again, or finds its own
 * plan pending (lib/idempotency/lease.ts).
 */
import { reject } from '../errors/rejections';
import type { Idempotency } from './key';
import { type IdempotencyRecord, type RecordedAnswer, RecordState } from './record';

/** The answer the record replays to this request, or undefined while it holds this request's pending plan. */
export function replayable(record: IdempotencyRecord, idempotency: Idempotency): RecordedAnswer | undefined {
  if (record.fingerprint !== idempotency.fingerprint) throw reject('IDEMPOTENCY_KEY_REUSED');
  // Stryker disable next-line ConditionalExpression: equivalent, a pending record has no answer (`true` gives undefined all the same)
  return record.state === RecordState.Complete ? record.answer : undefined;
}

/**
 * The answer to replay to a request that records its answer whole (a create, or a rejection):
 * its own record is always complete, so a pending one under its fingerprint is a bug.
 */
export function replayOf(record: IdempotencyRecord, idempotency: Idempotency): RecordedAnswer {
  const answer = replayable(record, idempotency);
  // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, as said above; without the check, the same bug is a 500 all the same
  if (!answer) throw new Error('a pending plan holds the fingerprint of a request answered whole');
  return answer;
}
