/**
 * List cursors: opaque to clients, tamper-evident, and bound to the owner and the list
 * (live or deleted) they were minted for. The payload names the last item of a page; an
 * HMAC over owner, list and payload proves the server made it for this owner. A cursor is
 * compared as the exact text the server minted: the payload is signed as text, and the
 * signature is compared as its one unpadded base64url spelling, so no other spelling of the
 * same bytes (padding, the unused low bits of the last character) passes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ID_PATTERN } from '../domain/ids';
import type { CursorPosition } from '../domain/repository';
import { type Rejection, validationFailed } from '../errors/rejections';

const MAX_CURSOR_LENGTH = 1024;

function mac(secret: string, owner: string, deleted: boolean, payload: string): string {
  return createHmac('sha256', secret)
    .update(`${owner}\n${deleted ? 'deleted' : 'live'}\n${payload}`, 'utf8')
    .digest('base64url');
}

export function encodeCursor(secret: string, owner: string, deleted: boolean, position: CursorPosition): string {
  const payload = Buffer.from(JSON.stringify({ i: position.id, s: position.sortKey }), 'utf8').toString('base64url');
  return `${payload}.${mac(secret, owner, deleted, payload)}`;
}

function invalidCursor(): Rejection {
  return validationFailed([
    {
      field: 'cursor',
      message: { en: 'The cursor is not valid for this list.', ko: '이 목록에 쓸 수 없는 커서입니다.' },
    },
  ]);
}

/**
 * The HMAC keys of the cursors. A deployed stage reads them from Secrets Manager at run time
 * (lib/cursor/secrets.ts); the local stack and the tests give one in the environment.
 */
export interface CursorSecrets {
  /** The key that signs new cursors. */
  signing(): Promise<string>;
  /**
   * The keys a cursor may have been signed with, most likely first: the signing key, then the
   * one it replaced (a rotation keeps the cursors minted just before it working), then the
   * same read afresh when the cached ones verify nothing.
   */
  verifying(): AsyncIterable<string>;
}

/** The cursor's two parts, or a 400 VALIDATION_FAILED for a text that cannot be one. */
function partsOf(cursor: string): { payload: string; signature: string } {
  if (cursor.length > MAX_CURSOR_LENGTH) throw invalidCursor();
  const [payload, signature, ...rest] = cursor.split('.');
  if (!payload || !signature || rest.length > 0) throw invalidCursor();
  return { payload, signature };
}

type CursorParts = ReturnType<typeof partsOf>;

function signedWith(secret: string, owner: string, deleted: boolean, { payload, signature }: CursorParts): boolean {
  const expected = Buffer.from(mac(secret, owner, deleted, payload));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function positionOf({ payload }: CursorParts): CursorPosition {
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const { i, s } = (position ?? {}) as { i?: unknown; s?: unknown };
  if (typeof i !== 'string' || !ID_PATTERN.test(i) || typeof s !== 'string' || s.length > 200) throw invalidCursor();
  return { id: i, sortKey: s };
}

/** The position a cursor names; a 400 VALIDATION_FAILED for an altered or foreign cursor. */
export function decodeCursor(secret: string, owner: string, deleted: boolean, cursor: string): CursorPosition {
  const parts = partsOf(cursor);
  if (!signedWith(secret, owner, deleted, parts)) throw invalidCursor();
  return positionOf(parts);
}

/** A cursor to the position, signed with the signing key. */
export async function mintCursor(
  secrets: CursorSecrets,
  owner: string,
  deleted: boolean,
  position: CursorPosition,
): Promise<string> {
  return encodeCursor(await secrets.signing(), owner, deleted, position);
}

/** The position a cursor names, signed with any key still verifying; else 400 VALIDATION_FAILED. */
export async function readCursor(
  secrets: CursorSecrets,
  owner: string,
  deleted: boolean,
  cursor: string,
): Promise<CursorPosition> {
  const parts = partsOf(cursor);
  for await (const secret of secrets.verifying()) {
    if (signedWith(secret, owner, deleted, parts)) return positionOf(parts);
  }
  throw invalidCursor();
}
