/**
 * The answers API Gateway's HTTP API gives itself, before or instead of a function: its own
 * body, `{"message":"…"}`, with no `code`. Each stands for a code of the catalog, which the
 * typed client gives a caller, and the OpenAPI document and the docs describe them from here.
 */
import type { ErrorCode } from './catalog';

export interface GatewayAnswer {
  readonly status: number;
  /** The body's `message`, exactly as API Gateway sends it. */
  readonly message: string;
  /** The catalog code a client reads it as. */
  readonly code: ErrorCode;
  /** When API Gateway answers it. */
  readonly when: string;
}

export const gatewayAnswers = [
  {
    status: 401,
    message: 'Unauthorized',
    code: 'UNAUTHORIZED',
    when: 'The JWT authorizer refused the token (missing, malformed, expired, badly signed, another issuer or audience), with `WWW-Authenticate`.',
  },
  {
    status: 413,
    message: 'Request Entity Too Large',
    code: 'PAYLOAD_TOO_LARGE',
    when: 'The body is over API Gateway’s 10 MB, or the whole request over Lambda’s 6 MB (a body sent as base64 grows by a third).',
  },
  {
    status: 429,
    message: 'Too Many Requests',
    code: 'TOO_MANY_REQUESTS',
    when: 'The stage’s throttling (a rate and a burst for each route, all clients together) refused the request.',
  },
  {
    status: 500,
    message: 'Internal Server Error',
    code: 'INTERNAL_ERROR',
    when: 'The function crashed, ran past its own timeout, or returned no valid answer.',
  },
  {
    status: 503,
    message: 'Service Unavailable',
    code: 'SERVICE_UNAVAILABLE',
    when: 'The function did not answer within API Gateway’s 30 seconds.',
  },
] as const satisfies readonly GatewayAnswer[];
