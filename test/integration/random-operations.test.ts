/**
 * Property: whatever random operations run, concurrently, against DynamoDB Local, every
 * answer is one the contract allows (no 5xx but a 503 with Retry-After under contention), and the
 * table keeps its invariants.
 */
import fc from 'fast-check';
import { newTally, type OpRequest, roundsArbitrary, runRounds, type Send } from '../../bench/random-ops';
import { handler as createHandler } from '../../functions/create-project';
import { handler as batchHandler } from '../../functions/create-projects-batch';
import { handler as deleteHandler } from '../../functions/delete-project';
import { handler as getHandler } from '../../functions/get-project';
import { handler as listHandler } from '../../functions/list-projects';
import { handler as restoreHandler } from '../../functions/restore-project';
import { handler as updateHandler } from '../../functions/update-project';
import { findViolations } from '../../lib/dynamodb/consistency';
import { apiEvent, lambdaContext } from '../support/lambda';
import { useTable } from '../support/table';

const table = useTable();
jest.setTimeout(120_000);

function route(request: OpRequest) {
  const [, , id, action] = request.path.split('/');
  if (request.path === '/projects') return request.method === 'POST' ? createHandler : listHandler;
  if (request.path === '/projects/batch') return batchHandler;
  if (action === 'restore') return restoreHandler;
  if (request.method === 'GET') return getHandler;
  if (request.method === 'PATCH') return updateHandler;
  if (request.method === 'DELETE') return deleteHandler;
  throw new Error(`no route for ${request.method} ${request.path} (${id})`);
}

/** Sends a request to the function that serves it, as API Gateway would. */
const send: Send = async (owner, request) => {
  const id = request.path.split('/')[2];
  const event = apiEvent({
    owner,
    method: request.method,
    path: request.path,
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.headers ? { headers: request.headers } : {}),
    ...(id && id !== 'batch' ? { pathParameters: { id } } : {}),
  });
  if (request.query) event.queryStringParameters = request.query;
  const result = await route(request)(event, lambdaContext());
  const headers = Object.fromEntries(
    Object.entries(result.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  return { status: result.statusCode ?? 0, headers, json: result.body ? JSON.parse(result.body) : undefined };
};

describe('random concurrent operations', () => {
  it('answer within the contract and leave the table consistent', async () => {
    let run = 0;
    let operations = 0;
    await fc.assert(
      fc.asyncProperty(roundsArbitrary(6, 8), async (rounds) => {
        run += 1;
        // A tally of this run alone, so that a shrunk counterexample reports its own answers.
        const tally = newTally();
        await runRounds(send, `random-${Date.now()}-${run}`, rounds, tally);
        operations += tally.operations;
        expect(tally.unexpected).toEqual([]);
        expect(findViolations(await table.scan())).toEqual([]);
      }),
      { numRuns: Number(process.env.RANDOM_RUNS ?? 15) },
    );
    expect(operations).toBeGreaterThan(0);
  });
});
