/**
 * Rejections: the expected refusals of the API, each an `http-errors` error that carries its
 * catalog `code`, `expose: true`, the details for `errors[]` and the headers it answers with
 * (`Retry-After`, `WWW-Authenticate`, `Idempotent-Replayed`). `@middy/http-error-handler`
 * turns them into the response; anything thrown that is not one is an exception (500).
 */
import type { HttpError } from 'http-errors';
import {
  type ErrorCode,
  errorCatalog,
  isErrorCode,
  type LocalizedText,
  REPEATED_IN_BATCH,
  RETRY_AFTER_SECONDS,
} from './catalog';

type CreateError = typeof import('http-errors');
let loaded: CreateError | undefined;

/**
 * http-errors, loaded at the first rejection rather than at every cold start: it builds a
 * class for each HTTP status when it loads (about 4 ms on this machine, a tenth of a
 * function's whole init), which a container that only ever succeeds never needs.
 */
function httpErrors(): CreateError {
  loaded ??= require('http-errors') as CreateError;
  return loaded;
}

/** One reason a request failed, for `errors[]`: a field for validation, an index for batches. */
export interface ErrorDetail {
  field?: string;
  index?: number;
  code?: ErrorCode;
  message: LocalizedText;
}

export interface Rejection extends HttpError {
  code: ErrorCode;
  expose: true;
  details?: readonly ErrorDetail[];
  headers?: Record<string, string>;
}

export interface RejectionOptions {
  details?: readonly ErrorDetail[];
  headers?: Record<string, string>;
  /** What caused it, for the log line; never shown to the client. */
  cause?: unknown;
}

/** Headers a code always answers with. */
const HEADERS: Partial<Record<ErrorCode, Record<string, string>>> = {
  UNAUTHORIZED: { 'www-authenticate': 'Bearer' },
  SERVICE_UNAVAILABLE: { 'retry-after': String(RETRY_AFTER_SECONDS) },
};

/** The rejection for a catalog code: its status, its English text as the message. */
export function reject(code: ErrorCode, options: RejectionOptions = {}): Rejection {
  const { status, text } = errorCatalog[code];
  const headers = { ...HEADERS[code], ...options.headers };
  return httpErrors()(status, text.en, {
    code,
    expose: true,
    ...(options.details && options.details.length > 0 ? { details: options.details } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(options.cause === undefined ? {} : { cause: options.cause }),
  }) as Rejection;
}

/** Whether an error is one of ours: an http-errors error with a catalog code. */
export function isRejection(error: unknown): error is Rejection {
  if (typeof error !== 'object' || error === null || !isErrorCode((error as { code?: unknown }).code)) return false;
  return httpErrors().isHttpError(error);
}

/** Whether an error is the rejection with this code. */
export function isRejectionOf(error: unknown, code: ErrorCode): error is Rejection {
  return isRejection(error) && error.code === code;
}

export const validationFailed = (details: readonly ErrorDetail[]) => reject('VALIDATION_FAILED', { details });

/** 503 with Retry-After: a dependency failed in a way worth retrying. */
export const serviceUnavailable = (cause?: unknown) => reject('SERVICE_UNAVAILABLE', { cause });

/** The details naming the batch items whose title is held already, or repeats an earlier item's. */
export const titleConflicts = (items: readonly { index: number; repeated: boolean }[]): ErrorDetail[] =>
  items.map(({ index, repeated }) => ({
    index,
    code: 'PROJECT_TITLE_CONFLICT',
    message: repeated ? REPEATED_IN_BATCH : errorCatalog.PROJECT_TITLE_CONFLICT.text,
  }));
