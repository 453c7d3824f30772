/**
 * The local stack's front door: what listens on PORT, in front of serverless offline.
 *
 * 1. **No 2xx for a failure.** serverless-offline 13 answers a Lambda that timed out, threw,
 *    or could not even load as `200` with the emulator's `{ errorMessage, errorType,
 *    stackTrace }` for an HTTP API with payload 2.0 (src/events/http/HttpServer.js wraps a
 *    result without `statusCode` into a 200, the mocked error included). Deployed, API Gateway
 *    answers those with a 5xx. Here a timeout becomes `503 SERVICE_UNAVAILABLE` with
 *    `Retry-After`, anything else `500 INTERNAL_ERROR`, in the contract's envelope (or problem
 *    details, in the client's language), with nothing of the emulator's message or stack.
 * 2. **A bounded number of invocations of a function at once.** serverless offline starts a
 *    worker thread (and loads the function's bundle) for every request that finds no idle one:
 *    50 requests at once are 50 cold starts, which on two busy cores run past the Lambda
 *    timeout. The door lets `perFunction` requests of one function through at a time (the
 *    workers `npm start` warmed for it) and queues the rest in arrival order, so a burst is
 *    served by warm workers; a request that waited `maxQueueMs` is answered 503 with
 *    `Retry-After`, as a throttled Lambda is.
 */
import { randomUUID } from 'node:crypto';
import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { reject } from '../../lib/errors/rejections';
import { failureAnswer } from '../../lib/http/error-envelope';
import { negotiateLanguage, wantsProblemJson } from '../../lib/http/negotiation';
import { routeOf } from '../../lib/http/routes';
import { SECURITY_HEADERS } from '../../lib/http/security-headers';

/** Invocations of one function at once by default (`LOCAL_CONCURRENCY` overrides): workers warmed per function. */
export const DEFAULT_PER_FUNCTION = 3;

export interface FrontDoorOptions {
  /** Where serverless offline listens. */
  upstream: { host: string; port: number };
  /** Invocations of one function at once (requests of one route; the catch-all counts as one). */
  perFunction: number;
  /** How long a request may wait for its turn before it is answered 503. */
  maxQueueMs: number;
  /** How long serverless offline may take to answer (its own Lambda timeout is shorter). */
  upstreamTimeoutMs: number;
  /** Told of each emulator failure turned into a 5xx (for the console). */
  onFailure?: (what: string) => void;
}

/** What serverless offline sends for a Lambda that failed: its mock of Lambda's error payload. */
export function emulatorFailure(status: number, body: string): 'timeout' | 'crash' | undefined {
  if (status === 504) return 'timeout';
  if (status === 502) return 'crash';
  if (status !== 200) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const { errorType, errorMessage, stackTrace } = parsed as Record<string, unknown>;
  if (typeof errorType !== 'string' || typeof errorMessage !== 'string' || !Array.isArray(stackTrace)) return undefined;
  return errorType === 'LambdaTimeoutError' ? 'timeout' : 'crash';
}

/** Answers a failure of the stack itself as the contract says: 503 with Retry-After, or 500. */
function answerFailure(
  request: IncomingMessage,
  response: ServerResponse,
  code: 'SERVICE_UNAVAILABLE' | 'INTERNAL_ERROR',
  cors: Record<string, string | string[]> = {},
) {
  const requestId = randomUUID();
  const failure = failureAnswer(code, {
    language: negotiateLanguage(request.headers['accept-language']),
    problem: wantsProblemJson(request.headers.accept),
    requestId,
    instance: (request.url ?? '/').split('?')[0] ?? '/',
  });
  response.writeHead(failure.status, {
    ...SECURITY_HEADERS,
    ...cors,
    'x-request-id': requestId,
    // The headers the code always answers with, as a function's rejection carries them (Retry-After).
    ...reject(code).headers,
    ...failure.headers,
    'content-length': String(Buffer.byteLength(failure.body)),
  });
  response.end(failure.body);
}

const corsHeaders = (headers: IncomingMessage['headers']) =>
  Object.fromEntries(
    Object.entries(headers).filter(
      (entry): entry is [string, string | string[]] => entry[0].startsWith('access-control-') && entry[1] !== undefined,
    ),
  );

/** A first-come, first-served gate of `limit` places. */
function gate(limit: number) {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  return {
    /** Resolves when a place is free; false when `give up` came first (the caller's place is then never taken). */
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

function proxy(request: IncomingMessage, response: ServerResponse, options: FrontDoorOptions): Promise<void> {
  return new Promise((done) => {
    const upstream = forward(
      {
        ...options.upstream,
        method: request.method,
        path: request.url,
        headers: request.headers,
        timeout: options.upstreamTimeoutMs,
      },
      (answer) => {
        const status = answer.statusCode ?? 502;
        const json = String(answer.headers['content-type'] ?? '').startsWith('application/json');
        if (!(json && status === 200) && status !== 502 && status !== 504) {
          response.writeHead(status, answer.headers);
          answer.pipe(response);
          answer.once('end', done);
          answer.once('error', done);
          return;
        }
        // A 200 in JSON may be the emulator's mocked Lambda error: read it before sending.
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.once('end', () => {
          const body = Buffer.concat(chunks);
          const failed = emulatorFailure(status, body.toString('utf8'));
          if (failed) {
            options.onFailure?.(
              `${request.method} ${request.url}: the function ${failed === 'timeout' ? 'timed out' : 'failed'}`,
            );
            answerFailure(request, response, failed === 'timeout' ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR', {
              ...corsHeaders(answer.headers),
            });
          } else {
            response.writeHead(status, answer.headers);
            response.end(body);
          }
          done();
        });
        answer.once('error', () => {
          if (!response.headersSent) answerFailure(request, response, 'SERVICE_UNAVAILABLE');
          done();
        });
      },
    );
    upstream.once('timeout', () => upstream.destroy(new Error('serverless offline did not answer in time')));
    // A client that went away takes its invocation's place with it.
    response.once('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    upstream.once('error', () => {
      // Not listening (restarting), or the connection broke: nothing was answered; try again.
      if (response.destroyed) {
        // The client is gone (and took the invocation with it): nobody to answer.
      } else if (!response.headersSent) answerFailure(request, response, 'SERVICE_UNAVAILABLE');
      else response.destroy();
      done();
    });
    request.pipe(upstream);
  });
}

export interface FrontDoor {
  server: Server;
  /** Holds the requests that arrive from now on until `until` settles (a reload of the functions). */
  hold(until: Promise<unknown>): void;
}

export async function startFrontDoor(port: number, options: FrontDoorOptions): Promise<FrontDoor> {
  const gates = new Map<string, ReturnType<typeof gate>>();
  let held: Promise<unknown> = Promise.resolve();
  const server = createServer(async (request, response) => {
    await held;
    const route = routeOf(request.method ?? 'GET', (request.url ?? '/').split('?')[0] ?? '/') ?? '$default';
    let places = gates.get(route);
    if (!places) {
      places = gate(options.perFunction);
      gates.set(route, places);
    }
    if (!(await places.enter(options.maxQueueMs))) {
      answerFailure(request, response, 'SERVICE_UNAVAILABLE');
      return;
    }
    if (response.destroyed) {
      // The client gave up while it waited: its place goes to the next.
      places.leave();
      return;
    }
    try {
      await proxy(request, response, options);
    } finally {
      places.leave();
    }
  });
  // Connections stay open between requests as long as serverless offline keeps its own.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  return {
    server,
    hold(until) {
      held = until.catch(() => undefined);
    },
  };
}
