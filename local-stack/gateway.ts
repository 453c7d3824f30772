/**
 * The local stack's API Gateway: what listens on PORT under `serverless offline`. It builds
 * the HTTP API's payload format 2.0 event of each request itself (local-stack/http-api.ts)
 * and invokes the function through serverless offline's Lambda endpoint, so a function gets
 * exactly what API Gateway would send it (the body as the client's bytes, cookies untouched,
 * HEAD and non-preflight OPTIONS on the `$default` route, the JWT authorizer's claims), and
 * the client gets what API Gateway would answer.
 *
 * 1. **The answers API Gateway gives itself**, as it gives them (`{"message":"…"}`, no function
 *    involved): the JWT authorizer's `401` (local-stack/authorizer.ts), a body over 10 MB or an
 *    event over Lambda's 6 MB (`413`), throttling (`429`, when asked to, a bucket per route), a
 *    function that threw, returned no valid result or ran past its own timeout (`500`), an
 *    integration that did not answer within API Gateway's 30 s (`503`). Nothing of the
 *    emulator's message or the function's stack reaches the client. Every answer carries the
 *    request's `apigw-requestid`, which is also the event's `requestContext.requestId`.
 * 2. **A bounded number of invocations of a function at once.** serverless offline starts a
 *    worker thread (and loads the bundle) for every invocation that finds no idle one. The
 *    gateway lets `perFunction` invocations of one function run at a time (the workers warmed
 *    at start) and queues the rest in arrival order; one that waited `maxQueueMs` is answered
 *    503, as a throttled Lambda is.
 * 3. **Every request gets an answer.** An idle connection is kept well past the idle time it
 *    advertises (`Keep-Alive: timeout=5`), so a client always closes an idle connection
 *    before the server does, and never sends a request on a connection being closed under it.
 *    The invocations use a connection each, never one serverless offline may be closing.
 */
import { createServer, type IncomingMessage, request as post, type Server, type ServerResponse } from 'node:http';
import type { Authorization } from './authorizer';
import {
  type CorsSettings,
  gatewayAnswer,
  gatewayRequestId,
  type HttpAnswer,
  type HttpApiRoute,
  httpAnswerOf,
  httpApiEvent,
  isPreflight,
  joinHeaders,
  matchRoute,
  preflightAnswer,
  withCors,
} from './http-api';
import { type ThrottleSettings, tokenBucket } from './throttle';

/** Invocations of one function at once by default (`LOCAL_CONCURRENCY` overrides): workers warmed per function. */
export const DEFAULT_PER_FUNCTION = 3;

/** The largest body API Gateway's HTTP API takes. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** The largest event Lambda takes in a synchronous invocation (a base64 body grows by a third). */
const MAX_EVENT_BYTES = 6 * 1024 * 1024;

/** How long API Gateway waits for a Lambda integration (HTTP API's most, which the framework sets). */
export const INTEGRATION_TIMEOUT_MS = 30_000;

/** The idle time advertised to clients, and the longer one the server really waits. */
const ADVERTISED_IDLE_SECONDS = 5;
const IDLE_MS = 60_000;

export interface GatewayOptions {
  /** Where serverless offline's Lambda endpoint listens. */
  lambda: { host: string; port: number };
  routes: readonly HttpApiRoute[];
  cors?: CorsSettings;
  /** Invocations of one function at once. */
  perFunction: number;
  /** How long a request may wait for its turn before it is answered 503. */
  maxQueueMs: number;
  /** The JWT authorizer of the routes that name one; without it, every route is public. */
  authorize?: (identity: string | undefined, scopes: readonly string[]) => Promise<Authorization>;
  /** How long the gateway waits for a function (API Gateway's 30 s unless a test says otherwise). */
  integrationTimeoutMs?: number;
  /** The stage's throttling; none by default. */
  throttle?: ThrottleSettings;
  /** Told of each failure of a function turned into a 5xx, and of the status (for the console). */
  onFailure?: (what: string, status: number) => void;
}

/** The request's body, or undefined when it is larger than API Gateway takes (it is read to its end all the same). */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    request.once('end', () => resolve(size > MAX_REQUEST_BYTES ? undefined : Buffer.concat(chunks)));
    request.once('error', fail);
  });
}

