/**
 * API Gateway's HTTP API, as far as a function of this service can tell: the routes of
 * serverless.yml, the payload format 2.0 event a request becomes, the CORS answers the API
 * gives itself, and the HTTP answer a function's result becomes. Pure functions; the server
 * around them is local-stack/gateway.ts.
 */
import { randomBytes } from 'node:crypto';
import { gatewayAnswers } from '../lib/errors/gateway';
import type { JwtContext } from './authorizer';

/** One `httpApi` event of serverless.yml: `METHOD /path/{param}`, or `$default` (`'*'`). */
export interface HttpApiRoute {
  routeKey: string;
  method: string;
  path: string;
  /** The deployed function name (serverless offline's Lambda endpoint invokes it by this). */
  functionName: string;
  timeoutMs: number;
  /** The route's JWT authorizer (`authorizer: jwt`) and the scopes it asks for; none for a public route. */
  authorizer?: { name: string; scopes: string[] };
}

/** The `httpApi.cors` settings of serverless.yml. */
export interface CorsSettings {
  allowedOrigins: string[];
  allowedHeaders: string[];
  allowedMethods: string[];
  exposedResponseHeaders: string[];
  allowCredentials: boolean;
  maxAge?: number;
}

/** What arrived: the request line, its headers as sent, and its body's bytes. */
export interface RawRequest {
  method: string;
  /** Path and query as sent (`/projects?limit=5`). */
  url: string;
  /** Node's `rawHeaders`: name, value, name, value, … */
  rawHeaders: string[];
  body: Buffer;
  sourceIp: string;
}

export type Headers = Record<string, string>;

export interface HttpAnswer {
  status: number;
  headers: Headers;
  cookies: string[];
  body: Buffer;
}

/** An `httpApi` event of a function in serverless.yml: `'*'` (the `$default` route), or its settings. */
export type HttpApiEvent =
  | string
  | { method?: string; path?: string; authorizer?: string | { name?: string; scopes?: string[] } };

/** The route of a function's `httpApi` event, as API Gateway makes it. */
export function routeOf(event: HttpApiEvent, functionName: string, timeoutMs: number): HttpApiRoute {
  const method = typeof event === 'string' ? '*' : (event.method ?? '*').toUpperCase();
  const path = typeof event === 'string' ? '*' : (event.path ?? '*');
  const isDefault = method === '*' && path === '*';
  const given = typeof event === 'string' ? undefined : event.authorizer;
  const authorizer =
    given === undefined
      ? undefined
      : typeof given === 'string'
        ? { name: given, scopes: [] }
        : { name: given.name ?? '', scopes: given.scopes ?? [] };
  return {
    routeKey: isDefault ? '$default' : `${method === '*' ? 'ANY' : method} ${path}`,
    method: method === '*' ? 'ANY' : method,
    path,
    functionName,
    timeoutMs,
    ...(authorizer ? { authorizer } : {}),
  };
}

const segments = (path: string) => path.split('/');

/**
 * The route API Gateway picks: a route of this method (or `ANY`) whose template fits the path,
 * the one with the most literal segments first; then `$default`. `{param}` is one non-empty
 * segment. Path parameters are URL-decoded, as API Gateway decodes them.
 */
export function matchRoute(
  routes: readonly HttpApiRoute[],
  method: string,
  path: string,
): { route: HttpApiRoute; pathParameters?: Headers } | undefined {
  const actual = segments(path);
  let best: { route: HttpApiRoute; pathParameters: Headers; literals: number } | undefined;
  for (const route of routes) {
    if (route.routeKey === '$default' || (route.method !== method && route.method !== 'ANY')) continue;
    const expected = segments(route.path);
    if (expected.length !== actual.length) continue;
    const pathParameters: Headers = {};
    let literals = 0;
    const fits = expected.every((part, i) => {
      const value = actual[i] ?? '';
      if (!part.startsWith('{')) {
        literals += 1;
        return part === value;
      }
      pathParameters[part.slice(1, -1)] = decodeOrKeep(value);
      return value !== '';
    });
    const better = !best || literals > best.literals || (literals === best.literals && route.method === method);
    if (fits && better) best = { route, pathParameters, literals };
  }
  if (best) {
    const found = Object.keys(best.pathParameters).length > 0;
    return { route: best.route, ...(found ? { pathParameters: best.pathParameters } : {}) };
  }
  const fallback = routes.find((route) => route.routeKey === '$default');
  return fallback && { route: fallback };
}

