import fc from 'fast-check';
import { jsonStructureProblem } from '../../../lib/http/json-structure';

describe('jsonStructureProblem', () => {
  it.each([
    ['{"a":1,"a":2}', 'a'],
    ['{"title":"x","title":"y"}', 'title'],
    ['{"a":{"b":1,"b":2}}', 'b'],
    ['{"a":1,"\\u0061":2}', 'a'],
    ['[{"k":1},{"x":[{"k":1,"k":3}]}]', 'k'],
    ['{"a\\"":1,"a\\"":2}', 'a"'],
    ['{"x":[1],"k":1,"k":2}', 'k'],
  ])('finds the repeated key in %s', (text, key) => {
    expect(jsonStructureProblem(text)).toEqual({ kind: 'duplicate-key', key });
  });

  it.each([
    ['{"a":1,"b":{"a":2}}'],
    ['[{"a":1},{"a":2}]'],
    ['{"a":"a","b":["a","a"]}'],
    ['{"a":"x\\"a\\":1","b":2}'],
    ['{"a\\\\":1,"a":2}'],
    ['"plain"'],
    ['{}'],
    ['["x","a","a"]'],
  ])('finds nothing wrong in %s', (text) => {
    expect(jsonStructureProblem(text)).toBeUndefined();
  });

  it('leaves a key that is not a JSON string to the parser', () => {
    expect(jsonStructureProblem('{"\\x":1,"\\x":2}')).toBeUndefined();
  });

  it('refuses nesting deeper than the limit, at any size', () => {
    expect(jsonStructureProblem(`${'['.repeat(32)}${']'.repeat(32)}`)).toBeUndefined();
    expect(jsonStructureProblem(`${'['.repeat(33)}${']'.repeat(33)}`)).toEqual({ kind: 'too-deep' });
    expect(jsonStructureProblem('{"a":'.repeat(100_000))).toEqual({ kind: 'too-deep' });
  });

  it('agrees with JSON.parse on every generated JSON value without repeated keys', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(jsonStructureProblem(JSON.stringify(value))).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        jsonStructureProblem(text);
      }),
      { numRuns: 500 },
    );
  });
});
