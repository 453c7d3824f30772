import type { MiddlewareObj } from '@middy/core';
import { logger } from '../../telemetry/request-log';
import { negotiateLanguage, wantsProblemJson } from '../negotiation';
import type { Event, ProxyResult, RequestContext } from '../types';

/**
 * The Lambda invocation id: unique per request in AWS and in serverless-offline (whose
 * API Gateway request id is a constant), and the id Lambda's own log lines carry.
 */
function requestIdOf(event: Event, context: Partial<RequestContext>): string {
  // Stryker disable next-line OptionalChaining: Lambda always passes a context and API Gateway a requestContext; the `?.` keep a bare test event working
  return context?.awsRequestId || event.requestContext?.requestId || crypto.randomUUID();
}

/** First of the chain: the request id, language and failure format, on `request.context`. */
export function requestContext(options: { route: string }): MiddlewareObj<Event, ProxyResult, Error, RequestContext> {
  return {
    before: async ({ event, context }) => {
      const headers = event.headers ?? {};
      Object.assign(context, {
        requestId: requestIdOf(event, context),
        language: negotiateLanguage(headers['accept-language']),
        problem: wantsProblemJson(headers.accept),
        route: options.route,
        owner: '',
        startedAt: performance.now(),
      });
      logger.addContext(context);
    },
  };
}