function decodeOrKeep(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Header names lower-cased, repeated headers joined with commas, as API Gateway hands them on. */
export function joinHeaders(rawHeaders: readonly string[]): Headers {
  const headers: Headers = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const value = rawHeaders[i + 1] ?? '';
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return headers;
}

/** Content types API Gateway passes on as text; every other body (none named too) is base64. */
const TEXT_TYPE = /^\s*(?:text\/[^;\s]+|application\/(?:json|xml|javascript))\s*(?:;|$)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as the function gets it: text for a text type, base64 otherwise. A text body that
 * is not valid UTF-8 is passed as base64 too, so that the function sees the client's bytes,
 * never a replacement character in their place.
 */
function eventBody(body: Buffer, contentType: string | undefined): { body?: string; isBase64Encoded: boolean } {
  if (body.length === 0) return { isBase64Encoded: false };
  if (contentType !== undefined && TEXT_TYPE.test(contentType)) {
    try {
      return { body: utf8.decode(body), isBase64Encoded: false };
    } catch {
      // not UTF-8: the bytes as they came
    }
  }
  return { body: body.toString('base64'), isBase64Encoded: true };
}

/** `queryStringParameters`: each name once, repeated values joined with commas; undefined when there are none. */
function queryParameters(rawQueryString: string): Headers | undefined {
  if (rawQueryString === '') return undefined;
  const parameters: Headers = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return parameters;
}

/** `12/Mar/2020:19:03:58 +0000`, the format of `requestContext.time`. */
function clfTime(date: Date): string {
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${pad(date.getUTCDate())}/${month}/${date.getUTCFullYear()}:${time} +0000`;
}

/** API Gateway's id of a request (`apigw-requestid`, and the event's `requestContext.requestId`). */
export const gatewayRequestId = () => randomBytes(11).toString('base64');

/** What the gateway knows of a request besides the request itself. */
export interface EventContext {
  /** The request's id, as in the `apigw-requestid` header. */
  requestId?: string;
  /** What the route's JWT authorizer passes on. */
  jwt?: JwtContext;
  now?: Date;
}

/** The payload format 2.0 event of a request, for the route it matched. */
export function httpApiEvent(
  request: RawRequest,
  match: { route: HttpApiRoute; pathParameters?: Headers },
  { requestId = gatewayRequestId(), jwt, now = new Date() }: EventContext = {},
): Record<string, unknown> {
  const [rawPath = '/', ...query] = request.url.split('?');
  const rawQueryString = query.join('?');
  const { cookie: _cookie, ...headers } = joinHeaders(request.rawHeaders);
  // Cookies as sent, each `name=value` of each Cookie header on its own: never parsed, never refused.
  const cookies = request.rawHeaders
    .filter((_, i) => i % 2 === 1 && request.rawHeaders[i - 1]?.toLowerCase() === 'cookie')
    .flatMap((value) => value.split(';'))
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const queryStringParameters = queryParameters(rawQueryString);
  return {
    version: '2.0',
    routeKey: match.route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: 'offlineContext_accountId',
      apiId: 'offlineContext_apiId',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split(':')[0]?.split('.')[0],
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      ...(jwt ? { authorizer: { jwt } } : {}),
      requestId,
      routeKey: match.route.routeKey,
      stage: '$default',
      time: clfTime(now),
      timeEpoch: now.getTime(),
    },
    ...(match.pathParameters ? { pathParameters: match.pathParameters } : {}),
    ...eventBody(request.body, headers['content-type']),
  };
}

/**
 * The body of each answer API Gateway gives itself, by status: `{"message":"…"}`. Those a client
 * of this API can meet are in lib/errors/gateway.ts; a missing scope (403) and a path no route
 * takes (404) cannot happen here (no route asks for scopes, and `$default` takes every path).
 */
const GATEWAY_MESSAGES: Record<number, string> = {
  ...Object.fromEntries(gatewayAnswers.map(({ status, message }) => [status, message])),
  403: 'Forbidden',
  404: 'Not Found',
};

export type GatewayStatus = (typeof gatewayAnswers)[number]['status'] | 403 | 404;

/** An answer API Gateway gives itself, no function involved: its JSON message, as its own bytes. */
export function gatewayAnswer(status: GatewayStatus, headers: Headers = {}): HttpAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    cookies: [],
    body: Buffer.from(JSON.stringify({ message: GATEWAY_MESSAGES[status] })),
  };
}

/** The HTTP answer of a function's result (payload format 2.0); undefined when the result is not one. */
export function httpAnswerOf(payload: string): HttpAnswer | undefined {
  let result: unknown;
  try {
    result = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const shaped = result !== null && typeof result === 'object' && !Array.isArray(result);
  const object = (shaped ? result : {}) as Record<string, unknown>;
  if (!shaped || !('statusCode' in object)) {
    // No statusCode: the result itself is the JSON body of a 200.
    return { status: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(payload) };
  }
  const { statusCode, headers = {}, cookies = [], body = '', isBase64Encoded = false } = object;
  const validHeaders =
    headers !== null &&
    typeof headers === 'object' &&
    Object.values(headers).every((value) => ['string', 'number', 'boolean'].includes(typeof value));
  if (
    !Number.isInteger(statusCode) ||
    (statusCode as number) < 100 ||
    (statusCode as number) > 599 ||
    !validHeaders ||
    !Array.isArray(cookies) ||
    typeof body !== 'string'
  )
    return undefined;
  return {
    status: statusCode as number,
    headers: Object.fromEntries(
      Object.entries(headers as Record<string, unknown>).map(([name, value]) => [name.toLowerCase(), String(value)]),
    ),
    cookies: cookies.map(String),
    body: isBase64Encoded === true ? Buffer.from(body, 'base64') : Buffer.from(body),
  };
}

const allowsOrigin = (cors: CorsSettings, origin: string) =>
  cors.allowedOrigins.includes('*') || cors.allowedOrigins.includes(origin);

/** The origin header a CORS answer carries: `*` when every origin is allowed, else the origin itself. */
const allowOrigin = (cors: CorsSettings, origin: string) => (cors.allowedOrigins.includes('*') ? '*' : origin);

/** Whether this is a CORS preflight, which an API with CORS settings answers itself. */
export function isPreflight(method: string, headers: Headers): boolean {
  return method === 'OPTIONS' && headers.origin !== undefined && headers['access-control-request-method'] !== undefined;
}

/** API Gateway's answer to a preflight: 204, with the CORS settings for an allowed origin. */
export function preflightAnswer(cors: CorsSettings, headers: Headers): HttpAnswer {
  const origin = headers.origin ?? '';
  if (!allowsOrigin(cors, origin)) return { status: 204, headers: {}, cookies: [], body: Buffer.alloc(0) };
  return {
    status: 204,
    headers: {
      'access-control-allow-origin': allowOrigin(cors, origin),
      'access-control-allow-methods': cors.allowedMethods.join(','),
      'access-control-allow-headers': cors.allowedHeaders.join(',').toLowerCase(),
      ...(cors.maxAge === undefined ? {} : { 'access-control-max-age': String(cors.maxAge) }),
      ...(cors.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
    },
    cookies: [],
    body: Buffer.alloc(0),
  };
}

/**
 * The CORS headers API Gateway puts on an answer to a request with an allowed `Origin`; the
 * function's own `access-control-*` headers are dropped, as API Gateway ignores them.
 */
export function withCors(cors: CorsSettings | undefined, requestHeaders: Headers, answer: Headers): Headers {
  if (!cors) return answer;
  const own = Object.fromEntries(Object.entries(answer).filter(([name]) => !name.startsWith('access-control-')));
  const origin = requestHeaders.origin;
  if (origin === undefined || !allowsOrigin(cors, origin)) return own;
  return {
    ...own,
    'access-control-allow-origin': allowOrigin(cors, origin),
    ...(cors.exposedResponseHeaders.length > 0
      ? { 'access-control-expose-headers': cors.exposedResponseHeaders.join(',').toLowerCase() }
      : {}),
    ...(cors.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
  };
}
