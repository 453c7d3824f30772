/**
 * `npx serverless offline` is the local stack: typed as a user types it in a fresh checkout,
 * and answering each request as API Gateway's HTTP API and the functions would deployed.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../local-stack/dynamodb-local';
import { type LocalStack, startStack, token } from '../../local-stack/stack';
import { freshCheckout } from '../support/checkout';
import { documentedClient, errorOf } from '../support/client';

jest.setTimeout(180_000);

const SECURITY_HEADERS = ['x-content-type-options', 'strict-transport-security', 'content-security-policy'];

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request exactly as given (no header added, none refused), and its answer. */
function raw(base: string, method: string, path: string, headers: Record<string, string>, body?: Buffer) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const call = httpRequest(`${base}${path}`, { method, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.once('end', () =>
        resolve({ status: answer.statusCode ?? 0, headers: answer.headers, text: Buffer.concat(chunks).toString() }),
      );
    });
    call.once('error', reject);
    call.end(body);
  });
}

/** A failure in the contract's envelope, its requestId the x-request-id, with the security headers. */
function expectEnvelope(answer: RawAnswer, status: number, code: string) {
  expect({ status: answer.status, code: JSON.parse(answer.text).code }).toEqual({ status, code });
  expect(JSON.parse(answer.text)).toMatchObject({ status: 'Failed', requestId: answer.headers['x-request-id'] });
  for (const name of SECURITY_HEADERS)
    expect({ name, present: answer.headers[name] !== undefined }).toEqual({ name, present: true });
}

