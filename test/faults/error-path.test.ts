/**
 * The path of a rejection: a failed condition in DynamoDB becomes an http-errors error with
 * its catalog code, which @middy/http-error-handler turns into the response (and our
 * envelope middleware into the contract's body). The handler is watched, not replaced.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import createError from 'http-errors';
import { invoke } from '../support/lambda';

const seen: unknown[] = [];

jest.mock('@middy/http-error-handler', () => {
  const real = jest.requireActual('@middy/http-error-handler').default;
  return {
    __esModule: true,
    default: (options: unknown) => {
      const middleware = real(options);
      return {
        onError: async (request: { error: unknown }) => {
          seen.push(request.error);
          return middleware.onError(request);
        },
      };
    },
  };
});

// Loaded after the mock, so that the functions' chains hold the watched handler.
const { handler: createHandler } = require('../../functions/create-project');
const { handler: getHandler } = require('../../functions/get-project');

const dynamo = mockClient(DynamoDBDocumentClient);

beforeEach(() => {
  dynamo.reset();
  seen.length = 0;
});
afterAll(() => dynamo.restore());

describe('a rejection on its way to the client', () => {
  it('turns ConditionalCheckFailed at the title lock into 409 PROJECT_TITLE_CONFLICT through http-errors and http-error-handler', async () => {
    dynamo.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: { httpStatusCode: 400 },
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
      }),
    );
    const reply = await invoke(createHandler, { owner: 'user-1', body: { title: 'Taken' } });
    expect(reply.status).toBe(409);
    expect(reply.json).toEqual({
      status: 'Failed',
      code: 'PROJECT_TITLE_CONFLICT',
      message: '[Conflict] A project with the same title already exists.',
      requestId: reply.headers['x-request-id'],
    });
    expect(seen).toHaveLength(1);
    const [error] = seen as (Error & { status: number; expose: boolean; code: string })[];
    expect(createError.isHttpError(error)).toBe(true);
    expect(error).toMatchObject({ status: 409, statusCode: 409, expose: true, code: 'PROJECT_TITLE_CONFLICT' });
  });

  it('sends a missing project’s 404 the same way', async () => {
    dynamo.on(GetCommand).resolves({});
    const id = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    const reply = await invoke(getHandler, { method: 'GET', path: `/projects/${id}`, pathParameters: { id } });
    expect(reply.status).toBe(404);
    expect(reply.json.code).toBe('PROJECT_NOT_FOUND');
    expect(seen).toEqual([expect.objectContaining({ status: 404, expose: true, code: 'PROJECT_NOT_FOUND' })]);
  });

  it('hands an exception to http-error-handler as a non-HTTP error, which it answers 500 without its text', async () => {
    dynamo.on(GetCommand).rejects(new TypeError('secret details'));
    const id = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    const reply = await invoke(getHandler, { method: 'GET', path: `/projects/${id}`, pathParameters: { id } });
    expect(reply.status).toBe(500);
    expect(reply.json.code).toBe('INTERNAL_ERROR');
    expect(reply.body).not.toMatch(/secret/);
    expect(seen).toHaveLength(1);
    expect(createError.isHttpError(seen[0])).toBe(false);
  });
});
