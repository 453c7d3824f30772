import { createProjectsClient, GATEWAY_CODES, UnexpectedResponseError } from '../../../client';
import { gatewayAnswers } from '../../../lib/errors/gateway';

const project = {
  id: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
  title: 'Road map',
  description: '',
  version: 1,
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  deletedAt: null,
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const failure = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(status, { status: 'Failed', code, message: `[x] ${code}`, requestId: `req-${code}` }, headers);

/** A client whose requests are recorded and answered in turn, with no real waiting. */
function fake(answers: Response[], options: { token?: string | (() => string) } = {}) {
  const requests: Request[] = [];
  const waits: number[] = [];
  const client = createProjectsClient({
    baseUrl: 'http://api.test',
    token: options.token ?? 'tok',
    fetch: async (request) => {
      requests.push(request);
      const answer = answers.shift();
      if (!answer) throw new Error('no answer left');
      return answer;
    },
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { client, requests, waits };
}

describe('the typed client', () => {
  it('sends the bearer token, given or fetched for each request', async () => {
    let calls = 0;
    const { client, requests } = fake([json(200, { status: 'Success', data: project })], {
      token: () => `t${++calls}`,
    });
    await client.getProject(project.id);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer t1');
    expect(requests[0]?.url).toBe(`http://api.test/projects/${project.id}`);
  });

  it('creates with a generated Idempotency-Key, and sends the same key on each retry of a 503', async () => {
    const { client, requests, waits } = fake([
      failure(503, 'SERVICE_UNAVAILABLE', { 'retry-after': '1' }),
      failure(503, 'SERVICE_UNAVAILABLE', { 'retry-after': '2' }),
      json(201, { status: 'Success', data: project }, { location: `/projects/${project.id}` }),
    ]);
    const result = await client.createProject({ title: 'Road map' });
    expect(result).toMatchObject({ ok: true, status: 201, data: project, replayed: false });
    const keys = requests.map((request) => request.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys)).toEqual(new Set([keys[0]]));
    expect(keys).toHaveLength(3);
    expect(waits).toEqual([1000, 2000]);
  });

  it('gives each create its own key, and uses the caller’s key when given', async () => {
    const created = () => json(201, { status: 'Success', data: project });
    const { client, requests } = fake([created(), created(), created()]);
    await client.createProject({ title: 'a' });
    await client.createProject({ title: 'b' });
    await client.createProjects({ projects: [{ title: 'c' }] }, { idempotencyKey: 'my-key' });
    const [first, second, third] = requests.map((request) => request.headers.get('idempotency-key'));
    expect(first).not.toBe(second);
    expect(third).toBe('my-key');
  });

  it('sends no Idempotency-Key where the API takes none', async () => {
    const { client, requests } = fake([json(200, { status: 'Success', data: project })]);
    await client.restoreProject(project.id);
    expect(requests[0]?.headers.has('idempotency-key')).toBe(false);
  });

  it('tells a replayed create by Idempotent-Replayed', async () => {
    const { client } = fake([json(201, { status: 'Success', data: project }, { 'idempotent-replayed': 'true' })]);
    expect(await client.createProject({ title: 'Road map' })).toMatchObject({ ok: true, replayed: true });
  });

  it('returns a rejection as a value to branch on by code, without retrying it', async () => {
    const { client, requests } = fake([failure(409, 'PROJECT_TITLE_CONFLICT')]);
    const result = await client.createProject({ title: 'Road map' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({
      status: 409,
      code: 'PROJECT_TITLE_CONFLICT',
      message: '[x] PROJECT_TITLE_CONFLICT',
      requestId: 'req-PROJECT_TITLE_CONFLICT',
      source: 'api',
    });
    expect(requests).toHaveLength(1);
  });

  it('carries the requestId of an INTERNAL_ERROR, and the per-item errors of a batch', async () => {
    const { client } = fake([
      failure(500, 'INTERNAL_ERROR'),
      json(409, {
        status: 'Failed',
        code: 'PROJECT_TITLE_CONFLICT',
        message: 'm',
        requestId: 'r',
        errors: [{ index: 1, code: 'PROJECT_TITLE_CONFLICT', message: 'taken' }],
      }),
    ]);
    const crashed = await client.getProject(project.id);
    expect(!crashed.ok && crashed.error).toMatchObject({ code: 'INTERNAL_ERROR', requestId: 'req-INTERNAL_ERROR' });
    const batch = await client.createProjects({ projects: [{ title: 'a' }, { title: 'b' }] });
    expect(!batch.ok && batch.error.errors).toEqual([{ index: 1, code: 'PROJECT_TITLE_CONFLICT', message: 'taken' }]);
  });

  it('reads problem details as well as the envelope', async () => {
    const { client } = fake([
      json(404, {
        type: 'urn:projects-api:error:PROJECT_NOT_FOUND',
        title: 'Not Found',
        status: 404,
        detail: '프로젝트가 존재하지 않습니다.',
        instance: '/projects/x',
        code: 'PROJECT_NOT_FOUND',
        requestId: 'r',
      }),
    ]);
    const result = await client.getProject('x', { headers: { accept: 'application/problem+json' } });
    expect(!result.ok && result.error).toEqual({
      status: 404,
      code: 'PROJECT_NOT_FOUND',
      message: '프로젝트가 존재하지 않습니다.',
      requestId: 'r',
      source: 'api',
    });
  });

  it('gives up after its attempts and returns the 503 with its Retry-After', async () => {
    const unavailable = () => failure(503, 'SERVICE_UNAVAILABLE', { 'retry-after': '1' });
    const { client, requests } = fake([unavailable(), unavailable(), unavailable(), unavailable()]);
    const result = await client.listProjects({ limit: 5 });
    expect(!result.ok && result.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: 1 });
    expect(requests).toHaveLength(4);
    expect(requests[0]?.url).toBe('http://api.test/projects?limit=5');
  });

  it('sends If-Match and answers a 204 with no data', async () => {
    const { client, requests } = fake([new Response(null, { status: 204 })]);
    const result = await client.deleteProject(project.id, { ifMatch: '"3"' });
    expect(result).toMatchObject({ ok: true, status: 204, data: undefined });
    expect(requests[0]?.headers.get('if-match')).toBe('"3"');
    expect(requests[0]?.method).toBe('DELETE');
  });

  it('throws on an answer the document does not describe: another success status, or a body that is no envelope', async () => {
    const { client } = fake([
      json(200, { status: 'Success', data: project }),
      json(200, { errorMessage: '[504] - Lambda timeout.', errorType: 'LambdaTimeoutError' }),
      json(502, { message: 'Internal Server Error' }),
    ]);
    await expect(client.createProject({ title: 'a' })).rejects.toThrow(UnexpectedResponseError);
    await expect(client.getProject(project.id)).rejects.toThrow('the API answered 200 with a body');
    await expect(client.getProject(project.id)).rejects.toMatchObject({ status: 502 });
  });

  describe('on the answers API Gateway gives itself', () => {
    const gateway = (status: number, message: string, headers: Record<string, string> = {}) =>
      json(status, { message }, { 'apigw-requestid': `gw-${status}`, ...headers });

    it('reads each as the catalog code the API’s list gives it', () => {
      expect(GATEWAY_CODES).toEqual(Object.fromEntries(gatewayAnswers.map(({ status, code }) => [status, code])));
    });

    it.each(
      gatewayAnswers.filter(({ status }) => status !== 429 && status !== 503).map((a) => [a.status, a.message, a.code]),
    )(
      'returns %s {"message":"%s"} as a result with %s, marked as the gateway’s, without retrying it',
      async (status, message, code) => {
        const { client, requests } = fake([
          gateway(status, message, status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
        ]);
        const result = await client.createProject({ title: 'a' });
        expect(!result.ok && result.error).toEqual({
          status,
          code,
          message,
          requestId: `gw-${status}`,
          source: 'gateway',
        });
        expect(result.headers.get('www-authenticate')).toBe(status === 401 ? 'Bearer' : null);
        expect(requests).toHaveLength(1);
      },
    );

    it('retries a 429 like a 503, and returns it as TOO_MANY_REQUESTS when it lasts', async () => {
      const throttled = () => gateway(429, 'Too Many Requests');
      const { client, requests, waits } = fake([throttled(), throttled(), throttled(), throttled()]);
      const result = await client.updateProject(project.id, { title: 'b' });
      expect(!result.ok && result.error).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', source: 'gateway' });
      expect(requests).toHaveLength(4);
      expect(waits).toHaveLength(3);
    });

    it('retries the gateway’s 503 for a keyed create, and returns it as SERVICE_UNAVAILABLE for a change it may have made', async () => {
      const timedOut = () => gateway(503, 'Service Unavailable');
      const created = fake([timedOut(), json(201, { status: 'Success', data: project })]);
      expect(await created.client.createProject({ title: 'a' })).toMatchObject({ ok: true, status: 201 });
      expect(created.requests).toHaveLength(2);
      const changed = fake([timedOut()]);
      const result = await changed.client.updateProject(project.id, { title: 'b' });
      expect(!result.ok && result.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', source: 'gateway' });
      expect(changed.requests).toHaveLength(1);
    });

    it('throws for a gateway body with a status the gateway never gives, or with more than its message', async () => {
      const { client } = fake([gateway(418, "I'm a teapot"), json(401, { message: 'Unauthorized', extra: 1 })]);
      await expect(client.getProject(project.id)).rejects.toThrow(UnexpectedResponseError);
      await expect(client.getProject(project.id)).rejects.toMatchObject({ status: 401 });
    });
  });
});
