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
  const random = randomBytes(16);
  let tail = '';
  for (let i = 0; i < 16; i += 1) tail += ALPHABET.charAt((random[i] ?? 0) % 32);
  return time + tail;
}

export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Whether a path segment can be a project id; anything else names no project. */
export function isProjectId(value: string | undefined): value is string {
  return value !== undefined && ID_PATTERN.test(value);
}
