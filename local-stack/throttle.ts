/**
 * API Gateway's throttling of a stage's routes: a token bucket that holds `burst` requests and
 * refills at `rate` requests a second. A request that finds it empty is answered `429` by the
 * gateway, and no function runs.
 */
export interface ThrottleSettings {
  /** Requests a second, on average. */
  rate: number;
  /** Requests at once, at most. */
  burst: number;
}

export function tokenBucket({ rate, burst }: ThrottleSettings, now: () => number = () => performance.now()) {
  let tokens = burst;
  let updated = now();
  /** Takes one request's token; false when there is none. */
  return (): boolean => {
    const time = now();
    tokens = Math.min(burst, tokens + ((time - updated) / 1000) * rate);
    updated = time;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
