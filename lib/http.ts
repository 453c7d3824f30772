/**
 * The HTTP contract shared by every function: request id, language, identity, body
 * checks, validation, the success and failure envelopes, and one log line per request.
 *
 * An endpoint is a plain async function from an ApiRequest to an ApiResult; it throws an
 * ApiError to reject. `httpHandler` wraps it in middy with the middlewares below.
 */
import middy, { type MiddlewareObj } from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createAuthenticator } from './auth';
import { config } from './config';
import {
  ApiError,
  type ErrorCode,
  errorCatalog,
  errorMessage,
  type Language,
  localize,
  MalformedJsonError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors';
import { jsonStructureProblem, MAX_JSON_DEPTH } from './json-structure';
import { MAX_BODY_BYTES } from './limits';
import { logger, recordOutcome } from './telemetry';

export type Event = APIGatewayProxyEventV2;
export type Result = APIGatewayProxyStructuredResultV2;

export { MAX_BODY_BYTES };

/** How long before the Lambda timeout the function gives up and answers 503. */
export const EARLY_TIMEOUT_MS = 1000;

export interface ApiRequest<Body = undefined, Query = undefined> {
  /** The verified token's `sub`; empty for routes without authentication. */
  owner: string;
  body: Body;
  query: Query;
  requestId: string;
  language: Language;
  headers: Readonly<Record<string, string | undefined>>;
  pathParameters: Readonly<Record<string, string | undefined>>;
  event: Event;
  context: Context;
}

export interface ApiResult {
  status: number;
  /** Wrapped in the success envelope; omit for a response without a body (204). */
  data?: unknown;
  /** A JSON body sent as it is, without the envelope (the OpenAPI document). */
  raw?: string;
  headers?: Record<string, string>;
}

/** Checks a request part and returns its typed value, or throws a ValidationError (lib/validation.ts). */
export type Validator<T> = (value: unknown, language: Language) => T;

export interface HandlerOptions<B, Q> {
  /** A name for logs and metrics, such as `POST /projects`. */
  route: string;
  /** The validator of the JSON body; routes without one ignore any body. */
  body?: Validator<B>;
  /** The validator of the query string parameters. */
  query?: Validator<Q>;
  /** Whether the route needs a bearer token (default true). */
  auth?: boolean;
}

// ---------------------------------------------------------------------------------------
// Content negotiation

/** `ko` when Korean is the client's most preferred of Korean and English; `en` otherwise. */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  let best: { language: Language; q: number } | undefined;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const language =
      tag === 'ko' || tag.startsWith('ko-') ? 'ko' : tag === 'en' || tag.startsWith('en-') ? 'en' : undefined;
    if (!language) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? 'en';
}

const PROBLEM_JSON = 'application/problem+json';

/** Whether the client asked for RFC 9457 problem details. */
export function wantsProblemJson(accept: string | undefined): boolean {
  return accept?.toLowerCase().includes(PROBLEM_JSON) ?? false;
}

// ---------------------------------------------------------------------------------------
// Body checks, before JSON parsing

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