/** Invokes a function through serverless offline's Lambda endpoint: its payload, and whether it failed. */
function invoke(
  lambda: GatewayOptions['lambda'],
  route: HttpApiRoute,
  event: string,
  response?: ServerResponse,
  integrationTimeoutMs = INTEGRATION_TIMEOUT_MS,
): Promise<{ payload: string; failed: boolean }> {
  return new Promise((resolve, fail) => {
    const call = post(
      {
        ...lambda,
        method: 'POST',
        path: `/2015-03-31/functions/${encodeURIComponent(route.functionName)}/invocations`,
        headers: { 'content-type': 'application/json' },
        // A connection of its own: never one the Lambda endpoint may be closing as idle.
        agent: false,
        // A function that runs past its own timeout is a function error (500); past API Gateway's
        // wait for the integration, the gateway gives up first (503).
        timeout: Math.min(route.timeoutMs + 5_000, integrationTimeoutMs),
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.once('error', fail);
        answer.once('end', () =>
          resolve({
            payload: Buffer.concat(chunks).toString('utf8'),
            failed: answer.statusCode !== 200 || answer.headers['x-amz-function-error'] !== undefined,
          }),
        );
      },
    );
    // Past the function's own timeout and a margin, the endpoint failed to report it: the
    // invocation failed (500). Past API Gateway's wait, the gateway gave up first (503).
    call.once('timeout', () => call.destroy(new IntegrationTimeout(route.timeoutMs + 5_000 >= integrationTimeoutMs)));
    call.once('error', fail);
    // A client that went away takes its invocation's place with it.
    response?.once('close', () => {
      if (!response.writableFinished) call.destroy();
    });
    call.end(event);
  });
}

class IntegrationTimeout extends Error {
  /** Whether API Gateway's own wait ran out, rather than the function's timeout. */
  constructor(readonly gatewayGaveUp: boolean) {
    super('the integration did not answer in time');
  }
}

/** A first-come, first-served gate of `limit` places. */
function gate(limit: number) {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  return {
    /** Resolves when a place is free; false when the wait ran out first (the place is then never taken). */
    enter(timeoutMs: number): Promise<boolean> {
      if (inFlight < limit) {
        inFlight++;
        return Promise.resolve(true);
      }
      return new Promise((resolve) => {
        const admit = () => {
          clearTimeout(timer);
          inFlight++;
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(admit), 1);
          resolve(false);
        }, timeoutMs);
        waiting.push(admit);
      });
    },
    leave() {
      inFlight--;
      waiting.shift()?.();
    },
  };
}

/** Writes an answer, keeping an idle connection longer than it tells the client (see above). */
function send(request: IncomingMessage, response: ServerResponse, answer: HttpAnswer): void {
  const keepAlive = request.httpVersion === '1.1' && !/\bclose\b/i.test(request.headers.connection ?? '');
  response.writeHead(answer.status, {
    ...answer.headers,
    ...(answer.cookies.length > 0 ? { 'set-cookie': answer.cookies } : {}),
    'content-length': String(answer.body.length),
    ...(keepAlive ? { connection: 'keep-alive', 'keep-alive': `timeout=${ADVERTISED_IDLE_SECONDS}` } : {}),
  });
  response.end(answer.body);
}

export interface Gateway {
  server: Server;
  /**
   * Starts `workers` workers of every function and runs its module init, as a first request
   * would: each is invoked that many times at once with a request it answers without a token
   * or a body (401, the document, or 404). Resolves to the seconds it took.
   */
  warm(workers: number): Promise<number>;
  /** Holds the requests that arrive from now on until `until` settles (start-up, a reload of the functions). */
  hold(until: Promise<unknown>): void;
  close(): Promise<void>;
}

