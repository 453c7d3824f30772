import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32, as in ULID
const TIME_LENGTH = 10;
const RANDOM_LENGTH = 16;

// Random bytes drawn 4 KiB at a time: one call into the OS per 256 ids, not one per id.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

function randomByte(): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: `true` and `<` refill on every draw (the same ids, slower), `>` reads one byte past the pool as 0 once per pool (a digit a draw gives too); `false` (never refill) is not equivalent and fails "keeps drawing random parts long after the first ones" when planted
  if (offset >= POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const byte = pool[offset] ?? 0;
  offset += 1;
  return byte;
}

/**
 * A maker of monotonic ULIDs: 48 bits of milliseconds then 80 random bits, 26 characters of
 * Crockford base32. Ids sort by creation time, so "newest first" is a key order, and contain
 * no delimiter. Within one millisecond (or if the clock steps back) the random part of the
 * last id is incremented instead of drawn again, so the ids one maker makes strictly
 * increase: the projects of a batch list in exactly the reverse of their order in the request.
 * `randomDigit` draws one base32 digit (tests give their own).
 */
export function idMaker(randomDigit: () => number = () => randomByte() % 32): (now?: number) => string {
  // The last id made: its time and its random part, as base32 digits. Any clock reads above
  // -1, so the first id always draws its random part.
  // Stryker disable next-line UnaryOperator: equivalent, the first call (now > lastTime) overwrites it
  let lastTime = -1;
  // Stryker disable next-line ArrayDeclaration: equivalent, the first call (now > lastTime) overwrites it
  let lastRandom: number[] = [];
  const draw = () => Array.from({ length: RANDOM_LENGTH }, randomDigit);
  return (now = Date.now()) => {
    if (now > lastTime) {
      lastTime = now;
      lastRandom = draw();
    } else if (!increment(lastRandom)) {
      // 2^80 ids in one millisecond: take the next millisecond.
      lastTime += 1;
      lastRandom = draw();
    }
    let time = '';
    let t = lastTime;
    for (let i = 0; i < TIME_LENGTH; i += 1) {
      time = ALPHABET.charAt(t % 32) + time;
      t = Math.floor(t / 32);
    }
    return time + lastRandom.map((digit) => ALPHABET.charAt(digit)).join('');
  };
}

/** The ids of this process (see idMaker). */
export const newId = idMaker();

/** Adds one to base32 digits in place; false when they overflow (all were 31). */
export function increment(digits: number[]): boolean {
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    const digit = digits[i] ?? 0;
    if (digit < 31) {
      digits[i] = digit + 1;
      return true;
    }
    digits[i] = 0;
  }
  return false;
}

export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Whether a path segment can be a project id; anything else names no project. */
export function isProjectId(value: string | undefined): value is string {
  // No id is spelled "undefined".
  return ID_PATTERN.test(String(value));
}
