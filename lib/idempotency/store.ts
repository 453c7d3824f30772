/**
 * The record store: the idempotency module's own persistence port, in five verbs and one
 * joined write. The DynamoDB adapter implements it (lib/dynamodb/records.ts); every write is
 * conditioned there, so two attempts can never both save, take over or complete one record.
 */
import type { JoinedWrite } from '../domain/repository';
import type { Idempotency } from './key';
import type { IdempotencyRecord, Lease, NewRecord, RecordState } from './record';

/** Whose key, and which: a record is the owner's alone. */
export interface RecordKey {
  owner: string;
  idempotency: Idempotency;
}

export type NewCompleteRecord = Extract<NewRecord, { state: typeof RecordState.Complete }>;

export interface RecordStore {
  /**
   * Saving a complete record as one more write of the transaction that makes the projects it
   * tells of. Its condition is save's; when it fails, nothing is written and the write holds the
   * key's record.
   */
  joinedSave(key: RecordKey, record: NewCompleteRecord): JoinedWrite<IdempotencyRecord>;
  /** Saves a record under a key that has none (or one expired): undefined, or the record the key holds (nothing written). */
  save(key: RecordKey, record: NewRecord): Promise<IdempotencyRecord | undefined>;
  /** The key's record as it stands (a strongly consistent read), or undefined. */
  read(key: RecordKey): Promise<IdempotencyRecord | undefined>;
  /** Takes this request's pending record over under `lease`, only if the lease it had ran out; whether it did. */
  takeOver(key: RecordKey, lease: Lease): Promise<boolean>;
  /** Completes this request's pending record, only while `lease` holds it; whether it did. */
  complete(key: RecordKey, lease: Lease, record: NewCompleteRecord): Promise<boolean>;
  /** Ends `lease` on this request's pending record, so that a retry takes it over at once. */
  release(key: RecordKey, lease: Lease): Promise<void>;
}
