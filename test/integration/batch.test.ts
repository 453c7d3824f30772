import { handler as createHandler } from '../../functions/create-project';
import { handler as listHandler } from '../../functions/list-projects';
import { findViolations } from '../../lib/dynamodb/consistency';
import { createBatch, createProject } from '../support/invocations';
import { invoke } from '../support/lambda';
import { freshOwner } from '../support/owners';
import { countRequests } from '../support/requests';
import { useTable } from '../support/table';

const table = useTable();

const batch = createBatch;
const itemsOf = async (owner: string) => (await table.scan()).filter((item) => item.owner === owner);
const projectsOf = async (owner: string) => (await itemsOf(owner)).filter((item) => item.type === 'project');

afterEach(async () => {
  expect(findViolations(await table.scan())).toEqual([]);
});

describe('POST /projects/batch (atomic, the default)', () => {
  it('creates every project in one request and answers 201 with them in request order', async () => {
    const owner = freshOwner();
    const requests = countRequests();
    const titles = Array.from({ length: 25 }, (_, i) => `Imported ${i}`);
    const reply = await batch(owner, { projects: titles.map((title) => ({ title, description: `about ${title}` })) });
    expect(requests.take()).toEqual(['TransactWriteCommand']);
    requests.restore();
    expect(reply.status).toBe(201);
    expect(reply.json.status).toBe('Success');
    expect(reply.json.data.items.map((p: { title: string }) => p.title)).toEqual(titles);
    expect(reply.json.data.items[0]).toMatchObject({ version: 1, deletedAt: null, description: 'about Imported 0' });
    expect(await projectsOf(owner)).toHaveLength(25);
  });

  it('writes nothing and answers 409 with the index of each title that is taken', async () => {
    const owner = freshOwner();
    await createProject(owner, { title: 'Existing' });
    await createProject(owner, { title: 'Also existing' });
    const before = await itemsOf(owner);
    const reply = await batch(owner, {
      projects: [{ title: 'Fresh' }, { title: 'EXISTING' }, { title: 'Fresh 2' }, { title: ' also  existing' }],
    });
    expect(reply.status).toBe(409);
    expect(reply.json).toMatchObject({ status: 'Failed', code: 'PROJECT_TITLE_CONFLICT' });
    expect(reply.json.errors).toEqual([
      { index: 1, code: 'PROJECT_TITLE_CONFLICT', message: 'A project with the same title already exists.' },
      { index: 3, code: 'PROJECT_TITLE_CONFLICT', message: 'A project with the same title already exists.' },
    ]);
    expect(await itemsOf(owner)).toEqual(before);
  });

  it('writes nothing and answers 409 for titles that are the same inside the batch', async () => {
    const owner = freshOwner();
    await invoke(createHandler, { owner, body: { title: 'Taken' } });
    const before = await itemsOf(owner);
    const reply = await batch(
      owner,
      { projects: [{ title: 'Twin' }, { title: 'Other' }, { title: 'TWIN ' }, { title: 'taken' }, { title: 'twin' }] },
      { 'accept-language': 'ko' },
    );
    expect(reply.status).toBe(409);
    expect(reply.json.message).toBe('[Conflict] 동일한 이름의 프로젝트가 이미 존재합니다.');
    expect(reply.json.errors).toEqual([
      { index: 2, code: 'PROJECT_TITLE_CONFLICT', message: '이 요청의 다른 프로젝트와 이름이 같습니다.' },
      { index: 3, code: 'PROJECT_TITLE_CONFLICT', message: '동일한 이름의 프로젝트가 이미 존재합니다.' },
      { index: 4, code: 'PROJECT_TITLE_CONFLICT', message: '이 요청의 다른 프로젝트와 이름이 같습니다.' },
    ]);
    expect(await itemsOf(owner)).toEqual(before);
  });

  it('answers 400 naming each invalid field, and writes nothing', async () => {
    const owner = freshOwner();
    const reply = await batch(owner, { projects: [{ title: 'ok' }, { title: '' }, { title: 'x', color: 'red' }] });
    expect(reply.status).toBe(400);
    expect(reply.json.code).toBe('VALIDATION_FAILED');
    expect(reply.json.errors.map((e: { field: string }) => e.field)).toEqual(['projects.1.title', 'projects.2.color']);
    expect(await itemsOf(owner)).toEqual([]);
  });

  it.each([
    ['no projects', { projects: [] }, 'projects'],
    ['26 projects', { projects: Array.from({ length: 26 }, (_, i) => ({ title: `t${i}` })) }, 'projects'],
    ['projects that are not a list', { projects: { title: 'x' } }, 'projects'],
    ['a missing list', { atomic: true }, 'projects'],
    ['atomic that is not a boolean', { projects: [{ title: 'x' }], atomic: 'yes' }, 'atomic'],
    ['an unknown field', { projects: [{ title: 'x' }], dryRun: true }, 'dryRun'],
  ])('answers 400 for %s', async (_name, body, field) => {
    const owner = freshOwner();
    const reply = await batch(owner, body);
    expect(reply.status).toBe(400);
    expect(reply.json.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await itemsOf(owner)).toEqual([]);
  });

  it('lets exactly one of two concurrent batches holding the same title win', async () => {
    const owner = freshOwner();
    const [a, b] = await Promise.all([
      batch(owner, { projects: [{ title: 'A1' }, { title: 'Shared' }] }),
      batch(owner, { projects: [{ title: 'shared' }, { title: 'B1' }] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(await projectsOf(owner)).toHaveLength(2);
  });
});

describe('POST /projects/batch (atomic: false)', () => {
  it('creates each valid item and reports every other one by index', async () => {
    const owner = freshOwner();
    await invoke(createHandler, { owner, body: { title: 'Taken' } });
    const reply = await batch(owner, {
      atomic: false,
      projects: [
        { title: 'Good one' },
        { title: '' },
        { title: 'taken' },
        { title: 'Good two', description: 'd' },
        { title: 'GOOD ONE' },
        'not an object',
        { title: 'x', extra: 1 },
      ],
    });
    expect(reply.status).toBe(200);
    const { items, failures } = reply.json.data;
    expect(
      items.map((item: { index: number; project: { title: string } }) => [item.index, item.project.title]),
    ).toEqual([
      [0, 'Good one'],
      [3, 'Good two'],
    ]);
    expect(failures).toEqual([
      {
        index: 1,
        code: 'VALIDATION_FAILED',
        message: '[Bad Request] The request is invalid.',
        errors: [{ field: 'projects.1.title', message: 'Title must not be empty.' }],
      },
      { index: 2, code: 'PROJECT_TITLE_CONFLICT', message: '[Conflict] A project with the same title already exists.' },
      {
        index: 4,
        code: 'PROJECT_TITLE_CONFLICT',
        message:
          '[Conflict] A project with the same title already exists. Another project of this batch has the same title.',
      },
      {
        index: 5,
        code: 'VALIDATION_FAILED',
        message: '[Bad Request] The request is invalid.',
        errors: [{ field: 'projects.5', message: 'Invalid input: expected object, received string' }],
      },
      {
        index: 6,
        code: 'VALIDATION_FAILED',
        message: '[Bad Request] The request is invalid.',
        errors: [{ field: 'projects.6.extra', message: 'Unknown field.' }],
      },
    ]);
    expect(await projectsOf(owner)).toHaveLength(3);
  });

  it('answers 200 with only failures when nothing could be created', async () => {
    const reply = await batch(freshOwner(), { atomic: false, projects: [{ title: '' }] });
    expect(reply.status).toBe(200);
    expect(reply.json.data.items).toEqual([]);
    expect(reply.json.data.failures).toHaveLength(1);
  });
});

describe('GET /projects after a batch', () => {
  const listTitles = async (owner: string) => {
    const reply = await invoke(listHandler, { owner, method: 'GET', path: '/projects' });
    return reply.json.data.items.map((p: { title: string }) => p.title);
  };

  it.each([
    ['atomic', true, 201],
    ['best effort', false, 200],
  ])('lists a %s batch of 12 in exactly the reverse of the request order', async (_name, atomic, status) => {
    const owner = freshOwner();
    const titles = Array.from({ length: 12 }, (_, i) => `Step ${i}`);
    const reply = await batch(owner, { atomic, projects: titles.map((title) => ({ title })) });
    expect(reply.status).toBe(status);
    expect(await listTitles(owner)).toEqual([...titles].reverse());
  });
});
