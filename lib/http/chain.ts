/**
 * The middy chain of the HTTP contract around an endpoint (a plain async function from an
 * ApiRequest to an Answer that throws rejections). Middlewares run their `before` in the
 * order below and their `onError` in the reverse order:
 *
 *   before   requestContext → authentication → jsonBodyChecks → httpJsonBodyParser → endpoint
 *            (authentication from `httpHandler` only, not `publicHttpHandler`; the body two only
 *            for a route with a body, given by `jsonBody()`: a function bundles only what it uses)
 *   onError  knownErrors → httpErrorHandler → errorEnvelope → requestLog → securityHeaders
 *   after    requestLog → securityHeaders
 */
import middy, { type MiddlewareObj } from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import type { Context } from 'aws-lambda';
import { serviceUnavailable } from '../errors/rejections';
import type { JsonBody } from './json-body';
import { errorEnvelope } from './middlewares/error-envelope';
import { knownErrors } from './middlewares/known-errors';
import { requestContext } from './middlewares/request-context';
import { requestLog } from './middlewares/request-log';
import { securityHeaders } from './middlewares/security-headers';
import { successResponse } from './responses';
import type { Answer, ApiRequest, Event, ProxyResult, RequestContext, Validator } from './types';

/** How long before the Lambda timeout the function gives up and answers 503. */
export const EARLY_TIMEOUT_MS = 1000;

/** When the function must have answered (epoch milliseconds): a little before the Lambda's own timeout. */
export const deadlineOf = (context: Pick<Context, 'getRemainingTimeInMillis'>) =>
  Date.now() + context.getRemainingTimeInMillis() - EARLY_TIMEOUT_MS;

export interface HandlerOptions<B, Q> {
  /** A name for logs and metrics, such as `POST /projects`. */
  route: string;
  /** The JSON body and its validator (`jsonBody(validator(Schema))`); routes without one ignore any body. */
  body?: JsonBody<B>;
  /** The validator of the query string parameters. */
  query?: Validator<Q>;
}

export type Middleware = MiddlewareObj<Event, ProxyResult, Error, RequestContext>;

/** Wraps an endpoint function in the shared HTTP contract; `checks` run before the body's. */
export function httpChain<B, Q>(
  endpoint: (request: ApiRequest<B, Q>) => Promise<Answer>,
  options: HandlerOptions<B, Q>,
  checks: readonly Middleware[],
) {
  const { body: jsonBody, query: querySchema } = options;
  const base = async (event: Event, context: RequestContext): Promise<ProxyResult> => {
    const query = (querySchema ? querySchema(event.queryStringParameters ?? {}, context.language) : undefined) as Q;
    const body = (jsonBody ? jsonBody.validate(event.body, context.language) : undefined) as B;
    const result = await endpoint({
      owner: context.owner,
      body,
      query,
      requestId: context.requestId,
      language: context.language,
      headers: event.headers ?? {},
      pathParameters: event.pathParameters ?? {},
      event,
      context,
    });
    return successResponse(result);
  };
  // The error is logged once, by requestLog, with the request's context. (A statement of its own:
  // Stryker reads no disable comment between the links of a method chain.)
  // Stryker disable next-line BooleanLiteral: http-error-handler logs only through a function, and `true` is none
  const errorHandler = httpErrorHandler({ logger: false });
  const handler = middy<Event, ProxyResult, Error, RequestContext>(base, {
    // Answer 503 a little before the Lambda's own timeout rather than let it cut the request off.
    timeoutEarlyInMillis: EARLY_TIMEOUT_MS,
    timeoutEarlyResponse: () => {
      throw serviceUnavailable(new Error('the function ran out of time'));
    },
  })
    .use(requestContext({ route: options.route }))
    .use(securityHeaders())
    .use(requestLog())
    .use(errorEnvelope())
    .use(errorHandler)
    .use(knownErrors());
  for (const middleware of checks) handler.use(middleware);
  for (const middleware of jsonBody?.middlewares ?? []) handler.use(middleware);
  return handler as unknown as (event: Event, context: Context) => Promise<ProxyResult>;
}
