/**
 * Which failures of DynamoDB (and of Secrets Manager, whose SDK errors have the same shape:
 * lib/cursor/secrets.ts) are worth a retry (503 with Retry-After) and which are bugs (500).
 */
import { serviceUnavailable } from '../errors/rejections';

/** Cancellation reasons that mean contention or throttling, never a failed condition. */
export const RETRYABLE_CANCELLATION: ReadonlySet<string | undefined> = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

const RETRYABLE_ERROR_NAMES = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionInProgressException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** Whether a failure of DynamoDB is worth a retry by the client (503), not a bug (500). */
export function isTransientDependencyError(error: unknown): boolean {
  // Anything may be thrown: null and undefined read as an object without fields, and a
  // primitive has none of the fields below either.
  const e = (error ?? {}) as {
    name?: string;
    code?: string;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number; attempts?: number };
  };
  if (e.name && RETRYABLE_ERROR_NAMES.has(e.name)) return true;
  if (e.code && NETWORK_ERROR_CODES.has(e.code)) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) return status >= 500;
  // The SDK tried (its retry layer counted the attempts) and never got an answer from
  // DynamoDB: a connection or network failure, whatever shape the error took on the way.
  return typeof (e.$metadata as { attempts?: unknown } | undefined)?.attempts === 'number';
}

/** A transient failure of DynamoDB becomes a 503; anything else stays what it is (a 500). */
export function dependencyError(error: unknown): unknown {
  return isTransientDependencyError(error) ? serviceUnavailable(error) : error;
}

/** Sends one request, turning transient failures into 503. */
export async function send<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw dependencyError(error);
  }
}
