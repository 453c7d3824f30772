/**
 * Faults DynamoDB Local cannot produce on demand, injected with aws-sdk-client-mock:
 * contention, throttling, network failures and unexpected SDK errors.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../functions/create-project';
import { TRANSACTION_ATTEMPTS } from '../../lib/repository';
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
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(TRANSACTION_ATTEMPTS);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('never turns contention into a 409', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'TransactionConflict'));
    expect((await create()).status).not.toBe(409);
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
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(TRANSACTION_ATTEMPTS);
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

  it('answers the generic 500 in English by default', async () => {
    dynamo.on(TransactWriteCommand).rejects(new TypeError('Cannot read properties of undefined'));
    const reply = await create();
    expect(reply.status).toBe(500);
    expect(reply.json.message).toBe('[Internal Server Error] Internal server error');
    expect(reply.body).not.toMatch(/Cannot read/);
  });
});
