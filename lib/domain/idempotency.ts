/**
 * Idempotency-Key: a client's retry of a create gets the first answer again, never a 409
 * for the project its own first attempt made.
 *
 * For one project or an atomic batch, the record (owner + key → fingerprint of the request,
 * the answer to replay) is written in the same transaction as the projects it describes. A
 * retry after a crash at any point therefore finds either nothing (nothing was written: it
 * creates) or the record (it replays). A best-effort batch, one transaction per item, records
 * its plan first, under a lease; a retry after a crash takes the plan over once the lease has
 * run out (lib/app/create-best-effort.ts).
 */
import { createHash } from 'node:crypto';
import type { ErrorCode } from '../errors/catalog';
import { type ErrorDetail, validationFailed } from '../errors/rejections';

/** Records are kept at least this long; DynamoDB's TTL removes them some time after. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

export interface Idempotency {
  key: string;
  /** Fixed-size, delimiter-free digest of the key, for the record's sort key. */
  digest: string;
  /** Digest of the route and the canonical request body: "the same request". */
  fingerprint: string;
}

/** An answer as it is sent: made by the HTTP layer, kept by a record exactly as it is. */
export interface Answer {
  status: number;
  data?: unknown;
  headers?: Record<string, string>;
}

/** A rejection that came of running the request: its catalog code and details, which say its status. */
export interface RecordedRejection {
  error: { code: ErrorCode; details?: ErrorDetail[] };
}

/** What a record replays: the answer sent, or the rejection. */
export type StoredResponse = Answer | RecordedRejection;

export const isRecordedRejection = (response: StoredResponse): response is RecordedRejection => 'error' in response;

export interface IdempotencyRecord {
  fingerprint: string;
  response: StoredResponse;
}

/** JSON with object keys sorted, so that key order and white space do not change a fingerprint. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    // sort() with no comparator orders strings by UTF-16 code unit, not by locale.
    const keys = Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

// A string is hashed as UTF-8.
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * The idempotency of a request with this key, or undefined without one. The fingerprint
 * covers the route and the validated body, so the same key on another route or with another
 * body is a reuse.
 */
export function idempotencyOf(key: string | undefined, route: string, body: unknown): Idempotency | undefined {
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw validationFailed([
      {
        field: 'Idempotency-Key',
        message: {
          en: 'Must be 1 to 255 printable ASCII characters.',
          ko: '출력 가능한 ASCII 문자 1~255자여야 합니다.',
        },
      },
    ]);
  }
  return { key, digest: sha256(key), fingerprint: sha256(`${route}\n${canonicalJson(body)}`) };
}
