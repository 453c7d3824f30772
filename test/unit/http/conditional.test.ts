import { etag, ifMatchAllows, ifMatchOf, parseIfMatch } from '../../../lib/http/conditional';

describe('If-Match', () => {
  it.each([
    [undefined, 3, true],
    ['*', 3, true],
    [' * ', 3, true],
    ['"3"', 3, true],
    ['"2", "3"', 3, true],
    ['"2","4"', 3, false],
    ['W/"3"', 3, false],
    ['3', 3, false],
    ['"03"', 3, false],
    ['"0"', 0, false],
    ['""', 3, false],
    ['"3" junk', 3, false],
    ['"1234567890123456"', 1234567890123456, true],
    ['"12345678901234567"', Number('12345678901234567'), false],
  ])('%j allows version %i: %s', (header, version, allowed) => {
    expect(ifMatchAllows(parseIfMatch(header), version)).toBe(allowed);
    expect(ifMatchOf(header)(version)).toBe(allowed);
  });

  it('parses the versions a header names', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toEqual({ any: true });
    expect(parseIfMatch('"1", W/"2", "3"')).toEqual({ any: false, versions: new Set([1, 3]) });
  });

  it('names a version as a strong ETag', () => {
    expect(etag(7)).toBe('"7"');
  });
});
