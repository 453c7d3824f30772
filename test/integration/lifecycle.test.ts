import { findViolations } from '../../lib/dynamodb/consistency';
import {
  createBatch,
  createProject,
  getProject as get,
  listProjects as list,
  patchProject as patch,
  deleteProject as remove,
  restoreProject as restore,
} from '../support/invocations';
import { expectFailure, type Reply } from '../support/lambda';
import { freshOwner } from '../support/owners';
import { useTable } from '../support/table';

const table = useTable();

const create = async (owner: string, title: string, description?: string) => {
  const reply = await createProject(owner, { title, ...(description ? { description } : {}) });
  expect(reply.status).toBe(201);
  return reply.json.data as { id: string; title: string; version: number; createdAt: string };
};

/** Everything of a failure but its request id, to compare two answers. */
const withoutRequestId = (reply: Reply) => ({ ...reply.json, requestId: undefined });

afterEach(async () => {
  expect(findViolations(await table.scan())).toEqual([]);
});

describe('GET /projects/{id}', () => {
  it('returns the owner’s project with its ETag', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Readable', 'about it');
    const reply = await get(owner, project.id);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ status: 'Success', data: project });
    expect(reply.headers.etag).toBe('"1"');
  });

  it('answers missing, deleted and someone else’s projects identically with 404', async () => {
    const owner = freshOwner();
    const deleted = await create(owner, 'Gone');
    expect((await remove(owner, deleted.id)).status).toBe(204);
    const others = await create(freshOwner(), 'Private');
    const missing = await get(owner, '01ARZ3NDEKTSV4RRFFQ69G5FAV');
    const answers = [missing, await get(owner, deleted.id), await get(owner, others.id)];
    for (const answer of answers) {
      expectFailure(answer, 404, 'PROJECT_NOT_FOUND');
      expect(answer.json.message).toBe('[Not Found] The project does not exist.');
      expect(withoutRequestId(answer)).toEqual(withoutRequestId(missing));
      expect(Object.keys(answer.headers).sort()).toEqual(Object.keys(missing.headers).sort());
    }
  });

  it.each([
    ['too short', 'abc'],
    ['absurdly long', 'A'.repeat(5000)],
    ['lower case', '01arz3ndektsv4rrffq69g5fav'],
    ['with a delimiter', '01ARZ3NDEKTSV4RRFFQ69G#FAV'],
    ['with an encoded slash', '01ARZ3NDEK%2FSV4RRFFQ69G5F'],
    ['a path traversal', '../../etc/passwd'],
    ['a key prefix', 'TITLE#abc'],
    ['empty', ''],
  ])('answers an id that is %s with 404, never 5xx', async (_name, id) => {
    expectFailure(await get(freshOwner(), id), 404, 'PROJECT_NOT_FOUND');
  });
});