describe('the local stack answers as API Gateway and the functions would', () => {
  let stack: LocalStack;
  let auth: Record<string, string>;
  const dataDir = mkdtempSync(join(tmpdir(), 'projects-api-gateway-'));

  beforeAll(async () => {
    stack = await startStack({ dataDir, inMemory: true });
    auth = { authorization: `Bearer ${(await token('gwen', stack.env)).trim()}` };
  });

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (headers: Record<string, string>, body: Buffer) =>
    raw(stack.baseUrl, 'POST', '/projects', { ...auth, ...headers }, body);
  const json = { 'content-type': 'application/json' };

  it('answers a JSON body of false or 0 with 400, not 500', async () => {
    expectEnvelope(await post(json, Buffer.from('false')), 400, 'VALIDATION_FAILED');
    expectEnvelope(await post(json, Buffer.from('0')), 400, 'VALIDATION_FAILED');
  });

  it('answers a body that is a JSON string holding a project with 400, and creates nothing', async () => {
    expectEnvelope(await post(json, Buffer.from(JSON.stringify('{"title":"Smuggled"}'))), 400, 'VALIDATION_FAILED');
    const listed = await raw(stack.baseUrl, 'GET', '/projects', auth);
    expect(JSON.parse(listed.text).data.items).toEqual([]);
  });

  it('answers a body with no Content-Type at all with 415', async () => {
    expectEnvelope(await post({}, Buffer.from('{"title":"Untyped"}')), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a JSON body that is not valid UTF-8 with 400 MALFORMED_JSON', async () => {
    const bytes = Buffer.concat([Buffer.from('{"title":"Bad'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    expectEnvelope(await post(json, bytes), 400, 'MALFORMED_JSON');
  });

  it('answers a body over 10 MiB as API Gateway does, 413 of its own, on a connection that stays usable', async () => {
    const answer = await post(json, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20));
    expect({ status: answer.status, text: answer.text }).toEqual({
      status: 413,
      text: '{"message":"Request Entity Too Large"}',
    });
    expect(answer.headers['apigw-requestid']).toBeDefined();
    const after = await raw(stack.baseUrl, 'GET', '/projects', auth);
    expect(after.status).toBe(200);
    // The typed client reads it as PAYLOAD_TOO_LARGE, from the gateway, as the document describes it.
    const client = documentedClient(stack.baseUrl, auth.authorization?.slice('Bearer '.length));
    const result = await client.createProject({ title: 'x'.repeat(10 * 1024 * 1024) });
    expect(errorOf(result)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', source: 'gateway' });
  });

  it('passes cookies through unvalidated: Cookie: prefs=a,b changes nothing', async () => {
    const answer = await raw(stack.baseUrl, 'GET', '/projects', { ...auth, cookie: 'prefs=a,b; x=%%' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ status: 'Success' });
  });

  it('answers OPTIONS that is not a CORS preflight on the $default route: 405 with Allow', async () => {
    const answer = await raw(stack.baseUrl, 'OPTIONS', '/projects', {});
    expectEnvelope(answer, 405, 'METHOD_NOT_ALLOWED');
    expect(answer.headers.allow).toBe('GET, POST');
  });

  it('answers HEAD on the $default route, not with the GET handler', async () => {
    const answer = await raw(stack.baseUrl, 'HEAD', '/projects', auth);
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, POST');
    expect(answer.text).toBe('');
  });

  it('answers a CORS preflight itself, from the CORS settings of serverless.yml', async () => {
    const answer = await raw(stack.baseUrl, 'OPTIONS', '/projects', {
      origin: 'https://app.example.com',
      'access-control-request-method': 'POST',
    });
    expect(answer.status).toBe(204);
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET,POST,PATCH,DELETE,OPTIONS',
      'access-control-max-age': '600',
    });
    expect(answer.headers['access-control-allow-headers']).toContain('idempotency-key');
  });
});

describe('npx serverless offline, typed in a fresh checkout', () => {
  let checkout: string;
  let offline: ChildProcess | undefined;

  beforeAll(async () => {
    checkout = await freshCheckout('projects-api-checkout-');
  });

  afterAll(() => {
    // A test that failed half-way leaves the group running: end it.
    if (offline && offline.exitCode === null && offline.signalCode === null)
      process.kill(-(offline.pid ?? 0), 'SIGKILL');
    rmSync(checkout, { recursive: true, force: true });
  });

  it('brings up the stack, creates a project with a local token, answers 409 for its title, and stops on Ctrl-C', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(await freePort()),
      LAMBDA_PORT: String(await freePort()),
      DYNAMODB_LOCAL_PORT: String(await freePort()),
      LOCAL_DATA_DIR: '',
      DYNAMODB_ENDPOINT: '',
    };
    // A process group of its own, as a terminal gives a command: Ctrl-C signals the whole group.
    offline = spawn('npx', ['serverless', 'offline'], {
      cwd: checkout,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    offline.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    offline.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<void>((resolve) => offline?.once('exit', () => resolve()));
    for (let waited = 0; !output.includes('[local] API on'); waited += 250) {
      if (waited > 120_000 || offline.exitCode !== null)
        throw new Error(`serverless offline did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(output).not.toMatch(/\n\s+at /);

    const { stdout: alice } = await promisify(execFile)('npm', ['run', '-s', 'token', '--', 'alice'], {
      cwd: checkout,
      env,
    });
    const base = `http://127.0.0.1:${env.PORT}`;
    const headers = { authorization: `Bearer ${alice.trim()}`, 'content-type': 'application/json' };
    const created = await raw(base, 'POST', '/projects', headers, Buffer.from('{"title":"Fresh checkout"}'));
    expect(created.status).toBe(201);
    const again = await raw(base, 'POST', '/projects', headers, Buffer.from('{"title":"FRESH  checkout"}'));
    expectEnvelope(again, 409, 'PROJECT_TITLE_CONFLICT');

    process.kill(-(offline.pid ?? 0), 'SIGINT');
    await exited;
    // Everything it started is gone: the API, serverless offline's Lambda endpoint, DynamoDB Local.
    for (const port of [env.PORT, env.LAMBDA_PORT, env.DYNAMODB_LOCAL_PORT]) {
      let open = true;
      for (let waited = 0; open && waited < 10_000; waited += 250) {
        open = await raw(`http://127.0.0.1:${port}`, 'GET', '/', {}).then(
          () => true,
          () => false,
        );
        if (open) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect({ port, open }).toEqual({ port, open: false });
    }
  });
});
