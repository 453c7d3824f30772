import type { MiddlewareObj } from '@middy/core';
import { isRejection } from '../../errors/rejections';
import { logRequest } from '../../telemetry/request-log';
import type { Event, ProxyResult, RequestContext } from '../types';

/**
 * One log line and one metric per request, once its answer is known: INFO for a success,
 * WARN for a rejection (with its cause), ERROR with the exception and its stack for a 500.
 */
export function requestLog(): MiddlewareObj<Event, ProxyResult, Error, RequestContext> {
  const log = (context: RequestContext, status: number, failure?: unknown) =>
    logRequest({
      requestId: context.requestId,
      route: context.route,
      owner: context.owner,
      status,
      code: failure === undefined ? undefined : isRejection(failure) ? failure.code : 'INTERNAL_ERROR',
      durationMs: Math.round((performance.now() - context.startedAt) * 10) / 10,
      error: failure,
    });
  return {
    after: async ({ context, response }) => {
      // Stryker disable next-line ConditionalExpression: middy runs `after` with the handler's answer
      if (response) log(context, response.statusCode ?? 200);
    },
    onError: async ({ context, response }) => {
      // Stryker disable next-line OptionalChaining,StringLiteral: the error envelope has set the answer, and knownErrors the failure, before this runs
      log(context, response?.statusCode ?? 500, context.failure ?? new Error('unknown failure'));
    },
  };
}