describe('GET /projects', () => {
  it('lists the owner’s live projects, newest first, in pages that cover each exactly once', async () => {
    const owner = freshOwner();
    const created = [];
    for (let i = 0; i < 7; i += 1) created.push(await create(owner, `Project ${i}`));
    await create(freshOwner(), 'Someone else’s');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply: Reply = await list(owner, { limit: '3', ...(cursor ? { cursor } : {}) });
      expect(reply.status).toBe(200);
      expect(reply.json.data.items.length).toBeLessThanOrEqual(3);
      seen.push(...reply.json.data.items.map((p: { id: string }) => p.id));
      cursor = reply.json.data.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(created.map((p) => p.id).reverse());
  });

  it('returns 20 by default and null nextCursor on the last page', async () => {
    const owner = freshOwner();
    for (let i = 0; i < 21; i += 1) await create(owner, `Item ${i}`);
    const first = await list(owner);
    expect(first.json.data.items).toHaveLength(20);
    expect(first.json.data.nextCursor).toEqual(expect.any(String));
    const second = await list(owner, { cursor: first.json.data.nextCursor });
    expect(second.json.data.items).toHaveLength(1);
    expect(second.json.data.nextCursor).toBeNull();
  });

  it('pages through the trash, each deleted project exactly once, most recently deleted first', async () => {
    const owner = freshOwner();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await create(owner, `Trash ${i}`)).id);
    for (const id of ids) expect((await remove(owner, id)).status).toBe(204);
    const whole = (await list(owner, { deleted: 'true', limit: '100' })).json.data.items as {
      id: string;
      deletedAt: string;
    }[];
    expect(whole.map((p) => p.id).sort()).toEqual([...ids].sort());
    const byDeletion = [...whole].sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : a.deletedAt > b.deletedAt ? -1 : 0));
    expect(whole.map((p) => p.deletedAt)).toEqual(byDeletion.map((p) => p.deletedAt));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply: Reply = await list(owner, { deleted: 'true', limit: '2', ...(cursor ? { cursor } : {}) });
      expect(reply.status).toBe(200);
      seen.push(...reply.json.data.items.map((p: { id: string }) => p.id));
      cursor = reply.json.data.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(whole.map((p) => p.id));
  });

  it('accepts limit=100 and answers a page of exactly 100', async () => {
    const owner = freshOwner();
    for (let batchNo = 0; batchNo < 4; batchNo += 1) {
      const projects = Array.from({ length: 25 }, (_, i) => ({ title: `Bulk ${batchNo}-${i}` }));
      const reply = await createBatch(owner, { projects });
      expect(reply.status).toBe(201);
    }
    await create(owner, 'One more');
    const first = await list(owner, { limit: '100' });
    expect(first.status).toBe(200);
    expect(first.json.data.items).toHaveLength(100);
    expect(first.json.data.nextCursor).toEqual(expect.any(String));
    const second = await list(owner, { limit: '100', cursor: first.json.data.nextCursor });
    expect(second.json.data.items).toHaveLength(1);
    expect(second.json.data.nextCursor).toBeNull();
  });

  it('returns an empty page for an owner without projects', async () => {
    const reply = await list(freshOwner());
    expect(reply.json).toEqual({ status: 'Success', data: { items: [], nextCursor: null } });
  });

  it('lists deleted projects with deleted=true, most recently deleted first, and hides them otherwise', async () => {
    const owner = freshOwner();
    const a = await create(owner, 'A');
    const b = await create(owner, 'B');
    const c = await create(owner, 'C');
    await remove(owner, b.id);
    await remove(owner, a.id);
    const live = await list(owner);
    expect(live.json.data.items.map((p: { id: string }) => p.id)).toEqual([c.id]);
    const trash = await list(owner, { deleted: 'true' });
    expect(trash.json.data.items.map((p: { id: string }) => p.id)).toEqual([a.id, b.id]);
    expect(trash.json.data.items[0].deletedAt).toEqual(expect.any(String));
    const explicit = await list(owner, { deleted: 'false' });
    expect(explicit.json.data.items).toHaveLength(1);
  });

  it.each([['0'], ['101'], ['abc'], ['1.5'], ['-1'], ['1e2'], [''], ['20,30']])(
    'returns 400 for limit=%s',
    async (limit) => {
      const reply = await list(freshOwner(), { limit });
      expectFailure(reply, 400, 'VALIDATION_FAILED');
      expect(reply.json.errors).toEqual([{ field: 'limit', message: expect.any(String) }]);
    },
  );

  it('returns 400 for deleted=maybe', async () => {
    expectFailure(await list(freshOwner(), { deleted: 'maybe' }), 400, 'VALIDATION_FAILED');
  });

  describe('cursors', () => {
    let owner: string;
    let cursor: string;

    beforeAll(async () => {
      owner = freshOwner();
      for (let i = 0; i < 3; i += 1) await create(owner, `Paged ${i}`);
      cursor = (await list(owner, { limit: '1' })).json.data.nextCursor;
    });

    it('refuses an altered cursor with 400 and returns nothing', async () => {
      const [payload = '', mac = ''] = cursor.split('.');
      const position = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const altered = Buffer.from(JSON.stringify({ ...position, i: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toString(
        'base64url',
      );
      for (const bad of [`${altered}.${mac}`, `${payload}.${mac.slice(0, -2)}AA`, 'garbage', `${cursor}.x`]) {
        const reply = await list(owner, { cursor: bad });
        expectFailure(reply, 400, 'VALIDATION_FAILED');
        expect(reply.json.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
        expect(reply.json.data).toBeUndefined();
      }
    });

    it('refuses every one-character change and every padding of the cursor it sent with 400', async () => {
      // Each character swapped for its neighbour in the base64url alphabet (A↔B, w↔x, …).
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const next = (c: string) => alphabet[(alphabet.indexOf(c) + 1) % alphabet.length];
      const variants = [`${cursor}=`, `${cursor}==`, cursor.replace('.', '=.')];
      for (let i = 0; i < cursor.length; i += 1) {
        const c = cursor[i] ?? '';
        if (c !== '.') variants.push(`${cursor.slice(0, i)}${next(c)}${cursor.slice(i + 1)}`);
      }
      const answered = await Promise.all(variants.map(async (bad) => (await list(owner, { cursor: bad })).status));
      expect(new Set(answered)).toEqual(new Set([400]));
      expect((await list(owner, { cursor })).status).toBe(200);
    });

    it('refuses another owner’s cursor', async () => {
      expectFailure(await list(freshOwner(), { cursor }), 400, 'VALIDATION_FAILED');
    });

    it('refuses a cursor of the live list on the trash', async () => {
      expectFailure(await list(owner, { cursor, deleted: 'true' }), 400, 'VALIDATION_FAILED');
    });
  });
});

describe('PATCH /projects/{id}', () => {
  it('changes the description and bumps the version and ETag', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Describe me');
    const reply = await patch(owner, project.id, { description: 'Now described' });
    expect(reply.status).toBe(200);
    expect(reply.json.data).toMatchObject({ title: 'Describe me', description: 'Now described', version: 2 });
    expect(reply.json.data.updatedAt >= project.createdAt).toBe(true);
    expect(reply.headers.etag).toBe('"2"');
    expect((await get(owner, project.id)).json.data.version).toBe(2);
  });

  it('renames in one transaction: the new title is taken and the old one freed', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Old name');
    const reply = await patch(owner, project.id, { title: 'New name' });
    expect(reply.status).toBe(200);
    expect(reply.json.data).toMatchObject({ title: 'New name', version: 2 });
    expectFailure(await createProject(owner, { title: 'new NAME' }), 409, 'PROJECT_TITLE_CONFLICT');
    await create(owner, 'Old name');
  });

  it('renames to a variant of its own title', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'shouting');
    const reply = await patch(owner, project.id, { title: '  SHOUTING ' });
    expect(reply.status).toBe(200);
    expect(reply.json.data).toMatchObject({ title: 'SHOUTING', version: 2 });
  });

  it('returns 409 for a title another live project holds, and changes nothing', async () => {
    const owner = freshOwner();
    await create(owner, 'Taken');
    const project = await create(owner, 'Mine');
    expectFailure(await patch(owner, project.id, { title: 'taken', description: 'x' }), 409, 'PROJECT_TITLE_CONFLICT');
    expect((await get(owner, project.id)).json.data).toEqual(project);
  });

  it('leaves an unchanged project as it is', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Same', 'same');
    const reply = await patch(owner, project.id, { title: 'Same', description: 'same' });
    expect(reply.status).toBe(200);
    expect(reply.json.data).toEqual(project);
  });

  it('returns 409 PROJECT_VERSION_CONFLICT for a stale version and accepts the current one', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Versioned');
    expect((await patch(owner, project.id, { description: 'one', version: 1 })).status).toBe(200);
    expectFailure(await patch(owner, project.id, { description: 'two', version: 1 }), 409, 'PROJECT_VERSION_CONFLICT');
    expect((await patch(owner, project.id, { description: 'two', version: 2 })).json.data.version).toBe(3);
  });

  it('returns 412 for a stale If-Match and accepts the current ETag or *', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Conditional');
    expectFailure(
      await patch(owner, project.id, { description: 'x' }, { 'if-match': '"7"' }),
      412,
      'PRECONDITION_FAILED',
    );
    expectFailure(
      await patch(owner, project.id, { description: 'x' }, { 'if-match': 'W/"1"' }),
      412,
      'PRECONDITION_FAILED',
    );
    expectFailure(
      await patch(owner, project.id, { description: 'x' }, { 'if-match': 'nonsense' }),
      412,
      'PRECONDITION_FAILED',
    );
    expect((await patch(owner, project.id, { description: 'a' }, { 'if-match': '"1"' })).status).toBe(200);
    expect((await patch(owner, project.id, { description: 'b' }, { 'if-match': '"5", "2"' })).status).toBe(200);
    expect((await patch(owner, project.id, { description: 'c' }, { 'if-match': '*' })).status).toBe(200);
    expect((await get(owner, project.id)).json.data).toMatchObject({ description: 'c', version: 4 });
  });

  it.each([
    ['an empty body', {}],
    ['only a version', { version: 1 }],
    ['an unknown field', { title: 'x', deletedAt: null }],
    ['a wrong type', { description: 5 }],
    ['a version of 0', { title: 'x', version: 0 }],
    ['a fractional version', { title: 'x', version: 1.5 }],
    ['an empty title', { title: '  ' }],
  ])('returns 400 for %s and writes nothing', async (_name, body) => {
    const owner = freshOwner();
    const project = await create(owner, 'Untouched');
    expectFailure(await patch(owner, project.id, body), 400, 'VALIDATION_FAILED');
    expect((await get(owner, project.id)).json.data).toEqual(project);
  });

  it('returns 404 for a deleted project or someone else’s', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Deleted soon');
    await remove(owner, project.id);
    expectFailure(await patch(owner, project.id, { description: 'x' }), 404, 'PROJECT_NOT_FOUND');
    const others = await create(freshOwner(), 'Not yours');
    expectFailure(await patch(owner, others.id, { title: 'Mine now' }), 404, 'PROJECT_NOT_FOUND');
  });

  it('lets exactly one of two projects renamed to the same title at once win', async () => {
    const owner = freshOwner();
    for (let round = 0; round < 5; round += 1) {
      const a = await create(owner, `Left ${round}`);
      const b = await create(owner, `Right ${round}`);
      const replies = await Promise.all([
        patch(owner, a.id, { title: `Winner ${round}` }),
        patch(owner, b.id, { title: `winner ${round}` }),
      ]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    }
  });

  it('keeps concurrent edits of one project consistent', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Busy');
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) => patch(owner, project.id, { title: `Busy ${i}` })),
    );
    for (const reply of replies) expect([200, 503]).toContain(reply.status);
    expect(replies.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    const final = (await get(owner, project.id)).json.data;
    expect(final.version).toBe(1 + replies.filter((r) => r.status === 200).length);
  });

  it('loses no description edit when several change one project at once', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Edited by many');
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) => patch(owner, project.id, { description: `edit ${i}` })),
    );
    const succeeded = replies.filter((reply) => reply.status === 200);
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    for (const reply of replies.filter((r) => r.status !== 200)) {
      expectFailure(reply, 503, 'SERVICE_UNAVAILABLE');
    }
    // Each accepted edit made a version of its own: none was written over a stale read.
    const versions = succeeded.map((reply) => reply.json.data.version as number);
    expect(new Set(versions).size).toBe(versions.length);
    const final = (await get(owner, project.id)).json.data;
    expect(final.version).toBe(1 + succeeded.length);
    const last = succeeded.find((reply) => reply.json.data.version === final.version);
    expect(final.description).toBe(last?.json.data.description);
  });
});

