/**
 * DynamoDB unreachable, stopped, or hanging: every route answers 503 with Retry-After in the
 * envelope within a bound, before the Lambda's own timeout, and the table stays consistent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { findViolations } from '../../lib/dynamodb/consistency';
import { freePort, startDynamoDbLocal } from '../../local-stack/dynamodb-local';
import { ensureTable, localClient } from '../../local-stack/table';
import { invoke, lambdaContext, type RequestOptions } from '../support/lambda';

jest.setTimeout(60_000);

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
type Handlers = Record<'create' | 'batch' | 'list' | 'get' | 'update' | 'remove' | 'restore', Handler>;

/** The functions as a cold start with this environment loads them. */
function loadHandlers(env: Record<string, string>): Handlers {
  Object.assign(process.env, env);
  let handlers: Handlers | undefined;
  jest.isolateModules(() => {
    handlers = {
      create: require('../../functions/create-project').handler,
      batch: require('../../functions/create-projects-batch').handler,
      list: require('../../functions/list-projects').handler,
      get: require('../../functions/get-project').handler,
      update: require('../../functions/update-project').handler,
      remove: require('../../functions/delete-project').handler,
      restore: require('../../functions/restore-project').handler,
    };
  });
  if (!handlers) throw new Error('handlers not loaded');
  return handlers;
}

const ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const requests = (h: Handlers): [string, Handler, RequestOptions][] => [
  ['POST /projects', h.create, { body: { title: 'Outage' } }],
  ['POST /projects/batch', h.batch, { path: '/projects/batch', body: { projects: [{ title: 'a' }, { title: 'b' }] } }],
  ['GET /projects', h.list, { method: 'GET' }],
  ['GET /projects/{id}', h.get, { method: 'GET', pathParameters: { id: ID } }],
  ['PATCH /projects/{id}', h.update, { method: 'PATCH', pathParameters: { id: ID }, body: { title: 'x' } }],
  ['DELETE /projects/{id}', h.remove, { method: 'DELETE', pathParameters: { id: ID } }],
  ['POST /projects/{id}/restore', h.restore, { pathParameters: { id: ID } }],
];

async function expect503Within(
  name: string,
  handler: Handler,
  options: RequestOptions,
  boundMs: number,
  context: Context = lambdaContext(),
) {
  const started = Date.now();
  const reply = await invoke(handler, options, context);
  const elapsed = Date.now() - started;
  expect([name, reply.status]).toEqual([name, 503]);
  expect(reply.rawHeaders?.['retry-after']).toBe('1');
  expect(reply.json).toMatchObject({ status: 'Failed', code: 'SERVICE_UNAVAILABLE' });
  expect(elapsed).toBeLessThan(boundMs);
  return elapsed;
}

/** A TCP server that accepts connections and never answers: a DynamoDB that hangs. */
async function hangingServer(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});

describe('DynamoDB unreachable (nothing listens)', () => {
  it('answers 503 with Retry-After on every route, quickly', async () => {
    const port = await freePort();
    const handlers = loadHandlers({
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${port}`,
      DYNAMODB_CONNECT_TIMEOUT_MS: '300',
      DYNAMODB_MAX_ATTEMPTS: '2',
    });
    for (const [name, handler, options] of requests(handlers)) await expect503Within(name, handler, options, 3000);
  });
});

describe('DynamoDB hanging (accepts, never answers)', () => {
  let server: Awaited<ReturnType<typeof hangingServer>>;
  beforeEach(async () => {
    server = await hangingServer();
  });
  afterEach(() => server.close());

  it('answers 503 once the request timeout and the bounded tries are spent', async () => {
    const handlers = loadHandlers({
      DYNAMODB_ENDPOINT: server.endpoint,
      DYNAMODB_REQUEST_TIMEOUT_MS: '300',
      DYNAMODB_MAX_ATTEMPTS: '2',
    });
    for (const [name, handler, options] of requests(handlers)) await expect503Within(name, handler, options, 3000);
  });

  it('answers 503 before the Lambda timeout even when the SDK would wait longer (early timeout)', async () => {
    const handlers = loadHandlers({
      DYNAMODB_ENDPOINT: server.endpoint,
      DYNAMODB_REQUEST_TIMEOUT_MS: '20000',
      DYNAMODB_MAX_ATTEMPTS: '3',
    });
    const deadline = Date.now() + 2000;
    const context = { ...lambdaContext(), getRemainingTimeInMillis: () => deadline - Date.now() };
    const elapsed = await expect503Within(
      'POST /projects',
      handlers.create,
      { body: { title: 'Slow' } },
      2000,
      context,
    );
    expect(elapsed).toBeGreaterThanOrEqual(900);
  });
});

describe('DynamoDB Local stopped and started again', () => {
  it('answers 503 while it is down, and its data is consistent once it is back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'projects-api-outage-'));
    const port = await freePort();
    let dynamo = await startDynamoDbLocal({ port, dataDir });
    try {
      const tableName = `outage-${Date.now()}`;
      const client = localClient(dynamo.endpoint);
      await ensureTable(client, tableName);
      client.destroy();
      const handlers = loadHandlers({
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        TABLE_NAME: tableName,
        DYNAMODB_CONNECT_TIMEOUT_MS: '300',
        DYNAMODB_MAX_ATTEMPTS: '2',
      });
      const made = await invoke(handlers.create, { body: { title: 'Before' } });
      expect(made.status).toBe(201);

      // Requests in flight when it stops, and requests while it is down.
      const inFlight = Array.from({ length: 10 }, (_, i) =>
        invoke(handlers.create, { body: { title: `During ${i}` } }),
      );
      await dynamo.stop();
      const statuses = (await Promise.all(inFlight)).map((reply) => reply.status);
      for (const status of statuses) expect([201, 503]).toContain(status);
      for (const [name, handler, options] of requests(handlers)) await expect503Within(name, handler, options, 3000);

      dynamo = await startDynamoDbLocal({ port, dataDir });
      const doc = DynamoDBDocumentClient.from(localClient(dynamo.endpoint));
      const { Items = [] } = await doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
      doc.destroy();
      expect(findViolations(Items)).toEqual([]);
      expect(Items.filter((item) => item.type === 'project').length).toBeGreaterThanOrEqual(1);
      const after = await invoke(handlers.create, { body: { title: 'After' } });
      expect(after.status).toBe(201);
    } finally {
      await dynamo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
