/**
 * Retries for the client: `503 SERVICE_UNAVAILABLE` and API Gateway's `429` throttling (and a
 * connection that failed before any answer, for requests that are safe to send again) are
 * retried after the server's `Retry-After` or a growing, jittered delay, whichever is longer,
 * within a bound. A `503` of API Gateway itself (no `x-request-id`: the function did not answer
 * in time, and may still have done its work) is retried only for a request that is safe to send
 * again.
 */

export interface RetryPolicy {
  /** How many times a request is sent at most, the first included. */
  attempts: number;
  /** The delay before the first retry when the server names none; it doubles with each retry. */
  baseDelayMs: number;
  /** No wait is longer than this, whatever `Retry-After` says. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 10_000 };

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  // An HTTP date starts with its day's name (`Sun, 22 Nov 2026 10:00:05 GMT`).
  const date = /^[A-Za-z]{3}, /.test(header.trim()) ? Date.parse(header) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before retry number `retry` (1 for the first): the server's ask or the backoff, bounded. */
export function retryDelay(policy: RetryPolicy, retry: number, retryAfter: number | undefined, random = Math.random()) {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  // Half the backoff, plus up to half again at random: clients that failed together spread out.
  const jittered = backoff / 2 + (backoff / 2) * random;
  return Math.min(policy.maxDelayMs, Math.max(retryAfter ?? 0, jittered));
}

/**
 * A request that may be sent again after a failed connection: a read, or a create that carries
 * an `Idempotency-Key` (the server replays it rather than create twice).
 */
const resendable = (request: Request) => request.method === 'GET' || request.headers.has('idempotency-key');

/** Whether an answer asks for the same request again: throttled (nothing ran), or unavailable. */
function retryable(request: Request, response: Response): boolean {
  if (response.status === 429) return true;
  if (response.status !== 503) return false;
  return response.headers.has('x-request-id') || resendable(request);
}

export function retryingFetch(
  policy: RetryPolicy,
  send: (request: Request) => Promise<Response> = (request) => fetch(request),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): (request: Request) => Promise<Response> {
  return async (request) => {
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= policy.attempts;
      let response: Response;
      try {
        response = await send(request.clone());
      } catch (error) {
        if (last || !resendable(request) || request.signal.aborted) throw error;
        await sleep(retryDelay(policy, attempt, undefined));
        continue;
      }
      if (last || !retryable(request, response)) return response;
      const wait = retryDelay(policy, attempt, retryAfterMs(response.headers.get('retry-after')));
      await response.body?.cancel();
      await sleep(wait);
    }
  };
}