describe('DELETE /projects/{id}', () => {
  it('soft deletes with 204, frees the title, and a second delete is 404', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Disposable');
    const reply = await remove(owner, project.id);
    expect(reply.status).toBe(204);
    expect(reply.body).toBe('');
    expectFailure(await get(owner, project.id), 404, 'PROJECT_NOT_FOUND');
    expectFailure(await remove(owner, project.id), 404, 'PROJECT_NOT_FOUND');
    const again = await create(owner, 'Disposable');
    expect(again.id).not.toBe(project.id);
    const [trashed] = (await list(owner, { deleted: 'true' })).json.data.items;
    expect(trashed).toMatchObject({ id: project.id, version: 2, deletedAt: expect.any(String) });
  });

  it('honours If-Match', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Guarded');
    expectFailure(await remove(owner, project.id, { 'if-match': '"2"' }), 412, 'PRECONDITION_FAILED');
    expect((await remove(owner, project.id, { 'if-match': '"1"' })).status).toBe(204);
  });

  it('returns 404 for someone else’s project and leaves it alone', async () => {
    const other = freshOwner();
    const project = await create(other, 'Theirs');
    expectFailure(await remove(freshOwner(), project.id), 404, 'PROJECT_NOT_FOUND');
    expect((await get(other, project.id)).status).toBe(200);
  });

  it('lets only one of many concurrent deletes succeed', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Once');
    const replies = await Promise.all(Array.from({ length: 8 }, () => remove(owner, project.id)));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    for (const status of statuses) expect([204, 404, 503]).toContain(status);
  });
});

