import * as z from 'zod/mini';
import { en, ko } from 'zod/v4/locales';
import { UpdateProjectBody } from '../../../lib/validation/schemas';
import { englishError, koreanError, validateEach, validationDetails } from '../../../lib/validation/validate';

const zods = ko().localeError;
const zodsEnglish = en().localeError;

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

describe('englishError', () => {
  it.each(schemas)(
    'says what zod’s English locale says for %s, never a bare "Invalid input"',
    (_name, schema, value) => {
      const result = z.safeParse(schema, value, { error: (issue) => englishError(issue) });
      const reference = z.safeParse(schema, value, { error: zodsEnglish });
      expect(result.success).toBe(false);
      const messages = result.error?.issues.map((issue) => issue.message);
      expect(messages).toEqual(reference.error?.issues.map((issue) => issue.message));
      expect(messages).not.toContain('Invalid input');
    },
  );
});

describe('validationDetails', () => {
  it('gives one entry per field and reason: a number over both of two limits is named once', () => {
    const twice = z.number().check(z.maximum(Number.MAX_SAFE_INTEGER), z.maximum(Number.MAX_SAFE_INTEGER));
    const result = z.safeParse(z.strictObject({ version: twice }), { version: 2 ** 53 }, { error: englishError });
    const issues = result.error?.issues ?? [];
    expect(issues.length).toBeGreaterThan(1);
    expect(validationDetails(issues, 'en')).toEqual([
      { field: 'version', message: `Too big: expected number to be <=${Number.MAX_SAFE_INTEGER}` },
    ]);
    const once = z.safeParse(UpdateProjectBody, { title: 'a', version: 2 ** 53 }, { error: englishError });
    expect(validationDetails(once.error?.issues ?? [], 'en')).toEqual([
      { field: 'version', message: `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}` },
    ]);
  });
});

describe('validateEach', () => {
  const Item = z.strictObject({ title: z.string().check(z.minLength(1)) });

  it('keeps each valid value at its index, and the errors of each other one', () => {
    const { valid, invalid } = validateEach(Item, [{ title: 'a' }, { title: '' }, { title: 'c', x: 1 }], 'en');
    expect(valid).toEqual([{ index: 0, input: { title: 'a' } }]);
    expect(invalid.map(({ index, details }) => [index, details.map((detail) => detail.field)])).toEqual([
      [1, ['title']],
      [2, ['x']],
    ]);
    expect(invalid[1]?.details[0]?.message).toBe('Unknown field.');
  });

  it('writes the errors in Korean for a Korean request', () => {
    const { invalid } = validateEach(Item, [{ title: 7 }, { title: 'b', y: 1 }], 'ko');
    expect(invalid.map(({ details }) => details[0]?.message)).toEqual([
      '잘못된 입력: 예상 타입은 string, 받은 타입은 number입니다',
      '허용되지 않는 필드입니다.',
    ]);
  });

  it('names the fields as in the whole body when given the list’s name: projects.<index>', () => {
    const { invalid } = validateEach(Item, [{ title: 'a' }, 5, { title: '' }], 'en', 'projects');
    expect(invalid.map(({ details }) => details.map((detail) => detail.field))).toEqual([
      ['projects.1'],
      ['projects.2.title'],
    ]);
  });
});
