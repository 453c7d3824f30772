/**
 * The local stack's gateway (local-stack/gateway.ts) in front of the real serverless offline
 * 13's Lambda endpoint, whose functions time out, throw and fail to load
 * (test/fixtures/faulty-service): every failure is the 5xx API Gateway answers itself, never the
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
import { documentedClient, errorOf } from '../support/client';

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
    offline = spawn(process.execPath, [require.resolve('serverless/bin/serverless.js'), 'offline', 'start'], {
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

  /** API Gateway's own answer: its status and `{"message":"…"}`, with its request id and nothing of the function's. */
  async function expectGatewayAnswer(response: Response, status: number, message: string) {
    const text = await response.text();
    expect(response.status).toBe(status);
    expect(text).toBe(JSON.stringify({ message }));
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('apigw-requestid')).toMatch(/^[A-Za-z0-9+/]{14}[A-Za-z0-9+/=]{2}$/);
    expect(text).not.toMatch(LEAKS);
  }

  it('answers a function that ran past its own timeout as Lambda’s error: 500, as API Gateway does', async () => {
    await expectGatewayAnswer(await fetch(`${base}/slow`), 500, 'Internal Server Error');
  });

  it('answers 503 when the integration does not answer within API Gateway’s wait', async () => {
    const port = await freePort();
    const impatient = await startGateway(port, {
      lambda,
      routes: ROUTES,
      perFunction: 1,
      maxQueueMs: 1000,
      integrationTimeoutMs: 500,
      onFailure: (what) => failures.push(what),
    });
    try {
      await expectGatewayAnswer(await fetch(`http://127.0.0.1:${port}/slow`), 503, 'Service Unavailable');
    } finally {
      await impatient.close();
    }
  });

  it('answers a function that threw with 500, the same in any language or format asked for', async () => {
    await expectGatewayAnswer(await fetch(`${base}/crash`), 500, 'Internal Server Error');
    const korean = await fetch(`${base}/crash`, { headers: { 'accept-language': 'ko' } });
    await expectGatewayAnswer(korean, 500, 'Internal Server Error');
    expect(korean.headers.get('content-language')).toBeNull();
    const problem = await fetch(`${base}/crash`, { headers: { accept: 'application/problem+json' } });
    await expectGatewayAnswer(problem, 500, 'Internal Server Error');
  });

  it('answers a function that cannot even load with 500', async () => {
    await expectGatewayAnswer(await fetch(`${base}/broken-init`), 500, 'Internal Server Error');
  });

  it('passes every other answer through untouched, and answers a path no route takes with 404', async () => {
    const response = await fetch(`${base}/fine`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'Success', data: { fine: true } });
    await expectGatewayAnswer(await fetch(`${base}/nowhere`), 404, 'Not Found');
  });

  it('throttles as API Gateway does when given a rate and a burst: 429 of its own, and no function runs', async () => {
    const port = await freePort();
    const throttled = await startGateway(port, {
      lambda,
      routes: ROUTES,
      perFunction: 2,
      maxQueueMs: 1000,
      throttle: { rate: 0.5, burst: 2 },
    });
    try {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await fetch(`http://127.0.0.1:${port}/fine`));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
      await expectGatewayAnswer(answers[2] as Response, 429, 'Too Many Requests');
    } finally {
      await throttled.close();
    }
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
      await expectGatewayAnswer(await fetch(`http://127.0.0.1:${port}/fine`), 503, 'Service Unavailable');
    } finally {
      await orphan.close();
    }
  });

  it('tells the console what it turned into a 5xx', () => {
    expect(failures).toEqual(
      expect.arrayContaining([
        'GET /slow: the function timed out',
        'GET /slow: the integration timed out',
        'GET /crash: the function failed',
        'GET /broken-init: the function failed',
      ]),
    );
  });
});

describe('the local stack when every function fails at init', () => {
  it('answers API Gateway’s 500, never 200, with no stack trace', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'projects-api-broken-'));
    // A configuration the functions refuse at init (lib/composition/config.ts): each cold start throws.
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
      expect(text).toBe('{"message":"Internal Server Error"}');
      expect(text).not.toMatch(/stackTrace|DYNAMODB_MAX_ATTEMPTS|ConfigError/);
      expect(stack.output()).toContain('POST /projects: the function failed: answered 500, as API Gateway does');
      // The typed client reads the gateway's 500 as INTERNAL_ERROR, the document's answer.
      const result = await documentedClient(stack.baseUrl, alice).createProject({ title: 'y' });
      expect(errorOf(result)).toMatchObject({ status: 500, code: 'INTERNAL_ERROR', source: 'gateway' });
      // Its stack in the console names the .ts file and line (source maps), as it would in CloudWatch.
      expect(stack.output()).toMatch(/lib\/composition\/config\.ts:\d+:\d+/);
    } finally {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the local stack with LOCAL_THROTTLING=true', () => {
  it('throttles at the stage’s rate and burst of serverless.yml, with API Gateway’s 429, read by the client as TOO_MANY_REQUESTS', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'projects-api-throttled-'));
    const stack = await startStack({ dataDir, inMemory: true, env: { LOCAL_THROTTLING: 'true' } });
    try {
      expect(stack.output()).toContain("throttling: 20 requests a second, bursts of 40, as the stage's");
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 80 }, () =>
          fetch(`${stack.baseUrl}/openapi.json`).then(async (r) => [r.status, await r.text()] as const),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const throttled = answers.filter(([status]) => status === 429);
      const served = answers.filter(([status]) => status === 200).length;
      expect(throttled.length + served).toBe(80);
      expect(new Set(throttled.map(([, text]) => text))).toEqual(new Set(['{"message":"Too Many Requests"}']));
      // The burst at once, and the rate's refill while the requests arrived: no more, no fewer.
      expect(served).toBeGreaterThanOrEqual(40);
      expect(served).toBeLessThanOrEqual(40 + Math.ceil(20 * seconds) + 1);
      expect(throttled.length).toBeGreaterThan(0);
      // The typed client, allowed one attempt each, reads the throttled ones as TOO_MANY_REQUESTS.
      const client = documentedClient(stack.baseUrl, (await token('alice', stack.env)).trim(), { attempts: 1 });
      const results = await Promise.all(Array.from({ length: 80 }, () => client.listProjects()));
      const refused = results.filter((result) => !result.ok);
      expect(refused.length).toBeGreaterThan(0);
      for (const result of refused) {
        expect(errorOf(result)).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', source: 'gateway' });
      }
    } finally {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
