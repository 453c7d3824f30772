/**
 * What each operation costs in DynamoDB requests, counted at the client against DynamoDB
 * Local: 1 for each, but 2 (a read, then a conditioned write) for rename, delete, restore.
 */

import { handler as createHandler } from '../../functions/create-project';
import { handler as batchHandler } from '../../functions/create-projects-batch';
import { handler as deleteHandler } from '../../functions/delete-project';
import { handler as getHandler } from '../../functions/get-project';
import { handler as listHandler } from '../../functions/list-projects';
import { handler as restoreHandler } from '../../functions/restore-project';
import { handler as updateHandler } from '../../functions/update-project';
import { invoke } from '../support/lambda';
import { countRequests } from '../support/requests';
import { useTable } from '../support/table';

useTable();

const owner = `counted-${Date.now()}`;
let requests: ReturnType<typeof countRequests>;
beforeEach(() => {
  requests = countRequests();
});
afterEach(() => requests.restore());

async function counted(run: () => Promise<{ status: number }>, status: number): Promise<string[]> {
  requests.take();
  const reply = await run();
  expect(reply.status).toBe(status);
  return requests.take();
}

describe('DynamoDB requests per operation', () => {
  it('is 1 for create, create conflict, create with a key, replay, get, list page and a batch of 25; 2 for rename, delete, restore', async () => {
    const create =
      (title: string, headers: Record<string, string> = {}) =>
      () =>
        invoke(createHandler, { owner, body: { title }, headers });
    expect(await counted(create('One'), 201)).toEqual(['TransactWriteCommand']);
    expect(await counted(create('one'), 409)).toEqual(['TransactWriteCommand']);
    expect(await counted(create('Keyed', { 'idempotency-key': 'k1' }), 201)).toEqual(['TransactWriteCommand']);
    expect(await counted(create('Keyed', { 'idempotency-key': 'k1' }), 201)).toEqual(['TransactWriteCommand']);

    const id = (await create('Target')()).json.data.id;
    const byId = (method: string, suffix = '', body?: unknown) => ({
      owner,
      method,
      path: `/projects/${id}${suffix}`,
      pathParameters: { id },
      ...(body === undefined ? {} : { body }),
    });
    expect(await counted(() => invoke(getHandler, byId('GET')), 200)).toEqual(['GetCommand']);
    expect(await counted(() => invoke(listHandler, { owner, method: 'GET', path: '/projects' }), 200)).toEqual([
      'QueryCommand',
    ]);
    expect(await counted(() => invoke(updateHandler, byId('PATCH', '', { title: 'Renamed' })), 200)).toEqual([
      'GetCommand',
      'TransactWriteCommand',
    ]);
    expect(await counted(() => invoke(deleteHandler, byId('DELETE')), 204)).toEqual([
      'GetCommand',
      'TransactWriteCommand',
    ]);
    expect(await counted(() => invoke(restoreHandler, byId('POST', '/restore')), 200)).toEqual([
      'GetCommand',
      'TransactWriteCommand',
    ]);
    const batch = { projects: Array.from({ length: 25 }, (_, i) => ({ title: `Batch ${i}` })) };
    expect(await counted(() => invoke(batchHandler, { owner, path: '/projects/batch', body: batch }), 201)).toEqual([
      'TransactWriteCommand',
    ]);
  });

  it('reads a project strongly consistent, and pages the listing index newest first with one item more than asked', async () => {
    const created = await invoke(createHandler, { owner, body: { title: 'Consistent' } });
    const id = created.json.data.id as string;
    requests.take();
    await invoke(getHandler, { owner, method: 'GET', path: `/projects/${id}`, pathParameters: { id } });
    expect(requests.inputs()).toEqual([expect.objectContaining({ ConsistentRead: true })]);
    requests.take();
    const event = { owner, method: 'GET', path: '/projects' };
    await invoke(listHandler, event);
    expect(requests.inputs()).toEqual([
      expect.objectContaining({ IndexName: 'gsi1', ScanIndexForward: false, Limit: 21 }),
    ]);
  });
});
