/**
 * The shapes the HTTP layer works with: API Gateway's payload 2.0 (the event, and the proxy
 * result a function returns), and what an endpoint sees (ApiRequest) and returns (Answer).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Language } from '../errors/catalog';

export type { Answer } from '../idempotency/record';
export type { Validator } from '../validation/validate';

export type Event = APIGatewayProxyEventV2;
export type ProxyResult = APIGatewayProxyStructuredResultV2;

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
