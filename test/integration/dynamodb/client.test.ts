import { createServer, type Server } from 'node:net';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../../lib/dynamodb/client';
import { isTransientDependencyError } from '../../../lib/dynamodb/failures';
import { useTable } from '../../support/table';

const table = useTable();
const limits = { connectTimeoutMs: 1000, requestTimeoutMs: 2000, maxAttempts: 3 };
const local = (dynamodb = limits) =>
  createDocumentClient({ region: 'us-east-1', dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT, dynamodb });

/** A DynamoDB that takes the connection and never answers; counts the requests it was sent. */
async function silentServer(): Promise<{ server: Server; endpoint: string; requests: () => number }> {
  let received = '';
  const server = createServer((socket) => socket.on('data', (chunk) => (received += chunk.toString('latin1'))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    server,
    endpoint: `http://127.0.0.1:${address.port}`,
    requests: () => received.split('POST / HTTP/1.1').length - 1,
  };
}

describe('the DynamoDB client', () => {
  it('writes an item with a value left undefined, at any depth, leaving the value out', async () => {
    const doc = local();
    const key = { pk: 'CLIENT#undefined', sk: 'CLIENT' };
    const Item = {
      ...key,
      description: undefined,
      title: 't',
      plan: { note: undefined, projects: [{ id: 'a', at: undefined }] },
    };
    await doc.send(new PutCommand({ TableName: table.name, Item }));
    const stored = await doc.send(new GetCommand({ TableName: table.name, Key: key }));
    expect(stored.Item).toEqual({ ...key, title: 't', plan: { projects: [{ id: 'a' }] } });
    doc.destroy();
  });

  it('gives up on a DynamoDB that never answers after the request timeout, on each of its tries, as worth a retry', async () => {
    const silent = await silentServer();
    const doc = createDocumentClient({
      region: 'us-east-1',
      dynamodbEndpoint: silent.endpoint,
      dynamodb: { connectTimeoutMs: 1000, requestTimeoutMs: 150, maxAttempts: 2 },
    });
    const started = Date.now();
    let hang: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      doc.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } })).then(
        () => 'answered',
        (error: unknown) => error,
      ),
      new Promise((resolve) => {
        hang = setTimeout(() => resolve('still waiting after 5 s'), 5000);
      }),
    ]);
    clearTimeout(hang);
    doc.destroy();
    silent.server.close();
    expect(outcome).toBeInstanceOf(Error);
    expect(isTransientDependencyError(outcome)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(silent.requests()).toBe(2);
  });

  it('bounds how long a connection may take to open by the configured timeout', async () => {
    // A connection that never opens cannot be staged on every machine (some sandboxes accept any
    // address), so this reads the timeout the SDK's request handler resolved.
    const doc = local({ connectTimeoutMs: 345, requestTimeoutMs: 678, maxAttempts: 3 });
    const handler = doc.config.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> };
    expect(await handler.configProvider).toMatchObject({
      connectionTimeout: 345,
      requestTimeout: 678,
      throwOnRequestTimeout: true,
    });
    doc.destroy();
  });

  it('signs for the configured region', async () => {
    const doc = createDocumentClient({
      region: 'eu-central-1',
      dynamodbEndpoint: 'http://127.0.0.1:1',
      dynamodb: limits,
    });
    expect(await doc.config.region()).toBe('eu-central-1');
    doc.destroy();
  });

  it('uses fixed local credentials for DynamoDB Local, and the environment’s (the Lambda role’s) in AWS', async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = 'AKIAFROMTHEROLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'role-secret';
    try {
      const inAws = createDocumentClient({ region: 'eu-central-1', dynamodbEndpoint: undefined, dynamodb: limits });
      expect((await inAws.config.credentials()).accessKeyId).toBe('AKIAFROMTHEROLE');
      expect(inAws.config.endpoint).toBeUndefined();
      inAws.destroy();
      const onLocal = local();
      expect(await onLocal.config.credentials()).toMatchObject({ accessKeyId: 'local', secretAccessKey: 'local' });
      onLocal.destroy();
    } finally {
      for (const [name, value] of [
        ['AWS_ACCESS_KEY_ID', saved.id],
        ['AWS_SECRET_ACCESS_KEY', saved.secret],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
