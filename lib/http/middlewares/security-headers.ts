import type { MiddlewareObj } from '@middy/core';
import type { Event, ProxyResult, RequestContext } from '../types';

/**
 * Sent with every answer: nothing is cached, sniffed, framed or referred. An answer a route
 * lets be cached still varies by `Origin`: API Gateway adds CORS headers that depend on it,
 * and a shared cache must not serve one origin's answer to another.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  vary: 'Origin',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

/**
 * The security headers and `x-request-id` on every answer, success or failure; a route's own
 * header wins (the OpenAPI document may be cached).
 */
export function securityHeaders(): MiddlewareObj<Event, ProxyResult, Error, RequestContext> {
  const add = async (request: { response: ProxyResult | null | undefined; context: RequestContext }) => {
    // Stryker disable next-line ConditionalExpression: middy runs `after` with the handler's answer, and `onError` here after the error envelope has set one
    if (!request.response) return;
    request.response.headers = {
      ...SECURITY_HEADERS,
      'x-request-id': request.context.requestId,
      ...request.response.headers,
    };
  };
  return { after: add, onError: add };
}
