import * as z from 'zod/mini';
import { ko } from 'zod/v4/locales';
import { koreanError } from '../../lib/validation';

const zods = ko().localeError;

/** Every issue our request schemas can raise, with zod's own Korean text beside ours. */
const schemas: [string, z.ZodMiniType, unknown][] = [
  ['a number for a string', z.string(), 7],
  ['null for a string', z.string(), null],
  ['an array for an object', z.strictObject({ a: z.string() }), []],
  ['a string for a boolean', z.boolean(), 'yes'],
  ['an object for an array', z.array(z.unknown()), {}],
  ['a string for an integer', z.int(), '1'],
  ['a fraction for an integer', z.int(), 1.5],
  ['NaN for a number', z.number(), Number.NaN],
  ['an unknown enum value', z.enum(['true', 'false']), 'yes'],
  ['a literal', z.literal('x'), 'y'],
  ['an empty array', z.array(z.unknown()).check(z.minLength(1)), []],
  ['a long array', z.array(z.unknown()).check(z.maxLength(2)), [1, 2, 3]],
  ['a short string', z.string().check(z.minLength(1)), ''],
  ['a long string', z.string().check(z.maxLength(2)), 'abc'],
  ['a small number', z.int().check(z.minimum(1)), 0],
  ['a big number', z.int().check(z.maximum(Number.MAX_SAFE_INTEGER)), Number.MAX_SAFE_INTEGER + 2],
  ['an exclusive minimum', z.number().check(z.gt(1)), 1],
  ['an exclusive maximum', z.number().check(z.lt(1)), 1],
  ['an unknown key', z.strictObject({}), { a: 1 }],
];

describe('koreanError', () => {
  it.each(schemas)('says what zod’s Korean locale says for %s', (_name, schema, value) => {
    const result = z.safeParse(schema, value, { error: (issue) => koreanError(issue) });
    const reference = z.safeParse(schema, value, { error: zods });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(
      reference.error?.issues.map((issue) => issue.message),
    );
  });
});
