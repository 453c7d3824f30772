/** The shapes the HTTP layer works with: API Gateway's payload 2.0, and what an endpoint sees and returns. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Language } from '../errors/catalog';

export type { Validator } from '../validation';

export type Event = APIGatewayProxyEventV2;
export type Result = APIGatewayProxyStructuredResultV2;

/** Per-request state the middlewares keep on middy's `request.context`, beside Lambda's own. */
export interface RequestContext extends Context {
  requestId: string;
  language: Language;
  /** Whether failures are answered as RFC 9457 problem details. */
  problem: boolean;
  /** A name for logs and metrics, such as `POST /projects`. */
  route: string;
  /** The verified token's `sub`; empty for routes without authentication. */
  owner: string;
  startedAt: number;
  /** What was thrown, as thrown, for the log line (the response never shows it). */
  failure?: unknown;
}

export interface ApiRequest<Body = undefined, Query = undefined> {
  owner: string;
  body: Body;
  query: Query;
  requestId: string;
  language: Language;
  headers: Readonly<Record<string, string | undefined>>;
  pathParameters: Readonly<Record<string, string | undefined>>;
  event: Event;
  context: RequestContext;
}

export interface ApiResult {
  status: number;
  /** Wrapped in the success envelope; omit for a response without a body (204). */
  data?: unknown;
  /** A JSON body sent as it is, without the envelope (the OpenAPI document). */
  raw?: string;
  /** Whether `raw` is base64 (a compressed or binary body). */
  base64?: boolean;
  headers?: Record<string, string>;
}
