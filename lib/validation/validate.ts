/**
 * Validation with zod: a schema's issues become `errors[]`, one entry per field and reason
 * (and per unknown key), in the words of zod's own English or Korean locale and our texts.
 * Only the functions that take a body or a query import it, and so zod.
 */
import type * as z from 'zod/mini';
import { safeParse } from 'zod/mini';
import type { Language } from '../errors/catalog';
import { type ErrorDetail, validationFailed } from '../errors/rejections';

/**
 * Turns zod issues into `errors[]`, one entry per field and reason (and per unknown key). The
 * fields are named from `at` (a batch item is `projects.<index>`); the whole value is `body`.
 */
export function validationDetails(
  issues: readonly z.core.$ZodIssue[],
  language: Language,
  at: readonly string[] = [],
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const add = (path: readonly string[], message: string) => {
    const field = path.length > 0 ? path.join('.') : 'body';
    if (!details.some((detail) => detail.field === field && detail.message === message))
      details.push({ field, message });
  };
  for (const issue of issues) {
    const path = [...at, ...issue.path.map(String)];
    const localized = language === 'ko' ? (issue as { params?: { ko?: string } }).params?.ko : undefined;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        add([...path, key], language === 'ko' ? '허용되지 않는 필드입니다.' : 'Unknown field.');
    } else {
      add(path, localized ?? issue.message);
    }
  }
  return details;
}

/** The type of a JSON value as zod names it in its messages. */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

const quoted = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));
const UNITS: Record<string, string> = { string: '문자', array: '개' };
const ENGLISH_UNITS: Record<string, string> = { string: 'characters', array: 'items' };

/**
 * English texts for the issues our schemas can raise, in the very words of zod's own `en`
 * locale (test/unit/validation/validate.test.ts compares them), which says what was expected where
 * zod/mini alone says only "Invalid input".
 */
export function englishError(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}, received ${typeOf(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${quoted(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(quoted).join('|')}`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = (big ? issue.maximum : issue.minimum).toString();
      const adjective = `${big ? '<' : '>'}${issue.inclusive ? '=' : ''}`;
      const unit = ENGLISH_UNITS[issue.origin ?? ''];
      const expected = unit ? `to have ${adjective}${limit} ${unit}` : `to be ${adjective}${limit}`;
      return `Too ${big ? 'big' : 'small'}: expected ${issue.origin ?? 'value'} ${expected}`;
    }
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map(quoted).join(', ')}`;
    default:
      return 'Invalid input';
  }
}

/**
 * Korean texts for the issues our schemas can raise, in the very words of zod's own `ko`
 * locale (test/unit/validation/validate.test.ts compares them): the locale holds every issue and
 * format zod knows, 3.7 KiB in each function that validates a body, for these five.
 */
export function koreanError(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `잘못된 입력: 예상 타입은 ${issue.expected}, 받은 타입은 ${typeOf(issue.input)}입니다`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `잘못된 입력: 값은 ${quoted(issue.values[0])} 이어야 합니다`
        : `잘못된 옵션: ${issue.values.map(quoted).join('또는 ')} 중 하나여야 합니다`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = big ? issue.maximum : issue.minimum;
      const adjective = big ? (issue.inclusive ? '이하' : '미만') : issue.inclusive ? '이상' : '초과';
      const suffix = adjective === '미만' || adjective === '이상' ? '이어야 합니다' : '여야 합니다';
      const unit = UNITS[issue.origin ?? ''];
      const amount = unit ? `${limit.toString()}${unit}` : limit.toString();
      return `${issue.origin ?? '값'}이 너무 ${big ? '큽니다' : '작습니다'}: ${amount} ${adjective}${suffix}`;
    }
    case 'unrecognized_keys':
      return `인식할 수 없는 키: ${issue.keys.map(quoted).join(', ')}`;
    default:
      return '잘못된 입력';
  }
}

/** Checks a request part and returns its typed value, or throws a VALIDATION_FAILED rejection. */
export type Validator<T> = (value: unknown, language: Language) => T;

const check = <S extends z.ZodMiniType>(schema: S, value: unknown, language: Language) =>
  safeParse(schema, value, { error: language === 'ko' ? koreanError : englishError });

export function validate<S extends z.ZodMiniType>(schema: S, value: unknown, language: Language): z.output<S> {
  const result = check(schema, value, language);
  if (!result.success) throw validationFailed(validationDetails(result.error.issues, language));
  return result.data;
}

/** A value of a list that failed validation: its index, and its `errors[]`. */
export interface InvalidItem {
  index: number;
  details: ErrorDetail[];
}

/**
 * Checks each value of a list on its own: the valid ones, typed, and the `errors[]` of each
 * other one, by index. Given the list's name, the fields are named as in the whole body
 * (`projects.1.title`).
 */
export function validateEach<S extends z.ZodMiniType>(
  schema: S,
  values: readonly unknown[],
  language: Language,
  list?: string,
) {
  const valid: { index: number; input: z.output<S> }[] = [];
  const invalid: InvalidItem[] = [];
  values.forEach((value, index) => {
    const result = check(schema, value, language);
    const at = list === undefined ? [] : [list, String(index)];
    if (result.success) valid.push({ index, input: result.data });
    else invalid.push({ index, details: validationDetails(result.error.issues, language, at) });
  });
  return { valid, invalid };
}

/** A Validator for httpHandler's `body` or `query` option. */
export function validator<S extends z.ZodMiniType>(schema: S): Validator<z.output<S>> {
  return (value, language) => validate(schema, value, language);
}
