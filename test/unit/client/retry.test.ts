import { DEFAULT_RETRY, retryAfterMs, retryDelay, retryingFetch } from '../../../client/retry';

describe('Retry-After', () => {
  it.each([
    [null, undefined],
    ['', undefined],
    ['1', 1000],
    [' 30 ', 30_000],
    ['soon', undefined],
    ['-1', undefined],
  ])('%j is %j ms', (header, ms) => {
    expect(retryAfterMs(header)).toBe(ms);
  });

  it('reads an HTTP date as the time left until it, never below 0', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
});

describe('the delay before a retry', () => {
  const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 2000 };

  it('doubles with each retry, jittered between half and all of it', () => {
    expect(retryDelay(policy, 1, undefined, 0)).toBe(50);
    expect(retryDelay(policy, 1, undefined, 1)).toBe(100);
    expect(retryDelay(policy, 3, undefined, 0)).toBe(200);
    expect(retryDelay(policy, 3, undefined, 1)).toBe(400);
  });

  it('waits at least what Retry-After asks', () => {
    expect(retryDelay(policy, 1, 1000, 0)).toBe(1000);
    expect(retryDelay(policy, 4, 100, 1)).toBe(800);
  });

  it('never waits longer than the bound, whatever the server asks', () => {
    expect(retryDelay(policy, 10, undefined, 1)).toBe(2000);
    expect(retryDelay(policy, 1, 3_600_000, 0)).toBe(2000);
  });

  it('tries 4 times by default and waits at most 10 s', () => {
    expect(DEFAULT_RETRY).toMatchObject({ attempts: 4, maxDelayMs: 10_000 });
  });
});

describe('retryingFetch', () => {
  const unavailable = () => new Response('{}', { status: 503, headers: { 'retry-after': '1' } });
  const request = (method: string, headers: Record<string, string> = {}) =>
    new Request('http://api.test/projects', {
      method,
      headers,
      ...(method === 'GET' ? {} : { body: '{"title":"x"}' }),
    });

  it('sends the request again after a 503, the same body each time, after Retry-After', async () => {
    const bodies: string[] = [];
    const waits: number[] = [];
    const answers = [unavailable(), unavailable(), new Response('{}', { status: 201 })];
    const send = retryingFetch(
      { attempts: 4, baseDelayMs: 10, maxDelayMs: 5000 },
      async (sent) => {
        bodies.push(await sent.text());
        return answers.shift() as Response;
      },
      async (ms) => {
        waits.push(ms);
      },
    );
    expect((await send(request('POST', { 'idempotency-key': 'k' }))).status).toBe(201);
    expect(bodies).toEqual(['{"title":"x"}', '{"title":"x"}', '{"title":"x"}']);
    expect(waits).toEqual([1000, 1000]);
  });

  it('answers the last 503 when every attempt failed', async () => {
    let sent = 0;
    const send = retryingFetch(
      { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
      async () => {
        sent++;
        return unavailable();
      },
      async () => undefined,
    );
    expect((await send(request('GET'))).status).toBe(503);
    expect(sent).toBe(3);
  });

  it('does not retry any other failure', async () => {
    let sent = 0;
    const send = retryingFetch(DEFAULT_RETRY, async () => {
      sent++;
      return new Response('{}', { status: 500 });
    });
    expect((await send(request('GET'))).status).toBe(500);
    expect(sent).toBe(1);
  });

  it('resends after a failed connection only what is safe to send twice: reads and keyed creates', async () => {
    const flaky = () => {
      let sent = 0;
      return {
        count: () => sent,
        send: retryingFetch(
          { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
          async () => {
            sent++;
            if (sent === 1) throw new TypeError('fetch failed');
            return new Response('{}', { status: 200 });
          },
          async () => undefined,
        ),
      };
    };
    const read = flaky();
    expect((await read.send(request('GET'))).status).toBe(200);
    expect(read.count()).toBe(2);
    const keyed = flaky();
    expect((await keyed.send(request('POST', { 'idempotency-key': 'k' }))).status).toBe(200);
    expect(keyed.count()).toBe(2);
    const change = flaky();
    await expect(change.send(request('PATCH'))).rejects.toThrow('fetch failed');
    expect(change.count()).toBe(1);
  });

  it('retries a 429 whatever the request (nothing ran), and the gateway’s 503 only for what is safe to send twice', async () => {
    const counted = (answer: () => Response) => {
      let sent = 0;
      return {
        count: () => sent,
        send: retryingFetch(
          { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
          async () => {
            sent++;
            return answer();
          },
          async () => undefined,
        ),
      };
    };
    const throttled = counted(() => new Response('{"message":"Too Many Requests"}', { status: 429 }));
    expect((await throttled.send(request('PATCH'))).status).toBe(429);
    expect(throttled.count()).toBe(3);
    const gatewayTimeout = counted(() => new Response('{"message":"Service Unavailable"}', { status: 503 }));
    expect((await gatewayTimeout.send(request('PATCH'))).status).toBe(503);
    expect(gatewayTimeout.count()).toBe(1);
    const functionUnavailable = counted(() => new Response('{}', { status: 503, headers: { 'x-request-id': 'r' } }));
    expect((await functionUnavailable.send(request('PATCH'))).status).toBe(503);
    expect(functionUnavailable.count()).toBe(3);
  });
});
