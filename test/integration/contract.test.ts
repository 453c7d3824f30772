/**
 * The running functions, the OpenAPI document and the contract agree: every answer of a
 * walk through all routes (successes and failures, both failure formats) is one that the
 * document describes, with a body its schema accepts.
 */

import { handler as createHandler } from '../../functions/create-project';
import { handler as batchHandler } from '../../functions/create-projects-batch';
import { handler as deleteHandler } from '../../functions/delete-project';
import { handler as getHandler } from '../../functions/get-project';
import { handler as listHandler } from '../../functions/list-projects';
import { handler as openapiHandler } from '../../functions/openapi';
import { handler as restoreHandler } from '../../functions/restore-project';
import { handler as updateHandler } from '../../functions/update-project';
import { apiEvent, invoke, lambdaContext, type Reply, type RequestOptions } from '../support/lambda';
import { expectDocumented } from '../support/openapi';
import { useTable } from '../support/table';

useTable();

type Handler = Parameters<typeof invoke>[0];
const owner = `contract-${Date.now().toString(36)}`;

async function call(
  handler: Handler,
  method: string,
  path: string,
  status: number,
  options: RequestOptions = {},
): Promise<Reply> {
  const id = path.split('/')[2];
  const pathParameters = path.startsWith('/projects/') && id && id !== 'batch' ? { id } : undefined;
  const template = path.replace(/^\/projects\/(?!batch)[^/]+/, '/projects/{id}');
  const reply = await invoke(handler, {
    owner,
    method,
    path,
    ...(pathParameters ? { pathParameters } : {}),
    ...options,
  });
  expect({ method, path, status: reply.status }).toEqual({ method, path, status });
  expectDocumented(method, template, reply);
  return reply;
}

describe('the OpenAPI document describes every answer', () => {
  it.each([[{}], [{ accept: 'application/problem+json', 'accept-language': 'ko' }]])(
    'over a walk through every route (headers %j)',
    async (headers) => {
      const title = `Contract ${JSON.stringify(headers).length}`;
      const created = await call(createHandler, 'POST', '/projects', 201, { body: { title }, headers });
      const id = created.json.data.id;
      await call(createHandler, 'POST', '/projects', 409, { body: { title }, headers });
      await call(createHandler, 'POST', '/projects', 400, { body: { title: '' }, headers });
      await call(createHandler, 'POST', '/projects', 400, { rawBody: '{', headers });
      await call(createHandler, 'POST', '/projects', 415, {
        rawBody: 'x',
        headers: { ...headers, 'content-type': 'text/plain' },
      });
      await call(createHandler, 'POST', '/projects', 401, { body: { title: 'x' }, owner: null, headers });
      const key = { ...headers, 'idempotency-key': `contract-${title}` };
      await call(createHandler, 'POST', '/projects', 201, { body: { title: `${title} keyed` }, headers: key });
      await call(createHandler, 'POST', '/projects', 201, { body: { title: `${title} keyed` }, headers: key });
      await call(createHandler, 'POST', '/projects', 422, { body: { title: `${title} other` }, headers: key });

      await call(getHandler, 'GET', `/projects/${id}`, 200, { headers });
      await call(getHandler, 'GET', '/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV', 404, { headers });
      await call(listHandler, 'GET', '/projects', 200, { headers });
      const event = apiEvent({ owner, method: 'GET', path: '/projects', headers });
      event.queryStringParameters = { limit: '0' };
      const badLimit = await listHandler(event, lambdaContext());
      expect(badLimit.statusCode).toBe(400);
      expectDocumented('GET', '/projects', {
        status: badLimit.statusCode ?? 0,
        headers: badLimit.headers as Record<string, string>,
        body: badLimit.body ?? '',
        json: JSON.parse(badLimit.body ?? '{}'),
      });

      await call(updateHandler, 'PATCH', `/projects/${id}`, 200, { body: { description: 'd' }, headers });
      await call(updateHandler, 'PATCH', `/projects/${id}`, 409, { body: { description: 'e', version: 1 }, headers });
      await call(updateHandler, 'PATCH', `/projects/${id}`, 412, {
        body: { description: 'e' },
        headers: { ...headers, 'if-match': '"1"' },
      });
      await call(restoreHandler, 'POST', `/projects/${id}/restore`, 409, { headers });
      await call(deleteHandler, 'DELETE', `/projects/${id}`, 204, { headers });
      await call(deleteHandler, 'DELETE', `/projects/${id}`, 404, { headers });
      await call(restoreHandler, 'POST', `/projects/${id}/restore`, 200, { headers });

      await call(batchHandler, 'POST', '/projects/batch', 201, {
        body: { projects: [{ title: `${title} b1` }] },
        headers,
      });
      await call(batchHandler, 'POST', '/projects/batch', 409, {
        body: { projects: [{ title: `${title} b2` }, { title: `${title} B2` }] },
        headers,
      });
      await call(batchHandler, 'POST', '/projects/batch', 200, {
        body: { atomic: false, projects: [{ title: `${title} b3` }, { title: '' }] },
        headers,
      });
      await call(batchHandler, 'POST', '/projects/batch', 400, { body: { projects: [] }, headers });
    },
  );

  it('for GET /openapi.json, without a token', async () => {
    const reply = await call(openapiHandler, 'GET', '/openapi.json', 200, { owner: null });
    expect(reply.status).toBe(200);
    expect(reply.json.openapi).toBe('3.1.0');
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
  });
});
