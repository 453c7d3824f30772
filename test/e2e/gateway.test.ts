/**
 * The local stack's gateway (local-stack/gateway.ts) in front of the real serverless offline
 * 13's Lambda endpoint, whose functions time out, throw and fail to load
 * (test/fixtures/faulty-service): every failure is a 5xx in the contract's envelope, never the
 * emulator's 200 and its stack. And the real local stack, with a configuration that makes every
 * function fail at init.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../local-stack/dynamodb-local';
import { type Gateway, startGateway } from '../../local-stack/gateway';
import type { HttpApiRoute } from '../../local-stack/http-api';
import { startStack, token } from '../../local-stack/stack';

jest.setTimeout(180_000);

const SERVICE = join(__dirname, '..', 'fixtures', 'faulty-service');

/** What a client can see of an answer that must not leak: the emulator's words or the function's. */
const LEAKS = /stackTrace|errorMessage|errorType|hunter2|\/var\/task|LambdaTimeoutError|at .*\.js/;

/** The fixture's routes, as the local stack reads them from serverless.yml. */
const ROUTES: HttpApiRoute[] = ['fine', 'slow', 'crash', 'brokenInit'].map((key) => ({
  routeKey: `GET /${key === 'brokenInit' ? 'broken-init' : key}`,
  method: 'GET',
  path: `/${key === 'brokenInit' ? 'broken-init' : key}`,
  functionName: `faulty-dev-${key}`,
  timeoutMs: 2000,
}));

describe('the gateway before serverless offline', () => {
  let offline: ChildProcess;
  let door: Gateway;
  let base: string;
  let upstream: { host: string; port: number };
  let lambda: { host: string; port: number };
  let output = '';
  const failures: string[] = [];

  beforeAll(async () => {
    upstream = { host: '127.0.0.1', port: await freePort() };
    lambda = { host: '127.0.0.1', port: await freePort() };
    offline = spawn(process.execPath, [require.resolve('osls/bin/serverless.js'), 'offline', 'start'], {
      cwd: SERVICE,
      env: {
        ...process.env,
        PORT: String(upstream.port),
        LAMBDA_PORT: String(lambda.port),
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    offline.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    offline.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    for (let waited = 0; !output.includes('Server ready'); waited += 200) {
      if (waited > 60_000 || offline.exitCode !== null) throw new Error(`serverless offline did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const port = await freePort();
    door = await startGateway(port, {
      lambda,
      routes: ROUTES,
      perFunction: 4,
      maxQueueMs: 20_000,
      onFailure: (what) => failures.push(what),
    });
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await door?.close();
    offline?.kill('SIGTERM');
  });

  it('is needed: serverless offline alone answers a function that threw with 200 and its stack', async () => {
    const direct = await fetch(`http://${upstream.host}:${upstream.port}/crash`);
    expect(direct.status).toBe(200);
    expect(await direct.text()).toMatch(/"stackTrace"/);
  });

  it('answers a function that timed out with 503 SERVICE_UNAVAILABLE and Retry-After, in the envelope', async () => {
    const response = await fetch(`${base}/slow`);
    const text = await response.text();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(text)).toEqual({
      status: 'Failed',
      code: 'SERVICE_UNAVAILABLE',
      message: '[Service Unavailable] The service is temporarily unavailable. Please retry later.',
      requestId: response.headers.get('x-request-id'),
    });
    expect(text).not.toMatch(LEAKS);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers a function that threw with 500 INTERNAL_ERROR, in Korean or as problem details when asked', async () => {
    const korean = await fetch(`${base}/crash`, { headers: { 'accept-language': 'ko' } });
    const text = await korean.text();
    expect(korean.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      status: 'Failed',
      code: 'INTERNAL_ERROR',
      message: '[Internal Server Error] 내부 서버 오류',
      requestId: korean.headers.get('x-request-id'),
    });
    expect(korean.headers.get('content-language')).toBe('ko');
    expect(text).not.toMatch(LEAKS);
    const problem = await fetch(`${base}/crash`, { headers: { accept: 'application/problem+json' } });
    expect(problem.status).toBe(500);
    expect(problem.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await problem.json()).toMatchObject({ status: 500, code: 'INTERNAL_ERROR', instance: '/crash' });
  });

  it('answers a function that cannot even load with 500 INTERNAL_ERROR', async () => {
    const response = await fetch(`${base}/broken-init`);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text).code).toBe('INTERNAL_ERROR');
    expect(text).not.toMatch(LEAKS);
  });

  it('passes every other answer through untouched', async () => {
    const response = await fetch(`${base}/fine`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'Success', data: { fine: true } });
    const missing = await fetch(`${base}/nowhere`);
    expect(missing.status).toBe(404);
  });

  it('answers 503 when serverless offline is not there at all', async () => {
    const port = await freePort();
    const orphan = await startGateway(port, {
      lambda: { host: '127.0.0.1', port: await freePort() },
      routes: ROUTES,
      perFunction: 1,
      maxQueueMs: 1000,
    });
    try {
      const response = await fetch(`http://127.0.0.1:${port}/fine`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
    } finally {
      await orphan.close();
    }
  });

  it('tells the console what it turned into a 5xx', () => {
    expect(failures).toEqual(
      expect.arrayContaining([
        'GET /slow: the function timed out',
        'GET /crash: the function failed',
        'GET /broken-init: the function failed',
      ]),
    );
  });
});

describe('the local stack when every function fails at init', () => {
  it('answers 500 INTERNAL_ERROR in the envelope, never 200, with no stack trace', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'projects-api-broken-'));
    // A configuration the functions refuse at init (lib/config.ts): each cold start throws.
    const stack = await startStack({ dataDir, inMemory: true, env: { DYNAMODB_MAX_ATTEMPTS: '99' } });
    try {
      const alice = (await token('alice', stack.env)).trim();
      const response = await fetch(`${stack.baseUrl}/projects`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json' },
        body: '{"title":"x"}',
      });
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toMatchObject({ status: 'Failed', code: 'INTERNAL_ERROR' });
      expect(text).not.toMatch(/stackTrace|DYNAMODB_MAX_ATTEMPTS|ConfigError/);
      expect(stack.output()).toContain("POST /projects: the function failed: answered 5xx in the contract's envelope");
      // Its stack in the console names the .ts file and line (source maps), as it would in CloudWatch.
      expect(stack.output()).toMatch(/lib\/config\.ts:\d+:\d+/);
    } finally {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
