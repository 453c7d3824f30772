/**
 * Validation with zod: a schema's issues become `errors[]`, one entry per field (and per
 * unknown key), in English or, with zod's own Korean locale and our texts, in Korean.
 * Only the functions that take a body or a query import it, and so zod.
 */
import { ko } from 'zod/locales';
import type * as z from 'zod/mini';
import { safeParse } from 'zod/mini';
import type { Language } from './errors/catalog';
import { type ErrorDetail, validationFailed } from './errors/rejections';
import type { Validator } from './http/types';

/** Turns zod issues into `errors[]`, one entry per field (and per unknown key). */
export function validationDetails(issues: readonly z.core.$ZodIssue[], language: Language): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String);
    const localized = language === 'ko' ? (issue as { params?: { ko?: string } }).params?.ko : undefined;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        details.push({
          field: [...path, key].join('.'),
          message: language === 'ko' ? '허용되지 않는 필드입니다.' : 'Unknown field.',
        });
      }
    } else {
      details.push({ field: path.length > 0 ? path.join('.') : 'body', message: localized ?? issue.message });
    }
  }
  return details;
}

const koreanErrors = ko().localeError;

export function validate<S extends z.ZodMiniType>(schema: S, value: unknown, language: Language): z.output<S> {
  const result = safeParse(schema, value, language === 'ko' ? { error: koreanErrors } : undefined);
  if (!result.success) throw validationFailed(validationDetails(result.error.issues, language));
  return result.data;
}

/** A Validator for httpHandler's `body` or `query` option. */
export function validator<S extends z.ZodMiniType>(schema: S): Validator<z.output<S>> {
  return (value, language) => validate(schema, value, language);
}
