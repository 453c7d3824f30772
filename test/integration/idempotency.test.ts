import { createHash } from 'node:crypto';
import { PutCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { handler as createHandler } from '../../functions/create-project';
import { recordStore, projectCreator as repository } from '../../lib/composition/repositories';
import { findViolations } from '../../lib/dynamodb/consistency';
import { serviceUnavailable } from '../../lib/errors/rejections';
import { createBatch, createProject, deleteProject } from '../support/invocations';
import { invoke, type Reply } from '../support/lambda';
import { freshOwner } from '../support/owners';
import { countRequests } from '../support/requests';
import { useTable } from '../support/table';

const table = useTable();

const freshKey = () => `key-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const keyed = (key?: string): Record<string, string> => (key ? { 'idempotency-key': key } : {});
const create = (owner: string, body: unknown, key?: string, headers: Record<string, string> = {}) =>
  createProject(owner, body, { ...keyed(key), ...headers });
const batch = (owner: string, body: unknown, key?: string) => createBatch(owner, body, keyed(key));

const projectsOf = async (owner: string) =>
  (await table.scan()).filter((item) => item.owner === owner && item.type === 'project');

let requests: ReturnType<typeof countRequests>;
beforeEach(() => {
  requests = countRequests();
});

afterEach(async () => {
  jest.restoreAllMocks();
  expect(findViolations(await table.scan())).toEqual([]);
});

/** Changes the owner's one idempotency record in place, as time or an older release left it. */
async function rewriteRecord(
  owner: string,
  change: (record: Record<string, unknown>) => Omit<UpdateCommandInput, 'TableName' | 'Key'>,
) {
  const [record] = (await table.scan()).filter((item) => item.owner === owner && item.type === 'idempotency');
  if (!record) throw new Error('no idempotency record was written');
  await table.doc.send(
    new UpdateCommand({ TableName: table.name, Key: { pk: record.pk, sk: record.sk }, ...change(record) }),
  );
}

function expectReplayOf(reply: Reply, first: Reply) {
  expect(reply.status).toBe(first.status);
  expect(reply.json).toEqual(first.json);
  expect(reply.headers['idempotent-replayed']).toBe('true');
}

describe('POST /projects with Idempotency-Key', () => {
  it('creates in one request, and replays the 201 in one request that writes nothing', async () => {
    const owner = freshOwner();
    const key = freshKey();
    requests.take();
    const first = await create(owner, { title: 'Once only' }, key);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(requests.take()).toEqual(['TransactWriteCommand']);
    const before = await table.scan();

    requests.take();
    const again = await create(owner, { title: 'Once only' }, key);
    expect(requests.take()).toEqual(['TransactWriteCommand']);
    expectReplayOf(again, first);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers.etag).toBe('"1"');
    expect(await table.scan()).toEqual(before);
  });

  it('treats the same body with other white space or key order as the same request', async () => {
    const owner = freshOwner();
    const key = freshKey();
    const first = await invoke(createHandler, {
      owner,
      rawBody: '{"title":"Same","description":"d"}',
      headers: { 'idempotency-key': key },
    });
    const again = await invoke(createHandler, {
      owner,
      rawBody: '{ "description": "d",\n "title": "Same" }',
      headers: { 'idempotency-key': key },
    });
    expectReplayOf(again, first);
  });

  it('returns 422 IDEMPOTENCY_KEY_REUSED for the same key with another body, and writes nothing', async () => {
    const owner = freshOwner();
    const key = freshKey();
    expect((await create(owner, { title: 'First' }, key)).status).toBe(201);
    const reply = await create(owner, { title: 'Second' }, key);
    expect(reply.status).toBe(422);
    expect(reply.json).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(reply.json.message).toBe(
      '[Unprocessable Entity] This Idempotency-Key was already used with a different request.',
    );
    expect(await projectsOf(owner)).toHaveLength(1);
  });

  it('returns 422 for the same key on another route', async () => {
    const owner = freshOwner();
    const key = freshKey();
    expect((await create(owner, { title: 'Route' }, key)).status).toBe(201);
    expect((await batch(owner, { projects: [{ title: 'Route' }] }, key)).status).toBe(422);
  });

  it('scopes keys to their owner', async () => {
    const key = freshKey();
    const a = await create(freshOwner(), { title: 'Scoped' }, key);
    const b = await create(freshOwner(), { title: 'Scoped' }, key);
    expect(b.status).toBe(201);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.json.data.id).not.toBe(a.json.data.id);
  });

  it('gives 20 concurrent requests with one key the same 201, and makes one project', async () => {
    const owner = freshOwner();
    const key = freshKey();
    const replies = await Promise.all(Array.from({ length: 20 }, () => create(owner, { title: 'Stampede' }, key)));
    for (const reply of replies) {
      expect(reply.status).toBe(201);
      expect(reply.json).toEqual(replies[0]?.json);
    }
    expect(replies.filter((reply) => reply.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await projectsOf(owner)).toHaveLength(1);
  });

  it('replays, byte for byte, records that the previous release wrote, as it wrote them', async () => {
    const owner = `before-${freshKey()}`;
    const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url');
    const id = '01KB0CHANGE000000000000000';
    const at = '2026-11-30T12:00:00.000Z';
    const project = {
      id,
      title: 'Before the change',
      description: 'd',
      version: 1,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
    const answer = `{"status":201,"data":${JSON.stringify(project)},"headers":{"location":"/projects/${id}","etag":"\\"1\\""}}`;
    const record = (key: string, fingerprintOf: string, response: string, projectIds: string[]) => ({
      pk: `OWNER#${owner}`,
      sk: `IDEMPOTENCY#${sha256(key)}`,
      type: 'idempotency',
      owner,
      fingerprint: sha256(`POST /projects\n${fingerprintOf}`),
      state: 'complete',
      response,
      projectIds,
      createdAt: at,
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
    });
    const items = [
      {
        pk: `OWNER#${owner}`,
        sk: `PROJECT#${id}`,
        type: 'project',
        owner,
        titleKey: 'before the change',
        gsi1pk: `OWNER#${owner}#LIVE`,
        gsi1sk: `PROJECT#${id}`,
        ...project,
      },
      {
        pk: `OWNER#${owner}`,
        sk: `TITLE#${sha256('before the change')}`,
        type: 'titleLock',
        owner,
        titleKey: 'before the change',
        projectId: id,
      },
      record('made-before', '{"description":"d","title":"Before the change"}', answer, [id]),
      record(
        'refused-before',
        '{"description":"","title":"Before the change"}',
        '{"error":{"code":"PROJECT_TITLE_CONFLICT"}}',
        [],
      ),
    ];
    for (const Item of items) await table.doc.send(new PutCommand({ TableName: table.name, Item }));

    const made = await create(owner, { description: 'd', title: 'Before the change' }, 'made-before');
    expect(made.status).toBe(201);
    expect(made.body).toBe(`{"status":"Success","data":${JSON.stringify(project)}}`);
    expect(made.headers).toMatchObject({ location: `/projects/${id}`, etag: '"1"', 'idempotent-replayed': 'true' });
    const refused = await create(owner, { title: 'Before the change' }, 'refused-before');
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('PROJECT_TITLE_CONFLICT');
    expect(refused.headers['idempotent-replayed']).toBe('true');
    // The same answer as a fresh refusal of the same title, but for its own request id.
    const fresh = await create(owner, { title: 'Before the change' });
    expect(fresh.status).toBe(409);
    expect({ ...refused.json, requestId: fresh.json.requestId }).toEqual(fresh.json);
    const reused = await create(owner, { title: 'Another' }, 'made-before');
    expect(reused.status).toBe(422);
    expect(reused.json.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('still replays a record written before answers were stored as text (a map)', async () => {
    const owner = freshOwner();
    const key = freshKey();
    const first = await create(owner, { title: 'Legacy' }, key);
    expect(first.status).toBe(201);
    await rewriteRecord(owner, (record) => ({
      UpdateExpression: 'SET #response = :map',
      ExpressionAttributeNames: { '#response': 'response' },
      ExpressionAttributeValues: { ':map': JSON.parse(String(record.response)) },
    }));
    const again = await create(owner, { title: 'Legacy' }, key);
    expectReplayOf(again, first);
    expect(again.headers.location).toBe(first.headers.location);
  });

  it('lets a key whose record has expired be used again for another request', async () => {
    const owner = freshOwner();
    const key = freshKey();
    expect((await create(owner, { title: 'First use' }, key)).status).toBe(201);
    // Past its 24 hours, before DynamoDB's TTL has removed it.
    await rewriteRecord(owner, () => ({
      UpdateExpression: 'SET expiresAt = :past',
      ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 60 },
    }));
    const reused = await create(owner, { title: 'Second use' }, key);
    expect(reused.status).toBe(201);
    expect(reused.headers['idempotent-replayed']).toBeUndefined();
    expect(reused.json.data.title).toBe('Second use');
    const replay = await create(owner, { title: 'Second use' }, key);
    expectReplayOf(replay, reused);
    expect(await projectsOf(owner)).toHaveLength(2);
  });

  it('replays the 409 a key first answered, even after the title is freed', async () => {
    const owner = freshOwner();
    const holder = await create(owner, { title: 'Held' });
    const key = freshKey();
    const first = await create(owner, { title: 'held' }, key, { 'accept-language': 'ko' });
    expect(first.status).toBe(409);
    const id = holder.json.data.id;
    await deleteProject(owner, id);
    const again = await create(owner, { title: 'held' }, key);
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('PROJECT_TITLE_CONFLICT');
    expect(again.json.message).toBe('[Conflict] A project with the same title already exists.');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await create(owner, { title: 'held' }, freshKey())).status).toBe(201);
  });

  it.each([
    ['over 255 characters', 'k'.repeat(256)],
    ['a control character', 'key\u0001'],
    ['a non-ASCII character', 'clé'],
    ['nothing', ''],
  ])('returns 400 for a key with %s, and writes nothing', async (_name, key) => {
    const owner = freshOwner();
    const reply = await invoke(createHandler, {
      owner,
      body: { title: 'Bad key' },
      headers: { 'idempotency-key': key },
    });
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    expect(await projectsOf(owner)).toHaveLength(0);
  });

  it('accepts a key of exactly 255 printable characters', async () => {
    expect((await create(freshOwner(), { title: 'Long key' }, `${'~'.repeat(254)} `)).status).toBe(201);
  });

  it('replays the 201 when the function crashed after the commit, before answering', async () => {
    const owner = freshOwner();
    const key = freshKey();
    const real = repository.createProjects.bind(repository);
    jest.spyOn(repository, 'createProjects').mockImplementationOnce(async (...args) => {
      await real(...args);
      throw new Error('the function died here');
    });
    const crashed = await create(owner, { title: 'Crash' }, key);
    expect(crashed.status).toBe(500);
    const retry = await create(owner, { title: 'Crash' }, key);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const projects = await projectsOf(owner);
    expect(projects).toHaveLength(1);
    expect(retry.json.data.id).toBe(projects[0]?.id);
  });

  it('creates on the retry when the function crashed before the commit', async () => {
    const owner = freshOwner();
    const key = freshKey();
    jest.spyOn(repository, 'createProjects').mockRejectedValueOnce(new Error('died before writing'));
    expect((await create(owner, { title: 'Early crash' }, key)).status).toBe(500);
    const retry = await create(owner, { title: 'Early crash' }, key);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('POST /projects/batch with Idempotency-Key', () => {
  const body = { projects: [{ title: 'One' }, { title: 'Two', description: 'second' }] };

  it('creates an atomic batch in one request and replays it in one request', async () => {
    const owner = freshOwner();
    const key = freshKey();
    requests.take();
    const first = await batch(owner, body, key);
    expect(first.status).toBe(201);
    expect(requests.take()).toEqual(['TransactWriteCommand']);
    const again = await batch(owner, body, key);
    expect(requests.take()).toEqual(['TransactWriteCommand']);
    expectReplayOf(again, first);
    expect(await projectsOf(owner)).toHaveLength(2);
  });

  it('gives concurrent atomic batches with one key one set of projects', async () => {
    const owner = freshOwner();
    const key = freshKey();
    const replies = await Promise.all(Array.from({ length: 10 }, () => batch(owner, body, key)));
    for (const reply of replies) expect(reply.json).toEqual(replies[0]?.json);
    expect(await projectsOf(owner)).toHaveLength(2);
  });

  it('answers 5 concurrent keyed best-effort batches with one answer, byte for byte, completed once', async () => {
    const owner = freshOwner();
    const key = freshKey();
    const items = {
      atomic: false,
      projects: [{ title: 'Same' }, { title: '' }, { title: 'Again' }, { title: 'same' }],
    };
    const finish = jest.spyOn(recordStore, 'complete');
    const replies = await Promise.all(Array.from({ length: 5 }, () => batch(owner, items, key)));
    const completions = await Promise.all(finish.mock.results.map((result) => result.value));
    expect(completions.filter((completed) => completed === true)).toHaveLength(1);
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(replies[0]?.body);
    }
    const replayed = replies.map((reply) => reply.headers['idempotent-replayed']);
    expect(replayed.filter((header) => header === undefined)).toHaveLength(1);
    expect(replayed.filter((header) => header === 'true')).toHaveLength(4);
    expect(replies[0]?.json.data.items.map((item: { index: number }) => item.index)).toEqual([0, 2]);
    expect(await projectsOf(owner)).toHaveLength(2);
    expectReplayOf(await batch(owner, items, key), replies[0] as Reply);
  });

  it('replays a best-effort batch, and resumes one whose function crashed half-way', async () => {
    const owner = freshOwner();
    const key = freshKey();
    const items = { atomic: false, projects: [{ title: 'A' }, { title: '' }, { title: 'B' }, { title: 'C' }] };
    const real = repository.createPlanned.bind(repository);
    let calls = 0;
    jest.spyOn(repository, 'createPlanned').mockImplementation(async (...args) => {
      calls += 1;
      if (calls === 2) throw new Error('the function died half-way');
      return real(...args);
    });
    expect((await batch(owner, items, key)).status).toBe(500);
    jest.restoreAllMocks();
    const retry = await batch(owner, items, key);
    expect(retry.status).toBe(200);
    expect(retry.json.data.items.map((item: { index: number }) => item.index)).toEqual([0, 2, 3]);
    expect(retry.json.data.failures).toEqual([expect.objectContaining({ index: 1, code: 'VALIDATION_FAILED' })]);
    expect(await projectsOf(owner)).toHaveLength(3);
    const replay = await batch(owner, items, key);
    expectReplayOf(replay, retry);
    expect(await projectsOf(owner)).toHaveLength(3);
  });

  it('replays a recorded atomic-batch 409 with its per-index errors', async () => {
    const owner = freshOwner();
    expect((await create(owner, { title: 'Taken' })).status).toBe(201);
    const key = freshKey();
    const conflicting = { projects: [{ title: 'Free' }, { title: 'taken' }, { title: 'Also free' }] };
    const first = await batch(owner, conflicting, key);
    expect(first.status).toBe(409);
    expect(first.json.errors).toEqual([
      { index: 1, code: 'PROJECT_TITLE_CONFLICT', message: 'A project with the same title already exists.' },
    ]);
    const again = await batch(owner, conflicting, key);
    expect(again.status).toBe(409);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect({ ...again.json, requestId: undefined }).toEqual({ ...first.json, requestId: undefined });
    expect(await projectsOf(owner)).toHaveLength(1);
  });

  it('leaves a keyed best-effort batch open when an item met a 503, so the retry creates it', async () => {
    const owner = freshOwner();
    const key = freshKey();
    const items = { atomic: false, projects: [{ title: 'Steady' }, { title: 'Throttled' }] };
    const real = repository.createPlanned.bind(repository);
    jest.spyOn(repository, 'createPlanned').mockImplementation(async (who, project) => {
      if (project.title === 'Throttled') throw serviceUnavailable(new Error('throttled'));
      return real(who, project);
    });
    const first = await batch(owner, items, key);
    expect(first.status).toBe(200);
    expect(first.json.data.failures).toEqual([expect.objectContaining({ index: 1, code: 'SERVICE_UNAVAILABLE' })]);
    jest.restoreAllMocks();
    const retry = await batch(owner, items, key);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.json.data.items.map((item: { index: number }) => item.index)).toEqual([0, 1]);
    expect(retry.json.data.failures).toEqual([]);
    expect(retry.json.data.items[0].project).toEqual(first.json.data.items[0].project);
    expect(await projectsOf(owner)).toHaveLength(2);
    expectReplayOf(await batch(owner, items, key), retry);
  });

  it('returns 422 for a best-effort batch with a used key and another body', async () => {
    const owner = freshOwner();
    const key = freshKey();
    expect((await batch(owner, { atomic: false, projects: [{ title: 'x' }] }, key)).status).toBe(200);
    expect((await batch(owner, { atomic: false, projects: [{ title: 'y' }] }, key)).status).toBe(422);
  });
});

