/** The catch-all route: 405 with Allow for a known path and another method, 404 for any other path. */
import { handler } from '../../functions/route-not-found';
import { allowedMethods, ROUTES } from '../../lib/http/routes';
import { matchRoute } from '../../local-stack/http-api';
import { invoke } from '../support/lambda';

const send = (method: string, path: string, headers: Record<string, string> = {}) =>
  invoke(handler, { method, path, owner: null, headers });

describe('allowedMethods', () => {
  it.each([
    ['/projects', ['GET', 'POST']],
    ['/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV', ['GET', 'PATCH', 'DELETE']],
    ['/projects/anything', ['GET', 'PATCH', 'DELETE']],
    ['/projects/batch', ['GET', 'POST', 'PATCH', 'DELETE']],
    ['/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV/restore', ['POST']],
    ['/openapi.json', ['GET']],
    ['/docs', ['GET']],
    ['/projects/', []],
    ['/projects//restore', []],
    ['/projects/a/b', []],
    ['/', []],
    ['/nowhere', []],
  ])('%s → %j', (path, methods) => {
    expect(allowedMethods(path)).toEqual(methods);
  });
});

describe('the route API Gateway picks (the local gateway’s matchRoute, over the API’s routes)', () => {
  const routes = [
    ...ROUTES.map(({ method, path }) => ({
      routeKey: `${method} ${path}`,
      method,
      path,
      functionName: path,
      timeoutMs: 1,
    })),
    { routeKey: '$default', method: 'ANY', path: '*', functionName: 'default', timeoutMs: 1 },
  ];
  it.each([
    ['POST', '/projects', 'POST /projects'],
    ['GET', '/projects', 'GET /projects'],
    ['POST', '/projects/batch', 'POST /projects/batch'],
    ['GET', '/projects/batch', 'GET /projects/{id}'],
    ['PATCH', '/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV', 'PATCH /projects/{id}'],
    ['POST', '/projects/x/restore', 'POST /projects/{id}/restore'],
    ['GET', '/docs', 'GET /docs'],
    ['PUT', '/projects/x', undefined],
    ['GET', '/nowhere', undefined],
    ['GET', '/projects/', undefined],
  ])('%s %s → %s', (method, path, route) => {
    expect(matchRoute(routes, method, path)?.route.routeKey).toBe(route ?? '$default');
  });
});

describe('a known path with a method it does not support', () => {
  it.each([
    ['PUT', '/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV', 'GET, PATCH, DELETE'],
    ['DELETE', '/projects', 'GET, POST'],
    ['GET', '/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV/restore', 'POST'],
    ['POST', '/openapi.json', 'GET'],
    ['POST', '/docs', 'GET'],
  ])('%s %s returns 405 METHOD_NOT_ALLOWED with Allow: %s', async (method, path, allow) => {
    const reply = await send(method, path);
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe(allow);
    expect(reply.json).toEqual({
      status: 'Failed',
      code: 'METHOD_NOT_ALLOWED',
      message: '[Method Not Allowed] The path does not support this method.',
      requestId: reply.headers['x-request-id'],
    });
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers the 405 as problem details in Korean when asked', async () => {
    const reply = await send('PUT', '/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV', {
      accept: 'application/problem+json',
      'accept-language': 'ko',
    });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, PATCH, DELETE');
    expect(reply.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(reply.json).toMatchObject({
      type: 'urn:projects-api:error:METHOD_NOT_ALLOWED',
      title: 'Method Not Allowed',
      status: 405,
      detail: '이 경로는 요청한 메서드를 지원하지 않습니다.',
      code: 'METHOD_NOT_ALLOWED',
    });
  });
});

describe('a path that does not exist', () => {
  it.each([
    ['GET', '/nowhere'],
    ['POST', '/projects/a/b'],
    ['GET', '/projects/'],
  ])('%s %s stays 404 ROUTE_NOT_FOUND, without Allow', async (method, path) => {
    const reply = await send(method, path);
    expect(reply.status).toBe(404);
    expect(reply.json.code).toBe('ROUTE_NOT_FOUND');
    expect(reply.headers.allow).toBeUndefined();
  });
});
