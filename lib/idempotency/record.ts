/**
 * The idempotency record: what an owner's Idempotency-Key holds. A record is complete (the
 * answer to replay) or pending (the plan of a best-effort batch, run under a lease). Records
 * are stored by the DynamoDB adapter (lib/dynamodb/records.ts) in these states' names.
 */
import type { ErrorCode } from '../errors/catalog';
import type { ErrorDetail } from '../errors/rejections';

/** Records are kept at least this long; DynamoDB's TTL removes them some time after. */
export const RECORD_TTL_SECONDS = 24 * 60 * 60;

/** The states of a record, as stored. */
export const RecordState = {
  /** The answer is recorded: every retry of the same request gets it again. */
  Complete: 'complete',
  /** A best-effort batch's plan is recorded, and an attempt runs it under a lease. */
  Pending: 'pending',
} as const;

/** An answer as it is sent: made by the HTTP layer, kept by a record exactly as it is. */
export interface Answer {
  status: number;
  /** Wrapped in the success envelope; omit for an answer without a body (204). */
  data?: unknown;
  /** A JSON body sent as it is, without the envelope (the OpenAPI document). */
  raw?: string;
  /** Whether `raw` is base64 (a compressed or binary body). */
  base64?: boolean;
  headers?: Record<string, string>;
}

/** A rejection that came of running the request: its catalog code and details, which say its status. */
export interface RecordedRejection {
  error: { code: ErrorCode; details?: ErrorDetail[] };
}

/** What a complete record replays: the answer sent, or the rejection. */
export type RecordedAnswer = Answer | RecordedRejection;

export const isRecordedRejection = (answer: RecordedAnswer): answer is RecordedRejection => 'error' in answer;

/** A best-effort batch's plan: for each valid item of the request, by index, the id and time its project gets. */
export interface BatchPlan {
  projects: { index: number; id: string; createdAt: string }[];
}

/**
 * Who runs a pending plan, and until when: one attempt at a time runs it, and the others wait
 * for its answer. A lease that ran out (its attempt died) is taken over.
 */
export interface Lease {
  token: string;
  /** Epoch milliseconds. */
  until: number;
}

export interface CompleteRecord {
  state: typeof RecordState.Complete;
  fingerprint: string;
  answer: RecordedAnswer;
}

export interface PendingRecord {
  state: typeof RecordState.Pending;
  fingerprint: string;
  plan: BatchPlan;
  /** When the lease of the attempt running the plan ends (epoch milliseconds); 0 once released. */
  leaseUntil: number;
}

export type IdempotencyRecord = CompleteRecord | PendingRecord;

/** A record to save: complete with its answer, or pending under a lease, and the ids of the projects it tells of. */
export type NewRecord =
  | { state: typeof RecordState.Complete; answer: RecordedAnswer; projectIds: readonly string[] }
  | { state: typeof RecordState.Pending; plan: BatchPlan; lease: Lease };

/** The lease of a pending record has run out: another attempt may take the plan over. */
export const leaseRanOut = (leaseUntil: number, now: number = Date.now()): boolean => leaseUntil < now;
