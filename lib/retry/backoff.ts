/** Waiting between our own tries of a request that lost to contention or throttling. */

const BACKOFF_BASE_MS = 20;
const BACKOFF_CAP_MS = 400;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full jitter: a random wait up to an exponentially growing cap. */
export function backoffMs(attempt: number): number {
  return Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}
