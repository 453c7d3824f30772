/**
 * Faults DynamoDB Local cannot produce on demand, injected with aws-sdk-client-mock:
 * contention, throttling, network failures and unexpected SDK errors.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../functions/create-project';
import { handler as batchHandler } from '../../functions/create-projects-batch';
import { handler as deleteHandler } from '../../functions/delete-project';
import { handler as getHandler } from '../../functions/get-project';
import { handler as listHandler } from '../../functions/list-projects';
import { handler as updateHandler } from '../../functions/update-project';
import { keys } from '../../lib/dynamodb/keys';

/** The README's numbers: a transaction is tried 4 times, a read-then-write 5 times. */
const TRANSACTION_TRIES = 4;
const OPTIMISTIC_TRIES = 5;

import { invoke } from '../support/lambda';

const dynamo = mockClient(DynamoDBDocumentClient);

function cancelled(...codes: string[]) {
  return new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}

function sdkError(name: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 }, ...extra });
}

const create = () => invoke(handler, { owner: 'user-1', body: { title: 'Faulty' } });

beforeEach(() => dynamo.reset());
afterAll(() => dynamo.restore());

describe('POST /projects under DynamoDB faults', () => {
  it('retries a TransactionConflict and succeeds when it clears', async () => {
    dynamo.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'TransactionConflict')).resolves({});
    const reply = await create();
    expect(reply.status).toBe(201);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('returns 503 with Retry-After when contention persists, after a bounded number of attempts', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None'));
    const started = Date.now();
    const reply = await create();
    expect(reply.status).toBe(503);
    expect(reply.json).toMatchObject({ status: 'Failed', code: 'SERVICE_UNAVAILABLE' });
    expect(reply.headers['retry-after']).toBe('1');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(TRANSACTION_TRIES);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('never turns contention into a 409', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'TransactionConflict'));
    const reply = await create();
    expect(reply.status).not.toBe(409);
    expect(reply.status).toBe(503);
    expect(reply.json.code).toBe('SERVICE_UNAVAILABLE');
    expect(reply.headers['retry-after']).toBe('1');
  });

  it('returns 409 when the lock condition failed, even if another item saw contention', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'ConditionalCheckFailed'));
    const reply = await create();
    expect(reply.status).toBe(409);
    expect(reply.json.code).toBe('PROJECT_TITLE_CONFLICT');
  });

  it('returns 503 for a throttled transaction', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ThrottlingError', 'None'));
    const reply = await create();
    expect(reply.status).toBe(503);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(TRANSACTION_TRIES);
  });

  it.each(['ProvisionedThroughputExceeded', 'RequestLimitExceeded'])(
    'retries a transaction cancelled for %s, then returns 503',
    async (code) => {
      dynamo.on(TransactWriteCommand).rejects(cancelled('None', code));
      const reply = await create();
      expect(reply.status).toBe(503);
      expect(reply.headers['retry-after']).toBe('1');
      expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(TRANSACTION_TRIES);
    },
  );

  it('returns a 500 at once for a transaction cancelled for a reason that is neither a condition nor contention', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'ValidationError'));
    const reply = await create();
    expect(reply.status).toBe(500);
    expect(reply.json.code).toBe('INTERNAL_ERROR');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it.each([
    ['throttling', sdkError('ProvisionedThroughputExceededException', 'Rate exceeded')],
    ['a network failure', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' })],
    ['a request timeout', sdkError('TimeoutError', 'Request timed out')],
    ['an internal DynamoDB error', sdkError('InternalServerError', 'boom', { $metadata: { httpStatusCode: 500 } })],
  ])('returns 503 with Retry-After for %s', async (_name, error) => {
    dynamo.on(TransactWriteCommand).rejects(error);
    const reply = await create();
    expect(reply.status).toBe(503);
    expect(reply.json.code).toBe('SERVICE_UNAVAILABLE');
    expect(reply.headers['retry-after']).toBe('1');
    expect(reply.body).not.toMatch(/ECONNREFUSED|Rate exceeded|timed out|boom/);
  });

  it('returns a generic 500 that leaks nothing for an unexpected SDK error', async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejects(sdkError('ValidationException', 'One or more parameter values were invalid: table test-secret-table'));
    const reply = await invoke(handler, {
      owner: 'user-1',
      body: { title: 'Faulty' },
      headers: { 'accept-language': 'ko' },
    });
    expect(reply.status).toBe(500);
    expect(reply.json).toEqual({
      status: 'Failed',
      code: 'INTERNAL_ERROR',
      message: '[Internal Server Error] 내부 서버 오류',
      requestId: reply.headers['x-request-id'],
    });
    expect(reply.body).not.toMatch(/ValidationException|parameter|secret|table|stack/i);
  });

  it('answers a 500 as problem+json without the exception’s message in detail', async () => {
    dynamo.on(TransactWriteCommand).rejects(new Error('secret-table-name exploded at line 42'));
    const reply = await invoke(handler, {
      owner: 'user-1',
      body: { title: 'Faulty' },
      headers: { accept: 'application/problem+json' },
    });
    expect(reply.status).toBe(500);
    expect(reply.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(reply.json).toEqual({
      type: 'urn:projects-api:error:INTERNAL_ERROR',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Internal server error',
      instance: '/projects',
      code: 'INTERNAL_ERROR',
      requestId: reply.headers['x-request-id'],
    });
    expect(reply.body).not.toMatch(/secret|exploded|line 42/);
  });

  it('answers the generic 500 in English by default', async () => {
    dynamo.on(TransactWriteCommand).rejects(new TypeError('Cannot read properties of undefined'));
    const reply = await create();
    expect(reply.status).toBe(500);
    expect(reply.json.message).toBe('[Internal Server Error] Internal server error');
    expect(reply.body).not.toMatch(/Cannot read/);
  });
});