describe('POST /projects/{id}/restore', () => {
  it('returns 409 PROJECT_NOT_DELETED for a live project', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Alive');
    expectFailure(await restore(owner, project.id), 409, 'PROJECT_NOT_DELETED');
  });

  it('restores a deleted project whose title is free', async () => {
    const owner = freshOwner();
    const project = await create(owner, 'Phoenix');
    await remove(owner, project.id);
    const reply = await restore(owner, project.id);
    expect(reply.status).toBe(200);
    expect(reply.json.data).toMatchObject({ id: project.id, title: 'Phoenix', version: 3, deletedAt: null });
    expect(reply.headers.etag).toBe('"3"');
    expect((await list(owner)).json.data.items.map((p: { id: string }) => p.id)).toEqual([project.id]);
    expect((await list(owner, { deleted: 'true' })).json.data.items).toEqual([]);
    expectFailure(await createProject(owner, { title: 'PHOENIX' }), 409, 'PROJECT_TITLE_CONFLICT');
  });

  it('is blocked by a new holder of the title, then allowed once that one is deleted', async () => {
    const owner = freshOwner();
    const original = await create(owner, 'Contested');
    await remove(owner, original.id);
    const holder = await create(owner, 'contested');
    expectFailure(await restore(owner, original.id), 409, 'PROJECT_TITLE_CONFLICT');
    expect((await get(owner, original.id)).status).toBe(404);
    await remove(owner, holder.id);
    expect((await restore(owner, original.id)).status).toBe(200);
  });

  it('returns 404 for a missing project or someone else’s', async () => {
    const other = freshOwner();
    const project = await create(other, 'Their trash');
    await remove(other, project.id);
    expectFailure(await restore(freshOwner(), project.id), 404, 'PROJECT_NOT_FOUND');
    expectFailure(await restore(other, '01ARZ3NDEKTSV4RRFFQ69G5FAV'), 404, 'PROJECT_NOT_FOUND');
  });

  it('lets exactly one of a restore and a create racing for the title win', async () => {
    const owner = freshOwner();
    for (let round = 0; round < 5; round += 1) {
      const project = await create(owner, `Race ${round}`);
      await remove(owner, project.id);
      const [restored, created] = await Promise.all([
        restore(owner, project.id),
        createProject(owner, { title: `race ${round}` }),
      ]);
      const statuses = [restored.status, created.status];
      expect(statuses.filter((status) => status === 409)).toHaveLength(1);
      expect(restored.status === 200 || created.status === 201).toBe(true);
    }
  });
});
