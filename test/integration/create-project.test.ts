import { handler } from '../../functions/create-project';
import { findViolations } from '../../lib/dynamodb/consistency';
import { createProject } from '../support/invocations';
import { apiEvent, expectFailure, invoke, lambdaContext } from '../support/lambda';
import { freshOwner } from '../support/owners';
import { useTable } from '../support/table';

const table = useTable();

const create = createProject;

async function itemsOf(owner: string) {
  return (await table.scan()).filter((item) => item.owner === owner);
}

afterEach(async () => {
  expect(findViolations(await table.scan())).toEqual([]);
});

describe('POST /projects', () => {
  it('returns 201 with the project, Location and ETag, and writes the project and its title lock', async () => {
    const owner = freshOwner();
    const reply = await create(owner, { title: '  Road map  ', description: 'Plans' });
    expect(reply.status).toBe(201);
    expect(reply.json.status).toBe('Success');
    const project = reply.json.data;
    expect(project).toEqual({
      id: expect.stringMatching(/^[0-9A-Z]{26}$/),
      title: 'Road map',
      description: 'Plans',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: project.createdAt,
      deletedAt: null,
    });
    expect(new Date(project.createdAt).toISOString()).toBe(project.createdAt);
    expect(reply.headers.location).toBe(`/projects/${project.id}`);
    expect(reply.headers.etag).toBe('"1"');
    expect(reply.headers['x-request-id']).toEqual(expect.any(String));
    const items = await itemsOf(owner);
    expect(items.map((item) => item.type).sort()).toEqual(['project', 'titleLock']);
  });

  it('defaults the description to an empty string and stores the title in NFC', async () => {
    const reply = await create(freshOwner(), { title: 'Cafe\u0301' });
    expect(reply.status).toBe(201);
    expect(reply.json.data.title).toBe('Caf\u00e9');
    expect(reply.json.data.description).toBe('');
  });

  it('returns 409 when the title is taken', async () => {
    const owner = freshOwner();
    expect((await create(owner, { title: 'Launch' })).status).toBe(201);
    const reply = await create(owner, { title: 'Launch' });
    expectFailure(reply, 409, 'PROJECT_TITLE_CONFLICT');
    expect(reply.json.message).toBe('[Conflict] A project with the same title already exists.');
    expect(reply.headers['content-language']).toBe('en');
    expect(await itemsOf(owner)).toHaveLength(2);
  });

  it('answers the 409 in Korean for Accept-Language: ko', async () => {
    const owner = freshOwner();
    await create(owner, { title: 'Launch' });
    const reply = await create(owner, { title: 'Launch' }, { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' });
    expectFailure(reply, 409, 'PROJECT_TITLE_CONFLICT');
    expect(reply.json.message).toBe('[Conflict] 동일한 이름의 프로젝트가 이미 존재합니다.');
    expect(reply.headers['content-language']).toBe('ko');
  });

  it.each([
    ['case', 'Quarterly Plan', 'quarterly plan'],
    ['white space', 'Quarterly Plan', '  Quarterly \u3000  Plan '],
    ['NFKC width', 'Quarterly Plan', 'Ｑｕａｒｔｅｒｌｙ Ｐｌａｎ'],
    ['case folding of ß', 'Straße', 'STRASSE'],
    ['composed and decomposed accents', 'Caf\u00e9', 'CAFE\u0301'],
  ])('returns 409 for a title equal after normalization (%s)', async (_name, first, second) => {
    const owner = freshOwner();
    expect((await create(owner, { title: first })).status).toBe(201);
    expectFailure(await create(owner, { title: second }), 409, 'PROJECT_TITLE_CONFLICT');
  });

  it.each([
    ['a zero-width space', 'Plan\u200b'],
    ['a soft hyphen', 'Pl\u00adan'],
    ['a word joiner', 'Plan\u2060'],
    ['a left-to-right mark', 'Plan\u200e'],
    ['a byte-order mark', '\ufeffPlan'],
    ['a variation selector', 'Plan\ufe0f'],
  ])('returns 409 for the title of a live project with %s added', async (_name, title) => {
    const owner = freshOwner();
    expect((await create(owner, { title: 'Plan' })).status).toBe(201);
    expectFailure(await create(owner, { title }), 409, 'PROJECT_TITLE_CONFLICT');
  });

  it('returns 400 naming title for a bidi override, which could disguise a title', async () => {
    const owner = freshOwner();
    const reply = await create(owner, { title: 'Plan\u202e' });
    expectFailure(reply, 400, 'VALIDATION_FAILED');
    expect(reply.json.errors).toEqual([
      { field: 'title', message: 'Title must not contain bidirectional override or isolate characters.' },
    ]);
    expect(await itemsOf(owner)).toEqual([]);
  });

  it.each([['\u200b'], ['\u200d'], ['\u3164'], ['\ufe0f'], [' \u2060 ']])(
    'returns 400 for a title with nothing visible (%j)',
    async (title) => {
      const owner = freshOwner();
      const reply = await create(owner, { title }, { 'accept-language': 'ko' });
      expectFailure(reply, 400, 'VALIDATION_FAILED');
      expect(reply.json.errors).toEqual([{ field: 'title', message: '제목에 보이는 문자가 하나 이상 있어야 합니다.' }]);
      expect(await itemsOf(owner)).toEqual([]);
    },
  );

  it.each([['👨‍👩‍👧'], ['❤️'], ['프로젝트 계획']])('returns 201 for %s, stored as sent', async (title) => {
    const reply = await create(freshOwner(), { title });
    expect(reply.status).toBe(201);
    expect(reply.json.data.title).toBe(title);
  });

  it('lets different owners use the same title', async () => {
    expect((await create(freshOwner(), { title: 'Shared' })).status).toBe(201);
    expect((await create(freshOwner(), { title: 'Shared' })).status).toBe(201);
  });

  it('keeps owners apart whatever delimiters their ids contain', async () => {
    const base = freshOwner();
    const owners = [base, `${base}#`, `${base}%23`, `${base}#TITLE#x`, `${base}%`, `${base}%25`];
    for (const owner of owners) {
      expect((await create(owner, { title: 'Same title' })).status).toBe(201);
    }
    for (const owner of owners) {
      const items = await itemsOf(owner);
      expect(items).toHaveLength(2);
    }
  });

  it('gives exactly one 201 to 50 concurrent creates of one title', async () => {
    const owner = freshOwner();
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => create(owner, { title: i % 2 ? 'Race' : ' race ' })),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const items = await itemsOf(owner);
    expect(items.filter((item) => item.type === 'project')).toHaveLength(1);
    expect(items.filter((item) => item.type === 'titleLock')).toHaveLength(1);
  });

  it('answers RFC 9457 problem details when the client asks for them', async () => {
    const owner = freshOwner();
    await create(owner, { title: 'Problem' });
    const reply = await create(owner, { title: 'Problem' }, { accept: 'application/problem+json' });
    expect(reply.status).toBe(409);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.json).toEqual({
      type: 'urn:projects-api:error:PROJECT_TITLE_CONFLICT',
      title: 'Conflict',
      status: 409,
      detail: 'A project with the same title already exists.',
      instance: '/projects',
      code: 'PROJECT_TITLE_CONFLICT',
      requestId: reply.headers['x-request-id'],
    });
  });

  it('returns 401 without an identity and writes nothing', async () => {
    const before = (await table.scan()).length;
    const reply = await invoke(handler, { owner: null, body: { title: 'Nobody' } });
    expectFailure(reply, 401, 'UNAUTHORIZED');
    expect(reply.headers['www-authenticate']).toBe('Bearer');
    expect((await table.scan()).length).toBe(before);
  });

  describe('bad input: a 4xx in the envelope, and nothing written', () => {
    const validation: [string, unknown, string[]][] = [
      ['a missing title', { description: 'x' }, ['title']],
      ['an empty title', { title: '' }, ['title']],
      ['a title of white space only', { title: ' \t\n ' }, ['title']],
      ['a title over 100 characters', { title: 'x'.repeat(101) }, ['title']],
      ['a title with a control character', { title: 'a\u0007b' }, ['title']],
      ['a title with a lone surrogate', { title: 'a\ud800b' }, ['title']],
      ['a title of the wrong type', { title: 42 }, ['title']],
      ['a null title', { title: null }, ['title']],
      ['a description over 1,000 characters', { title: 'ok', description: 'd'.repeat(1001) }, ['description']],
      ['a description of the wrong type', { title: 'ok', description: ['x'] }, ['description']],
      ['an unknown field', { title: 'ok', owner: 'someone-else' }, ['owner']],
      ['several problems at once', { title: 7, description: 8, extra: true }, ['title', 'description', 'extra']],
      ['a JSON array', [{ title: 'ok' }], ['body']],
      ['a JSON string', 'title', ['body']],
      ['JSON null', null, ['body']],
    ];

    it.each(validation)('returns 400 VALIDATION_FAILED for %s', async (_name, body, fields) => {
      const owner = freshOwner();
      const reply = await create(owner, body);
      expectFailure(reply, 400, 'VALIDATION_FAILED');
      expect(reply.json.message).toBe('[Bad Request] The request is invalid.');
      expect(reply.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
      expect(await itemsOf(owner)).toEqual([]);
    });

    it('accepts a title of exactly 100 characters, counting emoji as one', async () => {
      expect((await create(freshOwner(), { title: '😀'.repeat(100) })).status).toBe(201);
    });

    it('accepts a description of exactly 1,000 characters, counting emoji as one, and stores it whole', async () => {
      const description = `${'d'.repeat(999)}😀`;
      const reply = await create(freshOwner(), { title: 'Long description', description });
      expect(reply.status).toBe(201);
      expect(reply.json.data.description).toBe(description);
    });

    it('refuses a __proto__ key as an unknown field', async () => {
      const owner = freshOwner();
      const reply = await invoke(handler, { owner, rawBody: '{"title":"ok","__proto__":{"polluted":true}}' });
      expectFailure(reply, 400, 'VALIDATION_FAILED');
      expect(reply.json.errors).toEqual([{ field: '__proto__', message: 'Unknown field.' }]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(await itemsOf(owner)).toEqual([]);
    });

    it('localizes validation messages for Accept-Language: ko', async () => {
      const reply = await create(freshOwner(), { title: '' }, { 'accept-language': 'ko' });
      expect(reply.json.message).toBe('[Bad Request] 요청이 올바르지 않습니다.');
      expect(reply.json.errors).toEqual([{ field: 'title', message: '제목은 비어 있을 수 없습니다.' }]);
    });

    it.each([
      ['truncated JSON', '{"title": "x"'],
      ['a trailing comma', '{"title": "x",}'],
      ['single quotes', "{'title': 'x'}"],
      ['an empty body', ''],
      ['plain text', 'hello'],
    ])('returns 400 MALFORMED_JSON for %s', async (_name, rawBody) => {
      const owner = freshOwner();
      const reply = await invoke(handler, { owner, rawBody });
      expectFailure(reply, 400, 'MALFORMED_JSON');
      expect(reply.json.message).toBe('[Bad Request] The request body is not valid JSON.');
      expect(await itemsOf(owner)).toEqual([]);
    });

    it('returns 400 MALFORMED_JSON for a body that is not valid UTF-8', async () => {
      const owner = freshOwner();
      // API Gateway passes bodies it does not treat as text base64-encoded.
      const bytes = Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
      const event = apiEvent({ owner, rawBody: bytes.toString('base64') });
      event.isBase64Encoded = true;
      const result = await handler(event, lambdaContext());
      expect(result.statusCode).toBe(400);
      expect(JSON.parse(result.body ?? '{}').code).toBe('MALFORMED_JSON');
      expect(await itemsOf(owner)).toEqual([]);
    });

    it('reads a base64-encoded JSON body', async () => {
      const reply = await invoke(handler, { owner: freshOwner(), body: { title: 'Encoded' }, base64: true });
      expect(reply.status).toBe(201);
      expect(reply.json.data.title).toBe('Encoded');
    });

    it.each([
      ['text/plain', 'text/plain'],
      ['form data', 'application/x-www-form-urlencoded'],
      ['JSON in another charset', 'application/json; charset=latin1'],
    ])('returns 415 for a body sent as %s', async (_name, contentType) => {
      const owner = freshOwner();
      const reply = await invoke(handler, {
        owner,
        rawBody: '{"title":"x"}',
        headers: { 'content-type': contentType },
      });
      expectFailure(reply, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(await itemsOf(owner)).toEqual([]);
    });

    it('returns 415 for a body without a Content-Type', async () => {
      const built = apiEvent({ owner: freshOwner(), rawBody: '{"title":"x"}' });
      delete built.headers['content-type'];
      const result = await handler(built, lambdaContext());
      expect(result.statusCode).toBe(415);
    });

    it('accepts application/json with a UTF-8 charset, in any letter case', async () => {
      const reply = await invoke(handler, {
        owner: freshOwner(),
        rawBody: '{"title":"Charset"}',
        headers: { 'content-type': 'Application/JSON; charset="UTF-8"' },
      });
      expect(reply.status).toBe(201);
    });

    it('returns 413 for a body over 256 KiB, before reading it', async () => {
      const owner = freshOwner();
      const reply = await invoke(handler, { owner, rawBody: `{"title":"${'x'.repeat(256 * 1024)}"}` });
      expectFailure(reply, 413, 'PAYLOAD_TOO_LARGE');
      const notJson = await invoke(handler, {
        owner,
        rawBody: 'x'.repeat(300 * 1024),
        headers: { 'content-type': 'text/plain' },
      });
      expect(notJson.status).toBe(413);
      expect(await itemsOf(owner)).toEqual([]);
    });

    it('counts the decoded size of a base64 body, not its encoded length', async () => {
      // 200 KiB of JSON is about 267 KiB once base64-encoded: under the limit, so not a 413.
      const body = { title: 'Big', description: 'd'.repeat(200 * 1024) };
      const reply = await invoke(handler, { owner: freshOwner(), body, base64: true });
      expect(reply.status).toBe(400);
      expect(reply.json.code).toBe('VALIDATION_FAILED');
      const over = await invoke(handler, {
        owner: freshOwner(),
        body: { title: 'x', description: 'd'.repeat(257 * 1024) },
        base64: true,
      });
      expect(over.status).toBe(413);
    });
  });
});