describe('the lifecycle routes under DynamoDB faults', () => {
  const id = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
  const stored = {
    pk: keys.owner('user-1'),
    sk: keys.project(id),
    type: 'project',
    owner: 'user-1',
    id,
    title: 'Stored',
    titleKey: 'stored',
    description: '',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    gsi1pk: keys.listing('user-1', 'LIVE'),
    gsi1sk: keys.project(id),
  };
  const request = (method: string, body?: unknown) => ({
    owner: 'user-1',
    method,
    path: `/projects/${id}`,
    pathParameters: { id },
    ...(body === undefined ? {} : { body }),
  });

  it('answers 503 when reads fail transiently', async () => {
    dynamo.on(GetCommand).rejects(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const reply = await invoke(getHandler, request('GET'));
    expect(reply.status).toBe(503);
    expect(reply.headers['retry-after']).toBe('1');
    dynamo.on(QueryCommand).rejects(sdkError('ThrottlingException', 'slow down'));
    expect((await invoke(listHandler, { owner: 'user-1', method: 'GET', path: '/projects' })).status).toBe(503);
  });

  it('answers 503 after a bounded number of tries when every write loses to a concurrent one', async () => {
    dynamo.on(GetCommand).resolves({ Item: stored });
    dynamo
      .on(UpdateCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    const reply = await invoke(updateHandler, request('PATCH', { description: 'new' }));
    expect(reply.status).toBe(503);
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(OPTIMISTIC_TRIES);
  });

  it('answers a 500 that leaks nothing when a transaction fails in a way no condition explains', async () => {
    dynamo.on(GetCommand).resolves({ Item: stored });
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed'));
    const reply = await invoke(deleteHandler, request('DELETE'));
    expect(reply.status).toBe(500);
    expect(reply.json.code).toBe('INTERNAL_ERROR');
    expect(reply.body).not.toMatch(/cancel|lock/i);
  });
});

describe('POST /projects/batch under DynamoDB faults', () => {
  const batch = (body: unknown) => invoke(batchHandler, { owner: 'user-1', path: '/projects/batch', body });

  it('retries a contended atomic batch, then answers 503 with Retry-After, never a false 409', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'TransactionConflict', 'None'));
    const reply = await batch({ projects: [{ title: 'a' }, { title: 'b' }] });
    expect(reply.status).toBe(503);
    expect(reply.headers['retry-after']).toBe('1');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(TRANSACTION_TRIES);
  });

  it('reports an item that met a passing fault in a best-effort batch, and creates the others', async () => {
    dynamo.on(TransactWriteCommand).callsFake((input: { TransactItems: { Put?: { Item?: { title?: string } } }[] }) => {
      if (input.TransactItems[0]?.Put?.Item?.title === 'unlucky') throw sdkError('ThrottlingException', 'slow');
      return {};
    });
    const reply = await batch({ atomic: false, projects: [{ title: 'fine' }, { title: 'unlucky' }] });
    expect(reply.status).toBe(200);
    expect(reply.json.data.items.map((item: { index: number }) => item.index)).toEqual([0]);
    expect(reply.json.data.failures).toEqual([
      { index: 1, code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/^\[Service Unavailable\]/) },
    ]);
  });
});
