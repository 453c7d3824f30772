/**
 * What a create came to, in the domain's words: the use cases return it, and the HTTP layer
 * (lib/http/answers.ts) turns it into the answer, fresh or replayed.
 */
import type { Answer, Idempotency, IdempotencyRecord, StoredResponse } from '../domain/idempotency';
import { reject } from '../errors/rejections';

/** A batch item whose title is held already, or repeats the title of an earlier item of the batch. */
export interface TitleConflict {
  index: number;
  repeated: boolean;
}

export type Outcome =
  /** The answer made for this request: recorded under its key, when it has one, with the write. */
  | { kind: 'answered'; answer: Answer }
  /** What the key's record holds: an earlier attempt of the same request came to that. */
  | { kind: 'replayed'; response: StoredResponse }
  /** The title is held already; for a batch, the items in conflict, by index. */
  | { kind: 'conflict'; items?: TitleConflict[] };

/** The key's record, for the same request; IDEMPOTENCY_KEY_REUSED for another request under the same key. */
export function replayed(record: IdempotencyRecord, idempotency: Idempotency): Outcome {
  if (record.fingerprint !== idempotency.fingerprint) throw reject('IDEMPOTENCY_KEY_REUSED');
  return { kind: 'replayed', response: record.response };
}
