import type { MiddlewareObj } from '@middy/core';
import { isRejection, reject } from '../../errors/rejections';
import type { Event, ProxyResult, RequestContext } from '../types';

/** Whether middy's JSON body parser threw it (recognized by its package tag, not its text). */
const fromJsonParser = (error: unknown) =>
  (error as { cause?: { package?: string } } | null)?.cause?.package === '@middy/http-json-body-parser';

/**
 * Runs first on an error, before `@middy/http-error-handler`: keeps what was thrown for the
 * log line, turns the JSON parser's failure into our MALFORMED_JSON (the body checks ran
 * before it, so it can mean nothing else), and leaves every other error that is not one of
 * our rejections an exception, even one that looks like an HTTP error: the client sees a
 * bare 500 for it, never its status or message.
 */
export function knownErrors(): MiddlewareObj<Event, ProxyResult, Error, RequestContext> {
  return {
    onError: async (request) => {
      const error: unknown = request.error;
      request.context.failure = error;
      if (isRejection(error)) return;
      if (fromJsonParser(error)) {
        request.error = reject('MALFORMED_JSON', { cause: error });
        request.context.failure = request.error;
        return;
      }
      // Stryker disable next-line StringLiteral,ObjectLiteral: only its being a plain Error counts (a bare 500); the log line has the original, kept above
      request.error = new Error('unexpected exception', { cause: error });
    },
  };
}
