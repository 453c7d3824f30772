/**
 * The local stack's front door (scripts/lib/front-door.ts) in front of the real serverless
 * offline 13, whose functions time out, throw and fail to load (test/fixtures/faulty-service):
 * every failure is a 5xx in the contract's envelope, never the emulator's 200 and its stack.
 * And the real local stack, with a configuration that makes every function fail at init.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/dynamodb-local';
import { emulatorFailure, startFrontDoor } from '../../scripts/lib/front-door';
import { startStack, token } from '../../scripts/lib/stack';

jest.setTimeout(180_000);

const SERVICE = join(__dirname, '..', 'fixtures', 'faulty-service');

/** What a client can see of an answer that must not leak: the emulator's words or the function's. */
const LEAKS = /stackTrace|errorMessage|errorType|hunter2|\/var\/task|LambdaTimeoutError|at .*\.js/;

describe('the front door before serverless offline', () => {
  let offline: ChildProcess;
  let door: Server;
  let base: string;
  let upstream: { host: string; port: number };
  let output = '';
  const failures: string[] = [];

  beforeAll(async () => {
    upstream = { host: '127.0.0.1', port: await freePort() };
    offline = spawn(process.execPath, [require.resolve('osls/bin/serverless.js'), 'offline', 'start'], {
      cwd: SERVICE,
      env: {
        ...process.env,
        PORT: String(upstream.port),
        LAMBDA_PORT: String(await freePort()),
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
    ({ server: door } = await startFrontDoor(port, {
      upstream,
      perFunction: 4,
      maxQueueMs: 20_000,
      upstreamTimeoutMs: 29_000,
      onFailure: (what) => failures.push(what),
    }));
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    door?.close();
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
    const { server: orphan } = await startFrontDoor(port, {
      upstream: { host: '127.0.0.1', port: await freePort() },
      perFunction: 1,
      maxQueueMs: 1000,
      upstreamTimeoutMs: 1000,
    });
    try {
      const response = await fetch(`http://127.0.0.1:${port}/projects`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
    } finally {
      orphan.close();
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

describe('emulatorFailure', () => {
  it.each([
    [200, '{"errorMessage":"[504] - Lambda timeout.","errorType":"LambdaTimeoutError","stackTrace":[]}', 'timeout'],
    [200, '{"errorMessage":"boom","errorType":"Error","stackTrace":["at x"]}', 'crash'],
    [502, 'Bad Gateway', 'crash'],
    [504, '', 'timeout'],
    [200, '{"status":"Success","data":{"errorType":"x","errorMessage":"y","stackTrace":[]}}', undefined],
    [200, '{"errorType":"x","errorMessage":"y"}', undefined],
    [200, 'not json', undefined],
    [200, '[1]', undefined],
    [500, '{"errorMessage":"boom","errorType":"Error","stackTrace":[]}', undefined],
  ])('%i %s is %s', (status, body, expected) => {
    expect(emulatorFailure(status, body)).toBe(expected);
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
    } finally {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
