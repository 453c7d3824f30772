import type { MiddlewareObj } from '@middy/core';
import { type ErrorCode, errorCatalog, errorMessage, type Language, localize } from '../../errors/catalog';
import { isRejection } from '../../errors/rejections';
import { JSON_CONTENT_TYPE, PROBLEM_JSON } from '../negotiation';
import type { Event, ProxyResult, RequestContext } from '../types';

export interface FailureOptions {
  language: Language;
  /** RFC 9457 problem details instead of the envelope. */
  problem: boolean;
  requestId: string;
  /** The request's path, problem details' `instance`. */
  instance: string;
  errors?: readonly Record<string, unknown>[];
}

/**
 * The body and the headers that describe it (type, language) of a failure with this code:
 * the JSON envelope, or problem details.
 */
export function failureAnswer(code: ErrorCode, options: FailureOptions) {
  const { language, requestId, errors } = options;
  const entry = errorCatalog[code];
  const body = options.problem
    ? {
        type: `urn:projects-api:error:${code}`,
        title: entry.reason,
        status: entry.status,
        detail: entry.text[language],
        instance: options.instance,
        code,
        requestId,
        ...(errors ? { errors } : {}),
      }
    : { status: 'Failed', code, message: errorMessage(code, language), requestId, ...(errors ? { errors } : {}) };
  return {
    status: entry.status,
    headers: {
      'content-language': language,
      'content-type': options.problem ? `${PROBLEM_JSON}; charset=utf-8` : JSON_CONTENT_TYPE,
    },
    body: JSON.stringify(body),
  };
}

/**
 * Runs after `@middy/http-error-handler`, which has chosen the status and the headers of the
 * answer (a rejection's own, or 500 for anything else) but sends the error's message as
 * text. This writes the contract's body in its place: the JSON envelope with `code`, the
 * `[Reason Phrase]` message in the request's language, `requestId` and `errors[]`, or RFC
 * 9457 problem details when the client asked for them, with `Content-Language`. An
 * exception's answer is the generic INTERNAL_ERROR and carries nothing of it.
 */
export function errorEnvelope(): MiddlewareObj<Event, ProxyResult, Error, RequestContext> {
  return {
    onError: async (request) => {
      const { context } = request;
      // Stryker disable next-line StringLiteral: requestContext, first of the chain, always sets the language
      const language = context.language ?? 'en';
      const error: unknown = request.error;
      const rejection = isRejection(error) ? error : undefined;
      const code: ErrorCode = rejection?.code ?? 'INTERNAL_ERROR';
      const details = rejection?.details;
      const errors = details?.map((detail) => ({ ...detail, message: localize(detail.message, language) }));
      const headers: Record<string, string> = {};
      // Stryker disable next-line OptionalChaining: http-error-handler, just before this, always sets the answer
      for (const [name, value] of Object.entries(request.response?.headers ?? {})) {
        // http-error-handler labels the message it sent; the body here is another.
        if (name.toLowerCase() !== 'content-type') headers[name] = String(value);
      }
      const failure = failureAnswer(code, {
        language,
        problem: context.problem,
        requestId: context.requestId,
        // Stryker disable next-line StringLiteral: an HTTP API event always has its rawPath
        instance: request.event.rawPath ?? '/',
        ...(errors ? { errors } : {}),
      });
      request.response = {
        statusCode: failure.status,
        headers: { ...headers, ...failure.headers },
        body: failure.body,
      };
    },
  };
}
