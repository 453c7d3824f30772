/** Builds API Gateway HTTP API (payload 2.0) events and invokes handlers as Lambda would. */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

export interface RequestOptions {
  method?: string;
  path?: string;
  routeKey?: string;
  /** A value to send as JSON, or a raw string body. */
  body?: unknown;
  rawBody?: string;
  base64?: boolean;
  headers?: Record<string, string>;
  /** The token's `sub`, as the JWT authorizer passes it; null for no authorizer context. */
  owner?: string | null;
  pathParameters?: Record<string, string>;
  /** The query string's parameters (`queryStringParameters`, and `rawQueryString` from them). */
  query?: Record<string, string>;
}

export function apiEvent(options: RequestOptions = {}): APIGatewayProxyEventV2 {
  const method = options.method ?? 'POST';
  const path = options.path ?? '/projects';
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  const headers: Record<string, string> = { ...(body !== undefined ? { 'content-type': 'application/json' } : {}) };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  const owner = options.owner === undefined ? 'user-1' : options.owner;
  return {
    version: '2.0',
    routeKey: options.routeKey ?? `${method} ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    ...(options.query ? { queryStringParameters: options.query } : {}),
    headers,
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    body: body !== undefined && options.base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
    isBase64Encoded: options.base64 ?? false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: randomUUID(),
      routeKey: options.routeKey ?? `${method} ${path}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      ...(owner === null ? {} : { authorizer: { jwt: { claims: { sub: owner }, scopes: null } } }),
    },
  } as APIGatewayProxyEventV2;
}

export function lambdaContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:test',
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: '/aws/lambda/test',
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export interface Reply {
  status: number;
  /** The headers with their names lowercased, as a client reads them. */
  headers: Record<string, string>;
  /** The headers exactly as the function returned them. */
  rawHeaders?: Record<string, unknown>;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON
  json: any;
}

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export async function invoke(
  handler: Handler,
  options: RequestOptions = {},
  context = lambdaContext(),
): Promise<Reply> {
  const result = await handler(apiEvent(options), context);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  const body = result.body ?? '';
  let json: unknown;
  try {
    json = body === '' ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { status: result.statusCode ?? 200, headers, rawHeaders: { ...result.headers }, body, json };
}

/** A failure in the contract's envelope, with this status and code, and its request id in the header. */
export function expectFailure(reply: Reply, status: number, code: string) {
  expect(reply.status).toBe(status);
  expect(reply.json).toMatchObject({ status: 'Failed', code, requestId: reply.headers['x-request-id'] });
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
}