export async function startGateway(port: number, options: GatewayOptions): Promise<Gateway> {
  const gates = new Map<string, ReturnType<typeof gate>>();
  /** A bucket per route: the stage's default route settings apply to each route. */
  const buckets = new Map<string, () => boolean>();
  const throttled = (route: HttpApiRoute) => {
    if (!options.throttle) return false;
    let take = buckets.get(route.routeKey);
    if (!take) {
      take = tokenBucket(options.throttle);
      buckets.set(route.routeKey, take);
    }
    return !take();
  };
  let held: Promise<unknown> = Promise.resolve();

  /** Runs the function of the route the request matched, and turns its result into the answer. */
  async function answerOf(
    request: IncomingMessage,
    response: ServerResponse,
    body: Buffer,
    requestId: string,
  ): Promise<HttpAnswer> {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const match = matchRoute(options.routes, method, url.split('?')[0] ?? '/');
    // No route and no `$default` route: API Gateway's 404.
    if (!match) return gatewayAnswer(404);
    const { route } = match;
    if (throttled(route)) return gatewayAnswer(429);
    let authorization: Authorization | undefined;
    if (route.authorizer && options.authorize) {
      authorization = await options.authorize(request.headers.authorization, route.authorizer.scopes);
      if (!authorization.ok) {
        return gatewayAnswer(authorization.status, { 'www-authenticate': authorization.wwwAuthenticate });
      }
    }
    const rawRequest = {
      method,
      url,
      rawHeaders: request.rawHeaders,
      body,
      sourceIp: request.socket.remoteAddress ?? '',
    };
    const jwt = authorization?.ok ? authorization.jwt : undefined;
    const event = JSON.stringify(httpApiEvent(rawRequest, match, { requestId, ...(jwt ? { jwt } : {}) }));
    // Deployed, Lambda refuses such an invocation and API Gateway answers 413.
    if (Buffer.byteLength(event) > MAX_EVENT_BYTES) return gatewayAnswer(413);
    let places = gates.get(route.functionName);
    if (!places) {
      places = gate(options.perFunction);
      gates.set(route.functionName, places);
    }
    if (!(await places.enter(options.maxQueueMs))) return gatewayAnswer(503);
    const started = performance.now();
    try {
      const { payload, failed } = await invoke(options.lambda, route, event, response, options.integrationTimeoutMs);
      const answer = failed ? undefined : httpAnswerOf(payload);
      if (answer) return answer;
      const timedOut = performance.now() - started >= route.timeoutMs;
      options.onFailure?.(`${method} ${url}: the function ${timedOut ? 'timed out' : 'failed'}`, 500);
      return gatewayAnswer(500);
    } catch (error) {
      if (error instanceof IntegrationTimeout) {
        const status = error.gatewayGaveUp ? 503 : 500;
        options.onFailure?.(
          `${method} ${url}: the ${error.gatewayGaveUp ? 'integration' : 'function'} timed out`,
          status,
        );
        return gatewayAnswer(status);
      }
      // The Lambda endpoint is not listening (a restart), or the connection broke: nothing ran to its end.
      return gatewayAnswer(503);
    } finally {
      places.leave();
    }
  }

  /** The answer to one request: API Gateway's own (a preflight, a body too large), or the function's. */
  async function respond(request: IncomingMessage, response: ServerResponse): Promise<HttpAnswer> {
    const body = await readBody(request).catch(() => undefined);
    await held;
    const requestId = gatewayRequestId();
    const headers = joinHeaders(request.rawHeaders);
    const { cors } = options;
    const withId = (answer: HttpAnswer) => ({
      ...answer,
      headers: { ...answer.headers, 'apigw-requestid': requestId },
    });
    if (cors !== undefined && isPreflight(request.method ?? '', headers)) return withId(preflightAnswer(cors, headers));
    const answer = body === undefined ? gatewayAnswer(413) : await answerOf(request, response, body, requestId);
    return withId({ ...answer, headers: withCors(cors, headers, answer.headers) });
  }

  const server = createServer(async (request, response) => {
    let answer: HttpAnswer;
    try {
      answer = await respond(request, response);
      if (response.destroyed) return;
      send(request, response, answer);
    } catch {
      // A header Node refuses, say: the client still gets an answer.
      if (response.headersSent) response.destroy();
      else send(request, response, gatewayAnswer(500));
    }
  });
  server.keepAliveTimeout = IDLE_MS;
  server.headersTimeout = IDLE_MS + 5_000;
  await new Promise<void>((resolve, fail) => {
    server.once('error', fail);
    server.listen(port, resolve);
  });
  return {
    server,
    async warm(workers) {
      const started = performance.now();
      await Promise.all(
        options.routes.flatMap((route) => {
          const method = route.routeKey === '$default' ? 'GET' : route.method;
          const path = route.routeKey === '$default' ? '/warm-up' : route.path.replace(/\{[^}]+\}/g, 'warm');
          const match = matchRoute(options.routes, method, path);
          const request = {
            method,
            url: path,
            rawHeaders: ['host', 'localhost'],
            body: Buffer.alloc(0),
            sourceIp: '127.0.0.1',
          };
          return Array.from({ length: workers }, () =>
            invoke(options.lambda, route, JSON.stringify(match && httpApiEvent(request, match))).catch(() => undefined),
          );
        }),
      );
      return (performance.now() - started) / 1000;
    },
    hold(until) {
      held = Promise.all([held, until.catch(() => undefined)]);
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