const MEDIA_TYPE_PARAMETER = /^[!#$%&'*+.^_`|~0-9a-z-]+=(?:[!#$%&'*+.^_`|~0-9a-z-]+|"[^"\\]*")$/;

/** `application/json` or `application/*+json`, well-formed, and UTF-8 if it names a charset. */
function isJsonContentType(contentType: string): boolean {
  if (contentType.length > 200) return false;
  const [mediaType = '', ...params] = contentType.toLowerCase().split(';');
  if (!JSON_MEDIA_TYPE.test(mediaType.trim())) return false;
  return params.every((param) => {
    const trimmed = param.trim();
    if (!MEDIA_TYPE_PARAMETER.test(trimmed)) return false;
    const [name = '', value = ''] = trimmed.split('=');
    return name !== 'charset' || value.replace(/"/g, '') === 'utf-8';
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Checks size, media type and encoding, and leaves the body as plain UTF-8 text for the
 * JSON parser. Order matters: 413 before 415 before 400.
 */
export function prepareJsonBody(event: Event): void {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) throw new PayloadTooLargeError();
  const contentType = event.headers?.['content-type'];
  if (bytes.length === 0) {
    if (contentType !== undefined && !isJsonContentType(contentType)) throw new UnsupportedMediaTypeError();
    throw new MalformedJsonError();
  }
  if (contentType === undefined || !isJsonContentType(contentType)) throw new UnsupportedMediaTypeError();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (error) {
    throw new MalformedJsonError(error);
  }
  const problem = jsonStructureProblem(text);
  if (problem) {
    const message =
      problem.kind === 'duplicate-key'
        ? {
            en: `The key "${problem.key}" appears twice in one object.`,
            ko: `한 객체에 "${problem.key}" 키가 두 번 있습니다.`,
          }
        : {
            en: `The body is nested deeper than ${MAX_JSON_DEPTH} levels.`,
            ko: `본문의 중첩 깊이가 ${MAX_JSON_DEPTH}단계를 넘습니다.`,
          };
    throw new ValidationError([{ field: 'body', message }]);
  }
  event.body = text;
  event.isBase64Encoded = false;
  // Checked above, case-insensitively and with its charset; the parser's own check is stricter.
  event.headers['content-type'] = 'application/json';
}

// ---------------------------------------------------------------------------------------
// Validation

// ---------------------------------------------------------------------------------------
// Responses

export interface RequestState {
  requestId: string;
  language: Language;
  problem: boolean;
  route: string;
  owner: string;
  startedAt: number;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Sent with every answer: nothing is cached, sniffed, framed or referred. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

function baseHeaders(state: RequestState): Record<string, string> {
  return { ...SECURITY_HEADERS, 'x-request-id': state.requestId };
}

export function successResponse(result: ApiResult, state: RequestState): Result {
  const headers = { ...baseHeaders(state), ...result.headers };
  if (result.raw !== undefined) {
    return { statusCode: result.status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, body: result.raw };
  }
  if (result.data === undefined) return { statusCode: result.status, headers };
  return {
    statusCode: result.status,
    headers: { ...headers, 'content-type': JSON_CONTENT_TYPE },
    body: JSON.stringify({ status: 'Success', data: result.data }),
  };
}

/** The failure envelope (or RFC 9457 problem details) for a rejection. */
export function errorResponse(error: ApiError, state: RequestState, instance: string): Result {
  const entry = errorCatalog[error.code];
  const message = errorMessage(error.code, state.language);
  const errors =
    error.details && error.details.length > 0
      ? error.details.map((detail) => ({ ...detail, message: localize(detail.message, state.language) }))
      : undefined;
  const headers = { ...baseHeaders(state), 'content-language': state.language, ...error.headers };
  if (state.problem) {
    return {
      statusCode: entry.status,
      headers: { ...headers, 'content-type': `${PROBLEM_JSON}; charset=utf-8` },
      body: JSON.stringify({
        type: `urn:projects-api:error:${error.code}`,
        title: entry.reason,
        status: entry.status,
        detail: entry.text[state.language],
        instance,
        code: error.code,
        requestId: state.requestId,
        ...(errors ? { errors } : {}),
      }),
    };
  }
  return {
    statusCode: entry.status,
    headers: { ...headers, 'content-type': JSON_CONTENT_TYPE },
    body: JSON.stringify({
      status: 'Failed',
      code: error.code,
      message,
      requestId: state.requestId,
      ...(errors ? { errors } : {}),
    }),
  };
}

/**
 * Sorts what was thrown into a rejection (an ApiError, answered as such) or an exception
 * (anything else, answered as a generic 500 that carries nothing of the original).
 */
export function toApiError(error: unknown): { apiError: ApiError; unexpected: boolean } {
  if (error instanceof ApiError) return { apiError: error, unexpected: false };
  // The JSON body parser is only reached with a UTF-8 JSON body (prepareJsonBody checks the
  // media type first), so whatever it throws means the text is not valid JSON.
  const cause = (error as { cause?: { package?: string } } | null)?.cause;
  if (cause?.package === '@middy/http-json-body-parser') {
    return { apiError: new MalformedJsonError(error), unexpected: false };
  }
  return { apiError: new ApiError('INTERNAL_ERROR', { cause: error }), unexpected: true };
}

// ---------------------------------------------------------------------------------------
// The middleware

const states = new WeakMap<object, RequestState>();

/**
 * The Lambda invocation id: unique per request in AWS and in serverless-offline (whose
 * API Gateway request id is a constant), and the id Lambda's own log lines carry.
 */
function requestIdOf(event: Event, context: Context): string {
  return context?.awsRequestId || event.requestContext?.requestId || crypto.randomUUID();
}

const authenticate = createAuthenticator(config.auth);

function logOutcome(state: RequestState, status: number, code: ErrorCode | undefined, error?: unknown): void {
  recordOutcome({
    requestId: state.requestId,
    route: state.route,
    owner: state.owner,
    status,
    code,
    durationMs: Math.round((performance.now() - state.startedAt) * 10) / 10,
    error,
  });
}

function contractMiddleware(options: { route: string; auth: boolean; body: boolean }): MiddlewareObj<Event, Result> {
  return {
    before: async (request) => {
      const { event, context } = request;
      const headers = event.headers ?? {};
      const state: RequestState = {
        requestId: requestIdOf(event, context),
        language: negotiateLanguage(headers['accept-language']),
        problem: wantsProblemJson(headers.accept),
        route: options.route,
        owner: '',
        startedAt: performance.now(),
      };
      states.set(event, state);
      logger.addContext(context);
      if (options.auth) state.owner = await authenticate(event);
      if (options.body) prepareJsonBody(event);
    },
    after: async (request) => {
      const state = states.get(request.event);
      if (state && request.response) logOutcome(state, request.response.statusCode ?? 200, undefined);
    },
    onError: async (request) => {
      const state = states.get(request.event) ?? {
        requestId: requestIdOf(request.event, request.context),
        language: 'en',
        problem: false,
        route: options.route,
        owner: '',
        startedAt: performance.now(),
      };
      const { apiError, unexpected } = toApiError(request.error);
      request.response = errorResponse(apiError, state, request.event.rawPath ?? '/');
      logOutcome(state, apiError.status, apiError.code, unexpected ? request.error : apiError);
    },
  };
}

/** Wraps an endpoint function in the shared HTTP contract. */
export function httpHandler<B = undefined, Q = undefined>(
  endpoint: (request: ApiRequest<B, Q>) => Promise<ApiResult>,
  options: HandlerOptions<B, Q>,
) {
  const { body: bodySchema, query: querySchema } = options;
  const base = async (event: Event, context: Context): Promise<Result> => {
    const state = states.get(event);
    if (!state) throw new Error('request state missing: the contract middleware did not run');
    const query = (querySchema ? querySchema(event.queryStringParameters ?? {}, state.language) : undefined) as Q;
    const body = (bodySchema ? bodySchema(event.body, state.language) : undefined) as B;
    const result = await endpoint({
      owner: state.owner,
      body,
      query,
      requestId: state.requestId,
      language: state.language,
      headers: event.headers ?? {},
      pathParameters: event.pathParameters ?? {},
      event,
      context,
    });
    return successResponse(result, state);
  };
  const handler = middy<Event, Result>(base, {
    // Answer 503 a little before the Lambda's own timeout rather than let it cut the request off.
    timeoutEarlyInMillis: EARLY_TIMEOUT_MS,
    timeoutEarlyResponse: () => {
      throw new ServiceUnavailableError(new Error('the function ran out of time'));
    },
  }).use(contractMiddleware({ route: options.route, auth: options.auth ?? true, body: bodySchema !== undefined }));
  if (bodySchema) handler.use(httpJsonBodyParser());
  return handler;
}

// ---------------------------------------------------------------------------------------
// Conditional requests

/** `If-Match`: absent (undefined), `*`, or the versions its strong entity tags name. */
export type IfMatch = { any: true } | { any: false; versions: ReadonlySet<number> };

/**
 * Parses `If-Match`. Weak tags (`W/"3"`) and malformed tags never match, as strong
 * comparison requires: they make the precondition fail (412), not the request invalid.
 */
export function parseIfMatch(header: string | undefined): IfMatch | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return { any: true };
  const versions = new Set<number>();
  for (const tag of header.split(',')) {
    const match = /^"([1-9][0-9]{0,15})"$/.exec(tag.trim());
    if (match?.[1]) versions.add(Number(match[1]));
  }
  return { any: false, versions };
}

export function ifMatchAllows(ifMatch: IfMatch | undefined, version: number): boolean {
  return ifMatch === undefined || ifMatch.any || ifMatch.versions.has(version);
}

/** The ETag of one version of a project. */
export function etag(version: number): string {
  return `"${version}"`;
}
