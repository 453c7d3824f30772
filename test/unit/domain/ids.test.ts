import { ID_PATTERN, idMaker, increment, isProjectId, newId } from '../../../lib/domain/ids';

describe('newId', () => {
  it('makes 26-character Crockford base32 ids that start with the time', () => {
    // The ULID specification's own example time.
    const id = newId(1469918176385);
    expect(id).toMatch(ID_PATTERN);
    expect(id.slice(0, 10)).toBe('01ARYZ6S41');
  });

  it('makes strictly increasing ids within one millisecond', () => {
    const now = Date.now() + 60_000;
    const ids = Array.from({ length: 1000 }, () => newId(now));
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids.map((id) => id.slice(0, 10))).size).toBe(1);
  });

  it('keeps increasing when the clock steps back', () => {
    const later = newId(Date.now() + 120_000);
    const earlier = newId(Date.now());
    expect(earlier > later).toBe(true);
  });

  it('draws a new random part in a new millisecond', () => {
    const a = newId(Date.now() + 180_000);
    const b = newId(Date.now() + 180_001);
    expect(b.slice(0, 10) > a.slice(0, 10)).toBe(true);
    expect(b.slice(10)).not.toBe(a.slice(10));
  });
});

describe('idMaker', () => {
  it('takes the next millisecond when the random part of one millisecond is used up', () => {
    // Every draw is the highest digit: the second id in the same millisecond overflows.
    const next = idMaker(() => 31);
    const first = next(1469918176385);
    const second = next(1469918176385);
    expect(first).toBe('01ARYZ6S41ZZZZZZZZZZZZZZZZ');
    expect(second).toBe('01ARYZ6S42ZZZZZZZZZZZZZZZZ');
    expect(second > first).toBe(true);
  });

  it('keeps drawing random parts long after the first ones (the pool of random bytes is drawn again)', () => {
    // 16 bytes an id: 600 ids in 600 milliseconds need more than one pool of 4 KiB.
    const start = Date.now() + 240_000;
    const ids = Array.from({ length: 600 }, (_, i) => newId(start + i));
    const late = ids.slice(300).map((id) => id.slice(10));
    expect(new Set(late).size).toBe(300);
    expect(late).not.toContain('0000000000000000');
  });
});

describe('isProjectId', () => {
  it.each([
    ['a ULID', '01ARZ3NDEKTSV4RRFFQ69G5FAV', true],
    ['lower case', '01arz3ndektsv4rrffq69g5fav', false],
    ['too short', '01ARZ3NDEKTSV4RRFFQ69G5FA', false],
    ['too long', '01ARZ3NDEKTSV4RRFFQ69G5FAVX', false],
    ['a letter Crockford leaves out', '01ARZ3NDEKTSV4RRFFQ69G5FAU', false],
    ['nothing', undefined, false],
  ])('%s → %s', (_name, value, expected) => {
    expect(isProjectId(value)).toBe(expected);
  });
});

describe('increment (the random part of the next id in one millisecond)', () => {
  it('adds one with carry, and says when all 80 bits overflow', () => {
    const digits = [0, 31, 31];
    expect(increment(digits)).toBe(true);
    expect(digits).toEqual([1, 0, 0]);
    const last = [3, 4];
    expect(increment(last)).toBe(true);
    expect(last).toEqual([3, 5]);
    const full = [31, 31];
    expect(increment(full)).toBe(false);
    expect(full).toEqual([0, 0]);
  });
});
