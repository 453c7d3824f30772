import type { MiddlewareObj } from '@middy/core';
import { type ErrorCode, errorCatalog, errorMessage, localize } from '../errors/catalog';
import { isRejection } from '../errors/rejections';
import { JSON_CONTENT_TYPE, PROBLEM_JSON } from './negotiation';
import type { Event, RequestContext, Result } from './types';

/**
 * Runs after `@middy/http-error-handler`, which has chosen the status and the headers of the
 * answer (a rejection's own, or 500 for anything else) but sends the error's message as
 * text. This writes the contract's body in its place: the JSON envelope with `code`, the
 * `[Reason Phrase]` message in the request's language, `requestId` and `errors[]`, or RFC
 * 9457 problem details when the client asked for them, with `Content-Language`. An
 * exception's answer is the generic INTERNAL_ERROR and carries nothing of it.
 */
export function errorEnvelope(): MiddlewareObj<Event, Result, Error, RequestContext> {
  return {
    onError: async (request) => {
      const { context } = request;
      const language = context.language ?? 'en';
      const error: unknown = request.error;
      const rejection = isRejection(error) ? error : undefined;
      const code: ErrorCode = rejection?.code ?? 'INTERNAL_ERROR';
      const entry = errorCatalog[code];
      const details = rejection?.details;
      const errors = details?.map((detail) => ({ ...detail, message: localize(detail.message, language) }));
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.response?.headers ?? {})) {
        // http-error-handler labels the message it sent; the body here is another.
        if (name.toLowerCase() !== 'content-type') headers[name] = String(value);
      }
      headers['content-language'] = language;
      const body = context.problem
        ? {
            type: `urn:projects-api:error:${code}`,
            title: entry.reason,
            status: entry.status,
            detail: entry.text[language],
            instance: request.event.rawPath ?? '/',
            code,
            requestId: context.requestId,
            ...(errors ? { errors } : {}),
          }
        : {
            status: 'Failed',
            code,
            message: errorMessage(code, language),
            requestId: context.requestId,
            ...(errors ? { errors } : {}),
          };
      headers['content-type'] = context.problem ? `${PROBLEM_JSON}; charset=utf-8` : JSON_CONTENT_TYPE;
      request.response = { statusCode: entry.status, headers, body: JSON.stringify(body) };
    },
  };
}
