/**
 * Every answer, success or failure, with a body or without, carries the security headers
 * and its request id.
 */
import { handler as createHandler } from '../../functions/create-project';
import { handler as batchHandler } from '../../functions/create-projects-batch';
import { handler as deleteHandler } from '../../functions/delete-project';
import { handler as getHandler } from '../../functions/get-project';
import { handler as listHandler } from '../../functions/list-projects';
import { handler as openapiHandler } from '../../functions/openapi';
import { handler as restoreHandler } from '../../functions/restore-project';
import { handler as notFoundHandler } from '../../functions/route-not-found';
import { handler as updateHandler } from '../../functions/update-project';
import { invoke, type Reply } from '../support/lambda';
import { freshOwner } from '../support/owners';
import { useTable } from '../support/table';

useTable();

const SECURITY_HEADERS = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

function expectSecure(reply: Reply, status: number, cacheControl = 'no-store') {
  expect(reply.status).toBe(status);
  expect(reply.headers).toMatchObject({ ...SECURITY_HEADERS, 'cache-control': cacheControl });
  // API Gateway's CORS headers depend on Origin: a shared cache keeps one answer per origin.
  expect(reply.headers.vary?.split(/,\s*/)).toContain('Origin');
  expect(reply.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
}

describe('security headers', () => {
  it('are sent with every success: 201, 200 and a 204 without a body', async () => {
    const owner = freshOwner();
    const created = await invoke(createHandler, { owner, body: { title: 'Guarded' } });
    expectSecure(created, 201);
    const id = created.json.data.id as string;
    const path = `/projects/${id}`;
    const byId = { owner, path, pathParameters: { id } };
    expectSecure(await invoke(getHandler, { ...byId, method: 'GET' }), 200);
    expectSecure(await invoke(listHandler, { owner, method: 'GET', path: '/projects' }), 200);
    expectSecure(await invoke(updateHandler, { ...byId, method: 'PATCH', body: { description: 'new' } }), 200);
    const deleted = await invoke(deleteHandler, { ...byId, method: 'DELETE' });
    expectSecure(deleted, 204);
    expect(deleted.body).toBe('');
    expectSecure(await invoke(restoreHandler, { ...byId, method: 'POST', path: `${path}/restore` }), 200);
    const batch = { projects: [{ title: 'Guarded too' }] };
    expectSecure(await invoke(batchHandler, { owner, path: '/projects/batch', body: batch }), 201);
    const loose = { atomic: false, projects: [{ title: 'Guarded three' }] };
    expectSecure(await invoke(batchHandler, { owner, path: '/projects/batch', body: loose }), 200);
  });

  it('are sent with the OpenAPI document, which alone may be cached', async () => {
    const reply = await invoke(openapiHandler, { owner: null, method: 'GET', path: '/openapi.json' });
    expectSecure(reply, 200, 'public, max-age=300');
  });

  it('are sent with failures in both formats', async () => {
    const owner = freshOwner();
    expectSecure(await invoke(createHandler, { owner, body: { title: '' } }), 400);
    const problem = { accept: 'application/problem+json' };
    expectSecure(await invoke(createHandler, { owner: null, body: { title: 'x' }, headers: problem }), 401);
    expectSecure(await invoke(notFoundHandler, { owner: null, method: 'GET', path: '/nowhere' }), 404);
  });
});