describe('replays under an Idempotency-Key', () => {
  /** The answer but for what may differ between two answers: the request id. */
  const bytes = (reply: Reply) => {
    const { 'x-request-id': requestId, 'idempotent-replayed': _replayed, ...headers } = reply.headers;
    return { status: reply.status, headers, body: reply.body.split(requestId ?? '\u0000').join('<request-id>') };
  };

  it('are the very same bytes as the first answer: status, headers and body', async () => {
    const owner = freshOwner();
    expect((await create(owner, { title: 'Held by another' })).status).toBe(201);
    const requests: [string, () => Promise<Reply>][] = [];
    const createKey = freshKey();
    requests.push(['a create', () => create(owner, { title: 'Bytes', description: 'all of them' }, createKey)]);
    const conflictKey = freshKey();
    requests.push([
      'a recorded 409',
      () => create(owner, { title: 'held by another' }, conflictKey, { 'accept-language': 'ko' }),
    ]);
    const atomicKey = freshKey();
    const atomic = { projects: [{ title: 'Bytes 1' }, { title: 'Bytes 2', description: 'two' }] };
    requests.push(['an atomic batch', () => batch(owner, atomic, atomicKey)]);
    const conflictingKey = freshKey();
    const conflicting = { projects: [{ title: 'Fresh' }, { title: 'HELD BY ANOTHER' }] };
    requests.push(['an atomic batch 409', () => batch(owner, conflicting, conflictingKey)]);
    const looseKey = freshKey();
    const loose = { atomic: false, projects: [{ title: 'Loose' }, { title: '' }, { title: 'held by another' }] };
    requests.push(['a best-effort batch', () => batch(owner, loose, looseKey)]);
    for (const [name, send] of requests) {
      const first = await send();
      const replays = [await send(), await send()];
      for (const replay of replays) {
        expect({ name, replayed: replay.headers['idempotent-replayed'] }).toEqual({ name, replayed: 'true' });
        expect({ name, ...bytes(replay) }).toEqual({ name, ...bytes(first) });
      }
    }
  });
});
