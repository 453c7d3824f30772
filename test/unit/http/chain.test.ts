/**
 * The chain every endpoint runs in (lib/http/chain.ts), around endpoints of its own: it answers
 * 503 before the Lambda's time is up, and each request makes one log line, ours.
 */
import { EARLY_TIMEOUT_MS } from '../../../lib/http/chain';
import { publicHttpHandler } from '../../../lib/http/public-handler';
import { logger } from '../../../lib/telemetry/request-log';
import { loadFresh, recordOutput } from '../../support/fresh';
import { apiEvent, lambdaContext } from '../../support/lambda';

let lines: string[] = [];

beforeEach(() => {
  lines = [];
  recordOutput(lines);
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => lines.push(`console: ${args.join(' ')}`));
  }
  logger.setLogLevel('INFO');
});

afterEach(() => {
  logger.setLogLevel('SILENT');
  jest.restoreAllMocks();
});

// biome-ignore lint/suspicious/noExplicitAny: log lines are arbitrary JSON
const logLines = () => lines.map((line) => JSON.parse(line) as any).filter((line) => line._aws === undefined);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

describe('the handler chain', () => {
  it('answers 503 with Retry-After a second before the Lambda runs out of time, and logs why', async () => {
    const handler = publicHttpHandler(
      async () => {
        await sleep(1100);
        return { status: 200, data: 'too late' };
      },
      { route: 'GET /slow' },
    );
    const context = { ...lambdaContext(), getRemainingTimeInMillis: () => EARLY_TIMEOUT_MS + 200 };
    const started = Date.now();
    const result = await handler(apiEvent({ method: 'GET', path: '/slow', owner: null }), context);
    expect(Date.now() - started).toBeLessThan(800);
    expect(result.statusCode).toBe(503);
    expect(result.headers?.['retry-after']).toBe('1');
    expect(JSON.parse(result.body ?? '{}')).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(logLines()).toEqual([
      expect.objectContaining({
        level: 'WARN',
        status: 503,
        cause: { name: 'Error', message: 'the function ran out of time' },
      }),
    ]);
  });

  it('makes one log line of ours for a failure, and nothing on the console', async () => {
    // http-error-handler takes console.error as its logger when its module loads: load the chain
    // afresh with the console watched.
    const fresh = loadFresh(() => ({
      publicHttpHandler: require('../../../lib/http/public-handler').publicHttpHandler as typeof publicHttpHandler,
      logger: require('../../../lib/telemetry/request-log').logger as typeof logger,
    }));
    fresh.logger.setLogLevel('INFO');
    const handler = fresh.publicHttpHandler(
      async () => {
        throw new TypeError('boom');
      },
      { route: 'GET /broken' },
    );
    const result = await handler(apiEvent({ method: 'GET', path: '/broken', owner: null }), lambdaContext());
    expect(result.statusCode).toBe(500);
    expect(lines.filter((line) => line.startsWith('console: '))).toEqual([]);
    expect(logLines()).toEqual([expect.objectContaining({ level: 'ERROR', status: 500, code: 'INTERNAL_ERROR' })]);
  });

  it('logs a request to a public route without an owner', async () => {
    const handler = publicHttpHandler(async () => ({ status: 200, data: 'ok' }), { route: 'GET /open' });
    await handler(apiEvent({ method: 'GET', path: '/open', owner: null }), lambdaContext());
    const [line] = logLines();
    expect(line).toMatchObject({ level: 'INFO', status: 200, route: 'GET /open' });
    expect(line).not.toHaveProperty('owner');
  });
});
