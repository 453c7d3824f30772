/**
 * What a create came to, in the domain's words: the use cases return it, and the HTTP layer
 * (lib/http/answers.ts) turns it into the answer, fresh or replayed.
 */
import type { Answer, Idempotency, IdempotencyRecord, StoredResponse } from '../domain/idempotency';
import { type ErrorDetail, reject } from '../errors/rejections';

export type Outcome =
  /** The answer made for this request: recorded under its key, when it has one, with the write. */
  | { kind: 'answered'; answer: Answer }
  /** What the key's record holds: an earlier attempt of the same request came to that. */
  | { kind: 'replayed'; response: StoredResponse }
  /** The title is held already; for a batch, the details name each item (by index) and why. */
  | { kind: 'conflict'; details?: ErrorDetail[] };

/** The key's record, for the same request; 422 for another request under the same key. */
export function replayed(record: IdempotencyRecord, idempotency: Idempotency): Outcome {
  if (record.fingerprint !== idempotency.fingerprint) throw reject('IDEMPOTENCY_KEY_REUSED');
  return { kind: 'replayed', response: record.response };
}
