import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32, as in ULID

/**
 * A ULID: 48 bits of milliseconds then 80 random bits, 26 characters of Crockford base32.
 * Ids sort by creation time, so "newest first" is a key order, and contain no delimiter.
 */
export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i += 1) {
    time = ALPHABET.charAt(t % 32) + time;
    t = Math.floor(t / 32);
  }
  let tail = '';
  for (let i = 0; i < 16; i += 1) tail += ALPHABET.charAt(randomByte() % 32);
  return time + tail;
}

// Random bytes drawn 4 KiB at a time: one call into the OS per 256 ids, not one per id.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

function randomByte(): number {
  if (offset >= POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const byte = pool[offset] ?? 0;
  offset += 1;
  return byte;
}

export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Whether a path segment can be a project id; anything else names no project. */
export function isProjectId(value: string | undefined): value is string {
  return value !== undefined && ID_PATTERN.test(value);
}
