/**
 * The local stack's API Gateway: what listens on PORT under `serverless offline`. It builds
 * the HTTP API's payload format 2.0 event of each request itself (local-stack/http-api.ts)
 * and invokes the function through serverless offline's Lambda endpoint, so a function gets
 * exactly what API Gateway would send it (the body as the client's bytes, cookies untouched,
 * HEAD and non-preflight OPTIONS on the `$default` route), and the client gets what API
 * Gateway would answer.
 *
 * 1. **No 2xx for a failure.** A function that threw or returned no valid answer is `500
 *    INTERNAL_ERROR`, one that ran past its timeout `503 SERVICE_UNAVAILABLE` with
 *    `Retry-After`, in the contract's envelope (or problem details, in the client's language),
 *    with nothing of the emulator's message or stack. So is a body over the 10 MiB API
 *    Gateway takes: `413 PAYLOAD_TOO_LARGE`.
 * 2. **A bounded number of invocations of a function at once.** serverless offline starts a
 *    worker thread (and loads the bundle) for every invocation that finds no idle one. The
 *    gateway lets `perFunction` invocations of one function run at a time (the workers warmed
 *    at start) and queues the rest in arrival order; one that waited `maxQueueMs` is answered
 *    503 with `Retry-After`, as a throttled Lambda is.
 * 3. **Every request gets an answer.** An idle connection is kept well past the idle time it
 *    advertises (`Keep-Alive: timeout=5`), so a client always closes an idle connection
 *    before the server does, and never sends a request on a connection being closed under it.
 *    The invocations use a connection each, never one serverless offline may be closing.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, request as post, type Server, type ServerResponse } from 'node:http';
import { reject } from '../lib/errors/rejections';
import { failureAnswer } from '../lib/http/error-envelope';
import { negotiateLanguage, wantsProblemJson } from '../lib/http/negotiation';
import { SECURITY_HEADERS } from '../lib/http/security-headers';
import {
  type CorsSettings,
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

/** Invocations of one function at once by default (`LOCAL_CONCURRENCY` overrides): workers warmed per function. */
export const DEFAULT_PER_FUNCTION = 3;

/** The largest body API Gateway's HTTP API takes. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** The largest event Lambda takes in a synchronous invocation (a base64 body grows by a third). */
const MAX_EVENT_BYTES = 6 * 1024 * 1024;

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
  /** Told of each failure of a function turned into a 5xx (for the console). */
  onFailure?: (what: string) => void;
}

type Code = 'SERVICE_UNAVAILABLE' | 'INTERNAL_ERROR' | 'PAYLOAD_TOO_LARGE' | 'ROUTE_NOT_FOUND';

/** A failure the gateway answers itself, as the contract says: in the envelope, with a request id. */
function failure(request: IncomingMessage, code: Code): HttpAnswer {
  const requestId = randomUUID();
  const answer = failureAnswer(code, {
    language: negotiateLanguage(request.headers['accept-language']),
    problem: wantsProblemJson(request.headers.accept),
    requestId,
    instance: (request.url ?? '/').split('?')[0] ?? '/',
  });
  return {
    status: answer.status,
    // The headers the code always answers with, as a function's rejection carries them (Retry-After).
    headers: { ...SECURITY_HEADERS, 'x-request-id': requestId, ...reject(code).headers, ...answer.headers },
    cookies: [],
    body: Buffer.from(answer.body),
  };
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
        timeout: route.timeoutMs + 5_000,
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
    call.once('timeout', () => call.destroy(new Error('the Lambda endpoint did not answer in time')));
    call.once('error', fail);
    // A client that went away takes its invocation's place with it.
    response?.once('close', () => {
      if (!response.writableFinished) call.destroy();
    });
    call.end(event);
  });
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
  let held: Promise<unknown> = Promise.resolve();

  /** Runs the function of the route the request matched, and turns its result into the answer. */
  async function answerOf(request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<HttpAnswer> {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const match = matchRoute(options.routes, method, url.split('?')[0] ?? '/');
    // No route and no `$default` route: API Gateway's 404.
    if (!match) return failure(request, 'ROUTE_NOT_FOUND');
    const { route } = match;
    const rawRequest = {
      method,
      url,
      rawHeaders: request.rawHeaders,
      body,
      sourceIp: request.socket.remoteAddress ?? '',
    };
    const event = JSON.stringify(httpApiEvent(rawRequest, match));
    // Deployed, Lambda refuses such an invocation and API Gateway answers 413.
    if (Buffer.byteLength(event) > MAX_EVENT_BYTES) return failure(request, 'PAYLOAD_TOO_LARGE');
    let places = gates.get(route.functionName);
    if (!places) {
      places = gate(options.perFunction);
      gates.set(route.functionName, places);
    }
    if (!(await places.enter(options.maxQueueMs))) return failure(request, 'SERVICE_UNAVAILABLE');
    const started = performance.now();
    try {
      const { payload, failed } = await invoke(options.lambda, route, event, response);
      const answer = failed ? undefined : httpAnswerOf(payload);
      if (answer) return answer;
      const timedOut = performance.now() - started >= route.timeoutMs;
      options.onFailure?.(`${method} ${url}: the function ${timedOut ? 'timed out' : 'failed'}`);
      return failure(request, timedOut ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR');
    } catch {
      // The Lambda endpoint is not listening (a restart), or the connection broke: nothing ran to its end.
      return failure(request, 'SERVICE_UNAVAILABLE');
    } finally {
      places.leave();
    }
  }

  /** The answer to one request: API Gateway's own (a preflight, a body too large), or the function's. */
  async function respond(request: IncomingMessage, response: ServerResponse): Promise<HttpAnswer> {
    const body = await readBody(request).catch(() => undefined);
    await held;
    const headers = joinHeaders(request.rawHeaders);
    const { cors } = options;
    if (cors !== undefined && isPreflight(request.method ?? '', headers)) return preflightAnswer(cors, headers);
    const answer = body === undefined ? failure(request, 'PAYLOAD_TOO_LARGE') : await answerOf(request, response, body);
    return { ...answer, headers: withCors(cors, headers, answer.headers) };
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
      else send(request, response, failure(request, 'INTERNAL_ERROR'));
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
