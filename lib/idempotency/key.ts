/**
 * Idempotency-Key: a client's retry of a create gets the first answer again, never a 409
 * for the project its own first attempt made.
 *
 * For one project or an atomic batch, the record (owner + key → fingerprint of the request,
 * the answer to replay) is written in the same transaction as the projects it describes. A
 * retry after a crash at any point therefore finds either nothing (nothing was written: it
 * creates) or the record (it replays). A best-effort batch, one transaction per item, records
 * its plan first, under a lease; a retry after a crash takes the plan over once the lease has
 * run out (lib/idempotency/lease.ts).
 */
import { digest } from '../domain/digest';
import { validationFailed } from '../errors/rejections';

const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/**
 * The operations that honour the key, and the name each one's fingerprints are made with. The
 * names are in every stored fingerprint: changing one would make every retry under a key
 * recorded before a reuse, so they never change, whatever the routes and logs call them.
 */
export const OPERATIONS = {
  createProject: 'POST /projects',
  createProjectsBatch: 'POST /projects/batch',
} as const;

export type IdempotentOperation = keyof typeof OPERATIONS;

export interface Idempotency {
  key: string;
  /** Fixed-size, delimiter-free digest of the key, for the record's sort key. */
  digest: string;
  /** Digest of the operation and the canonical request body: "the same request". */
  fingerprint: string;
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

/**
 * The idempotency of a request with this key, or undefined without one. The fingerprint
 * covers the operation and the validated body, so the same key on another operation or with
 * another body is a reuse.
 */
export function idempotencyOf(
  key: string | undefined,
  operation: IdempotentOperation,
  body: unknown,
): Idempotency | undefined {
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
  return { key, digest: digest(key), fingerprint: digest(`${OPERATIONS[operation]}\n${canonicalJson(body)}`) };
}
