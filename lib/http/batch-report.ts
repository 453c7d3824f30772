/**
 * The answer of a best-effort batch: 200 with the projects made, by index, and a failure for
 * every other item, with its code and its message in the request's language. The use case
 * runs the valid items; the items that failed validation are reported from here.
 */
import type { ItemOutcome, Report } from '../app/create-best-effort';
import type { Project } from '../domain/project';
import { type ErrorCode, errorMessage, type Language, localize, REPEATED_IN_BATCH } from '../errors/catalog';
import type { InvalidItem } from '../validation/validate';

interface Failure {
  index: number;
  code: ErrorCode;
  message: string;
  errors?: { field?: string; message: string }[];
}

function failureOf(outcome: Exclude<ItemOutcome, { kind: 'created' }>, language: Language): Failure {
  const { index } = outcome;
  if (outcome.kind === 'unavailable') {
    return { index, code: 'SERVICE_UNAVAILABLE', message: errorMessage('SERVICE_UNAVAILABLE', language) };
  }
  const message = errorMessage('PROJECT_TITLE_CONFLICT', language);
  return {
    index,
    code: 'PROJECT_TITLE_CONFLICT',
    message: outcome.repeated ? `${message} ${REPEATED_IN_BATCH[language]}` : message,
  };
}

const invalidFailure = ({ index, details }: InvalidItem, language: Language): Failure => ({
  index,
  code: 'VALIDATION_FAILED',
  message: errorMessage('VALIDATION_FAILED', language),
  errors: details.map((detail) => ({ field: detail.field, message: localize(detail.message, language) })),
});

/** The report of a run, with the invalid items among its failures, in the request's language. */
export function batchReport(invalid: readonly InvalidItem[], language: Language): Report {
  return (outcomes) => {
    const items: { index: number; project: Project }[] = [];
    const failures = invalid.map((item) => invalidFailure(item, language));
    for (const outcome of outcomes) {
      if (outcome.kind === 'created') items.push({ index: outcome.index, project: outcome.project });
      else failures.push(failureOf(outcome, language));
    }
    const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;
    return { status: 200, data: { items: items.sort(byIndex), failures: failures.sort(byIndex) } };
  };
}
