/**
 * End to end: the real `npm start` stack (DynamoDB Local + serverless offline + the esbuild
 * bundles), driven over HTTP as a client would.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort, startDynamoDbLocal } from '../../local-stack/dynamodb-local';
import { generateKeys, localKeys, signToken } from '../../local-stack/local-tokens';
import { type LocalStack, startStack, token } from '../../local-stack/stack';
import { localClient, localTableName } from '../../local-stack/table';
import { dataOf, documentedClient, errorOf } from '../support/client';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'projects-api-e2e-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function call(
  stack: LocalStack,
  method: string,
  path: string,
  init: { token?: string; body?: string; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}

const portIsClosed = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

describe('the local stack (npm start)', () => {
  let stack: LocalStack;
  let alice: string;

  beforeAll(async () => {
    stack = await startStack({ dataDir });
    alice = (await token('alice', stack.env)).trim();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('starts quietly: one ready line that says where, the reference page, how to get a token, the data and the settings', () => {
    const lines = stack.output().split('\n');
    const ready = lines.findIndex((line) => line.startsWith('[local] API on'));
    expect(lines.slice(0, ready)).toEqual([]);
    expect(lines[ready]).toBe(
      `[local] API on http://localhost:${stack.env.PORT} (reference: /docs); a token: npm run -s token -- <userId>; data in ${join(dataDir, 'dynamodb')}; stage dev's settings with the local ones of custom.localStack`,
    );
  });

  it('prints a token alone on one line with npm run -s token', async () => {
    const output = await token('bob', stack.env);
    expect(output).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('creates a project over HTTP, then answers the duplicate with the contract’s 409', async () => {
    const api = documentedClient(stack.baseUrl, alice);
    const created = await api.createProject({ title: 'Road map' });
    expect(created.status).toBe(201);
    expect(dataOf(created)).toMatchObject({ title: 'Road map', version: 1, deletedAt: null });
    expect(created.headers.get('location')).toBe(`/projects/${dataOf(created).id}`);
    expect(created.headers.get('etag')).toBe('"1"');

    const duplicate = await api.createProject({ title: '  ROAD   map ' }, { headers: { 'accept-language': 'ko' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('content-language')).toBe('ko');
    // The envelope's `status: "Failed"` is checked against the document by the client's check.
    expect(errorOf(duplicate)).toEqual({
      status: 409,
      code: 'PROJECT_TITLE_CONFLICT',
      message: '[Conflict] 동일한 이름의 프로젝트가 이미 존재합니다.',
      requestId: duplicate.headers.get('x-request-id'),
      source: 'api',
    });

    // One JSON log line, at a non-error level, with the answer's request id and code.
    const { requestId } = errorOf(duplicate);
    // serverless offline relays its workers' output asynchronously: wait for the line.
    const linesOf = () =>
      stack
        .output()
        .split('\n')
        .filter((line) => line.trim().startsWith('{') && line.includes(requestId))
        .map((line) => JSON.parse(line));
    for (let waited = 0; linesOf().length === 0 && waited < 5000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const lines = linesOf();
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'WARN',
        requestId,
        code: 'PROJECT_TITLE_CONFLICT',
        status: 409,
        owner: 'alice',
      }),
    ]);
  });

  it('walks a project through its whole life over HTTP', async () => {
    const bob = documentedClient(stack.baseUrl, (await token('bob', stack.env)).trim());
    const created = await bob.createProject({ title: 'Lifecycle' });
    const { id } = dataOf(created);
    const read = await bob.getProject(id);
    expect(dataOf(read)).toEqual(dataOf(created));
    expect(read.headers.get('etag')).toBe('"1"');
    expect((await documentedClient(stack.baseUrl, alice).getProject(id)).status).toBe(404);

    const renamed = await bob.updateProject(id, { title: 'Lifecycle II' }, { ifMatch: '"1"' });
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get('etag')).toBe('"2"');
    const stale = await bob.updateProject(id, { description: 'x', version: 1 });
    expect(errorOf(stale).code).toBe('PROJECT_VERSION_CONFLICT');

    const listed = await bob.listProjects({ limit: 10 });
    expect(dataOf(listed)).toEqual({ items: [dataOf(renamed)], nextCursor: null });

    const deleted = await bob.deleteProject(id);
    expect(deleted.status).toBe(204);
    // No body: the client's check holds the answer to the document's 204, which has no content.
    expect(dataOf(deleted)).toBeUndefined();
    const trash = await bob.listProjects({ deleted: true });
    expect(dataOf(trash).items.map((p) => p.id)).toEqual([id]);

    const holder = await bob.createProject({ title: 'lifecycle ii' });
    expect(holder.status).toBe(201);
    const blocked = await bob.restoreProject(id);
    expect(errorOf(blocked).code).toBe('PROJECT_TITLE_CONFLICT');
    await bob.deleteProject(dataOf(holder).id);
    const restored = await bob.restoreProject(id);
    expect(restored.status).toBe(200);
    expect(dataOf(restored)).toMatchObject({ id, title: 'Lifecycle II', version: 4, deletedAt: null });

    const badCursor = await bob.listProjects({ cursor: 'abc' });
    expect(badCursor.status).toBe(400);
    const encodedSlash = await bob.getProject('a/b');
    expect(encodedSlash.status).toBe(404);
  });

  it('creates batches and replays retries that carry an Idempotency-Key', async () => {
    const carol = documentedClient(stack.baseUrl, (await token('carol', stack.env)).trim());
    const body = { projects: [{ title: 'Import 1' }, { title: 'Import 2' }] };
    const idempotencyKey = 'import-2026-11-21';
    const first = await carol.createProjects(body, { idempotencyKey });
    expect(first.status).toBe(201);
    const retry = await carol.createProjects(body, { idempotencyKey });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.ok && retry.replayed).toBe(true);
    expect(dataOf(retry)).toEqual(dataOf(first));
    const reused = await carol.createProjects({ projects: [{ title: 'Other' }] }, { idempotencyKey });
    expect(reused.status).toBe(422);
    expect(errorOf(reused).code).toBe('IDEMPOTENCY_KEY_REUSED');
    const conflict = await carol.createProjects({ projects: [{ title: 'New' }, { title: 'import 1' }] });
    expect(conflict.status).toBe(409);
    expect(errorOf(conflict).errors).toEqual([
      { index: 1, code: 'PROJECT_TITLE_CONFLICT', message: 'A project with the same title already exists.' },
    ]);
    const listed = await carol.listProjects();
    expect(dataOf(listed).items).toHaveLength(2);
  });

  it('compares titles as a person sees them: invisible variants are 409, bidi overrides and empty-looking titles 400', async () => {
    const owner = documentedClient(stack.baseUrl, (await token('carol', stack.env)).trim());
    const post = (title: string) => owner.createProject({ title });
    expect((await post('Plan')).status).toBe(201);
    for (const variant of ['Plan\u200b', 'Pl\u00adan', 'Plan\u2060', 'Plan\u200e', 'Plan\u2800', 'Pl\uFFF9an']) {
      const reply = await post(variant);
      expect({ variant, status: reply.status, code: errorOf(reply).code }).toEqual({
        variant,
        status: 409,
        code: 'PROJECT_TITLE_CONFLICT',
      });
    }
    for (const refused of ['Plan\u202e', '\u200b', '\u200d', '\u3164', '\ufe0f', '\u2800', '\uFFF9', '\u{13430}']) {
      const reply = await post(refused);
      expect({ refused, status: reply.status, field: errorOf(reply).errors?.[0]?.field }).toEqual({
        refused,
        status: 400,
        field: 'title',
      });
    }
    for (const title of ['👨‍👩‍👧', '❤️', '프로젝트 계획']) {
      const reply = await post(title);
      expect({ title, status: reply.status, stored: dataOf(reply).title }).toEqual({
        title,
        status: 201,
        stored: title,
      });
    }
  });

  it('folds case as Unicode does: STRAẞE, straße and STRASSE are one title, ılık and ilik are two', async () => {
    const owner = documentedClient(stack.baseUrl, (await token('erin', stack.env)).trim());
    const post = async (title: string) => (await owner.createProject({ title })).status;
    expect(await post('STRAẞE')).toBe(201);
    expect([await post('straße'), await post('STRASSE'), await post('Strasse')]).toEqual([409, 409, 409]);
    expect(await post('ılık')).toBe(201);
    expect(await post('ilik')).toBe(201);
    expect(await post('ILIK')).toBe(409);
  });

  it('takes a JSON body whose Content-Type has an empty or a quoted parameter, as RFC 9110 allows', async () => {
    const owner = (await token('frank', stack.env)).trim();
    const types = ['application/json;', 'application/json; profile="a;b"', 'application/json; charset="UTF-8";'];
    for (const [i, type] of types.entries()) {
      const reply = await call(stack, 'POST', '/projects', {
        token: owner,
        body: JSON.stringify({ title: `Typed ${i}` }),
        headers: { 'content-type': type },
      });
      expect({ type, status: reply.status }).toEqual({ type, status: 201 });
    }
    const latin1 = await call(stack, 'POST', '/projects', {
      token: owner,
      body: '{"title":"Latin"}',
      headers: { 'content-type': 'application/json; profile="x;y"; charset=latin1' },
    });
    expect(latin1.status).toBe(415);
  });

  it('replays a create and a batch byte for byte, and lists a batch of 12 in reverse request order', async () => {
    const owner = (await token('dave', stack.env)).trim();
    const replayOf = async (path: string, body: string, key: string) => {
      const send = () => call(stack, 'POST', path, { token: owner, body, headers: { 'idempotency-key': key } });
      const first = await send();
      for (const again of [await send(), await send()]) {
        expect(again.status).toBe(first.status);
        expect(again.text).toBe(first.text);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
        for (const name of ['location', 'etag', 'content-type'])
          expect(again.headers.get(name)).toBe(first.headers.get(name));
      }
      return first;
    };
    expect((await replayOf('/projects', '{"title":"Once","description":"only"}', 'e2e-create')).status).toBe(201);
    const titles = Array.from({ length: 12 }, (_, i) => `Step ${i}`);
    const batch = JSON.stringify({ projects: titles.map((title) => ({ title })) });
    expect((await replayOf('/projects/batch', batch, 'e2e-batch')).status).toBe(201);
    const listed = await documentedClient(stack.baseUrl, owner).listProjects({ limit: 12 });
    expect(dataOf(listed).items.map((p) => p.title)).toEqual([...titles].reverse());
  });

  it('answers q=0 for problem+json with plain JSON, and a known path with another method with 405 and Allow', async () => {
    const plain = await documentedClient(stack.baseUrl, alice).getProject('01ARZ3NDEKTSV4RRFFQ69G5FAV', {
      headers: { accept: 'application/problem+json;q=0, application/json' },
    });
    expect(plain.status).toBe(404);
    expect(plain.headers.get('content-type')).toBe('application/json; charset=utf-8');
    for (const [method, path, allow] of [
      ['PUT', '/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV', 'GET, PATCH, DELETE'],
      ['DELETE', '/projects', 'GET, POST'],
      ['GET', '/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV/restore', 'POST'],
    ] as const) {
      const reply = await call(stack, method, path, { token: alice });
      expect({ method, path, status: reply.status, allow: reply.headers.get('allow'), code: reply.json.code }).toEqual({
        method,
        path,
        status: 405,
        allow,
        code: 'METHOD_NOT_ALLOWED',
      });
    }
    const unknown = await call(stack, 'GET', '/nowhere', { token: alice });
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe('ROUTE_NOT_FOUND');
  });

  it('serves the OpenAPI document without a token', async () => {
    const reply = await call(stack, 'GET', '/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.json.openapi).toBe('3.1.0');
    expect(Object.keys(reply.json.paths)).toEqual(
      expect.arrayContaining(['/projects', '/projects/batch', '/projects/{id}', '/projects/{id}/restore']),
    );
  });

  it('gives every request its own request id', async () => {
    const first = await call(stack, 'GET', '/nowhere');
    const second = await call(stack, 'GET', '/nowhere');
    expect(first.json.requestId).toBe(first.headers.get('x-request-id'));
    expect(first.json.requestId).not.toBe(second.json.requestId);
  });

  it('refuses forged, expired, foreign or missing tokens as API Gateway’s JWT authorizer does, and no function runs', async () => {
    const [header, payload] = alice.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(342)}`;
    process.env.LOCAL_DATA_DIR = dataDir;
    const keys = await localKeys();
    const invalid = (description: string) => `Bearer scope="" error="invalid_token" error_description="${description}"`;
    const cases: [string | undefined, string][] = [
      [forged, invalid('the token signature is invalid')],
      [await signToken('alice', { keys, expiresIn: -60 }), invalid('the token has expired')],
      [
        await signToken('alice', { keys, issuer: 'https://elsewhere.example' }),
        invalid('the token does not have a valid issuer'),
      ],
      [
        await signToken('alice', { keys, audience: 'another-api' }),
        invalid('the token does not have a valid audience'),
      ],
      [await signToken('alice', { keys: await generateKeys() }), invalid('the token signature is invalid')],
      [undefined, 'Bearer'],
    ];
    const before = stack.output().length;
    for (const [bad, challenge] of cases) {
      const reply = await documentedClient(stack.baseUrl, bad).createProject({ title: 'x' });
      const raw = await call(stack, 'GET', '/projects', bad ? { token: bad } : {});
      expect({ status: raw.status, text: raw.text, challenge: raw.headers.get('www-authenticate') }).toEqual({
        status: 401,
        text: '{"message":"Unauthorized"}',
        challenge,
      });
      expect(reply.status).toBe(401);
      expect(errorOf(reply)).toMatchObject({ code: 'UNAUTHORIZED', source: 'gateway', message: 'Unauthorized' });
      expect(reply.headers.get('www-authenticate')).toBe(challenge);
    }
    // No function ran: none of them logged a line for these requests.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const logged = stack
      .output()
      .slice(before)
      .split('\n')
      .filter((line) => line.trim().startsWith('{'));
    expect(logged).toEqual([]);
  });

  it('takes an access token (client_id, no aud) as the same owner as the ID token of the same sub', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'token', '--', '--access', 'hana'], {
      cwd: ROOT,
      env: stack.env,
    });
    const accessToken = stdout.trim();
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'hana', client_id: 'projects-api', token_use: 'access' });
    expect(claims.aud).toBeUndefined();
    const viaAccess = documentedClient(stack.baseUrl, accessToken);
    const created = await viaAccess.createProject({ title: 'Through an access token' });
    expect(created.status).toBe(201);
    const viaId = documentedClient(stack.baseUrl, (await token('hana', stack.env)).trim());
    const [listedById, listedByAccess] = [await viaId.listProjects(), await viaAccess.listProjects()];
    expect(dataOf(listedById).items.map((p) => p.id)).toEqual([dataOf(created).id]);
    expect(dataOf(listedByAccess)).toEqual(dataOf(listedById));
  });

  it('answers bad input with its 4xx and unknown routes with 404 ROUTE_NOT_FOUND', async () => {
    expect((await call(stack, 'POST', '/projects', { token: alice, body: '{"title":' })).json.code).toBe(
      'MALFORMED_JSON',
    );
    expect((await call(stack, 'POST', '/projects', { token: alice, body: '{"title":"x","owner":"bob"}' })).status).toBe(
      400,
    );
    const text = await call(stack, 'POST', '/projects', {
      token: alice,
      body: 'title=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    // DELETE /projects is a known path with another method: 405, not an unknown route.
    const unknown = await call(stack, 'DELETE', '/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV/archive', { token: alice });
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe('ROUTE_NOT_FOUND');
    expect((await call(stack, 'DELETE', '/projects', { token: alice })).status).toBe(405);
  });

  it('runs the changed code on the next request after a function is edited, without a restart', async () => {
    const file = join(ROOT, 'functions', 'openapi.ts');
    const original = readFileSync(file, 'utf8');
    expect(original).toContain("'public, max-age=300'");
    const cacheControl = async () => (await fetch(`${stack.baseUrl}/openapi.json`)).headers.get('cache-control');
    expect(await cacheControl()).toBe('public, max-age=300');
    try {
      writeFileSync(file, original.replace("'public, max-age=300'", "'public, max-age=301'"));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await cacheControl()).toBe('public, max-age=301');
    } finally {
      writeFileSync(file, original);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await cacheControl()).toBe('public, max-age=300');
  });

  it('refuses a second DynamoDB Local on its data folder, in one line, before starting one', async () => {
    const folder = join(dataDir, 'dynamodb');
    await expect(startDynamoDbLocal({ dataDir: folder })).rejects.toThrow(
      new RegExp(`^the DynamoDB Local of process \\d+ uses ${folder} already, and two would spoil its files`),
    );
  });

  it('keeps its data across a restart, and Ctrl-C stops everything it started', async () => {
    const dynamoUrl = `http://127.0.0.1:${stack.env.DYNAMODB_LOCAL_PORT}`;
    expect(await stack.stop()).not.toBeNull();
    expect(await portIsClosed(stack.baseUrl)).toBe(true);
    expect(await portIsClosed(dynamoUrl)).toBe(true);

    stack = await startStack({ dataDir });
    const again = await documentedClient(stack.baseUrl, alice).createProject({ title: 'Road map' });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('PROJECT_TITLE_CONFLICT');
  });
});

describe('the local stack with DYNAMODB_ENDPOINT', () => {
  it('uses that DynamoDB instead of its own, and creates its table there', async () => {
    const endpoint = process.env.DYNAMODB_ENDPOINT ?? '';
    const stack = await startStack({ dataDir, env: { DYNAMODB_ENDPOINT: endpoint } });
    try {
      const client = localClient(endpoint);
      const tables = await client.send(new ListTablesCommand({}));
      client.destroy();
      expect(tables.TableNames).toContain(localTableName());
      expect(stack.output()).toContain(`using DynamoDB at ${endpoint}`);
      const alice = (await token('alice', stack.env)).trim();
      const reply = await documentedClient(stack.baseUrl, alice).createProject({ title: 'Elsewhere' });
      expect(reply.status).toBe(201);
    } finally {
      await stack.stop();
    }
  });
});

describe('npm start, however it is stopped', () => {
  /** The processes whose environment names this port: the stack that npm start made for it. */
  const stackProcesses = (port: string) =>
    readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`PORT=${port}`);
        } catch {
          return false;
        }
      });

  it('stops everything it started when SIGTERM reaches the npm process alone', async () => {
    const env = {
      ...process.env,
      PORT: String(await freePort()),
      DYNAMODB_LOCAL_PORT: String(await freePort()),
      LAMBDA_PORT: String(await freePort()),
      DYNAMODB_ENDPOINT: '',
    };
    const npm = spawn('npm', ['start', '--', '--in-memory'], { cwd: ROOT, env, stdio: 'ignore' });
    const api = `http://127.0.0.1:${env.PORT}`;
    const deadline = Date.now() + 90_000;
    while (
      !(await fetch(`${api}/nowhere`).then(
        () => true,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error('npm start did not answer within 90 s');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(stackProcesses(env.PORT).length).toBeGreaterThanOrEqual(3);
    npm.kill('SIGTERM');
    const stopped = Date.now() + 10_000;
    while (stackProcesses(env.PORT).length > 0 && Date.now() < stopped) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(stackProcesses(env.PORT)).toEqual([]);
    expect(await portIsClosed(api)).toBe(true);
    expect(await portIsClosed(`http://127.0.0.1:${env.DYNAMODB_LOCAL_PORT}`)).toBe(true);
  });

  it('says in one line which port is taken and what to do, without a stack trace', async () => {
    const taken = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      const env = { ...process.env, PORT: String(port), DYNAMODB_LOCAL_PORT: String(await freePort()) };
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const npm = spawn('npm', ['start', '--', '--in-memory'], {
          cwd: ROOT,
          env,
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        npm.stderr?.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        npm.once('exit', (code) => resolve({ code, stderr }));
      });
      expect(result.code).toBe(1);
      const lines = result.stderr.split('\n').filter((line) => line.startsWith('[local]'));
      expect(lines).toEqual([
        `[local] port ${port} is already in use: stop the server that holds it, or choose another port (PORT=${port + 1} npm start)`,
      ]);
      expect(result.stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
    } finally {
      taken.close();
    }
  });

  it.each(['PORT', 'LAMBDA_PORT', 'DYNAMODB_LOCAL_PORT'])(
    'refuses a taken %s in one line before anything is bundled or started',
    async (variable) => {
      const taken = createServer();
      const port = await freePort();
      await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
      try {
        const env = {
          ...process.env,
          PORT: String(await freePort()),
          LAMBDA_PORT: String(await freePort()),
          DYNAMODB_LOCAL_PORT: String(await freePort()),
          DYNAMODB_ENDPOINT: '',
          [variable]: String(port),
        };
        const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
          const npx = spawn('npx', ['serverless', 'offline', '--in-memory'], {
            cwd: ROOT,
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let output = '';
          npx.stdout?.on('data', (chunk: Buffer) => {
            output += chunk.toString();
          });
          npx.stderr?.on('data', (chunk: Buffer) => {
            output += chunk.toString();
          });
          npx.once('exit', (code) => resolve({ code, output }));
        });
        expect(result.code).toBe(1);
        expect(result.output).toBe(
          `[local] port ${port} is already in use: stop the server that holds it, or choose another port (${variable}=${port + 1} npm start)\n`,
        );
      } finally {
        taken.close();
      }
    },
  );
});
