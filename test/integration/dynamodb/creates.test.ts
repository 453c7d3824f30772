/**
 * The create half of the repository port on DynamoDB Local: what each call answers, and what it
 * leaves stored, for the outcomes the use cases branch on.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Idempotency, idempotencyOf } from '../../../lib/domain/idempotency';
import { newProject, type Project } from '../../../lib/domain/project';
import { titleKey } from '../../../lib/domain/titles';
import { recordKey } from '../../../lib/dynamodb/keys';
import { createRepository } from '../../../lib/dynamodb/repository';
import { isRejectionOf } from '../../../lib/errors/rejections';
import { faultyDocumentClient, throttling } from '../../support/faulty-client';
import { freshOwner } from '../../support/owners';
import { useTable } from '../../support/table';

const table = useTable();
const repository = createRepository(table.doc, table.name);
const project = (title: string): Project => newProject({ title, description: '' });
const keyed = (key: string, body: unknown = { key }): Idempotency => {
  const idempotency = idempotencyOf(key, 'POST /projects', body);
  if (!idempotency) throw new Error('no idempotency');
  return idempotency;
};
const storedRecord = async (owner: string, idempotency: Idempotency) =>
  (await table.doc.send(new GetCommand({ TableName: table.name, Key: recordKey(owner, idempotency.digest) }))).Item;

describe('createProjects', () => {
  it('records with the answer the ids of the projects a keyed create made, and when', async () => {
    const owner = freshOwner();
    const projects = [project('One'), project('Two')];
    const idempotency = keyed('ids');
    const outcome = await repository.createProjects(owner, projects, { idempotency, response: { status: 201 } });
    expect(outcome).toEqual({ kind: 'created' });
    const record = await storedRecord(owner, idempotency);
    expect(record).toMatchObject({ state: 'complete', projectIds: projects.map((p) => p.id) });
    expect(Math.abs(Date.parse(String(record?.createdAt)) - Date.now())).toBeLessThan(60_000);
  });

  it('answers conflict with the indexes of the titles live projects hold', async () => {
    const owner = freshOwner();
    await repository.createProjects(owner, [project('Held')]);
    const outcome = await repository.createProjects(owner, [project('Free'), project('held '), project('Also free')]);
    expect(outcome).toEqual({ kind: 'conflict', taken: [1] });
  });

  it('answers the record of a key used before', async () => {
    const owner = freshOwner();
    const idempotency = keyed('twice');
    await repository.createProjects(owner, [project('First')], { idempotency, response: { status: 201, data: 1 } });
    const again = await repository.createProjects(owner, [project('Second')], {
      idempotency,
      response: { status: 201 },
    });
    expect(again).toEqual({
      kind: 'recorded',
      record: { fingerprint: idempotency.fingerprint, response: { status: 201, data: 1 } },
    });
  });

  it('throws, naming the reasons, when a project’s own condition fails (an id already used)', async () => {
    const owner = freshOwner();
    const first = project('Original');
    await repository.createProjects(owner, [first]);
    const sameId = { ...project('Another title'), id: first.id };
    await expect(repository.createProjects(owner, [sameId])).rejects.toThrow(
      'create transaction cancelled unexpectedly: ConditionalCheckFailed,None',
    );
  });
});

describe('takenTitles', () => {
  it('names by index the titles live projects hold, writing nothing', async () => {
    const owner = freshOwner();
    await repository.createProjects(owner, [project('Held')]);
    const keys = ['free', 'Held', 'other'].map(titleKey);
    expect(await repository.takenTitles(owner, keys)).toEqual([1]);
    expect(await repository.takenTitles(owner, [titleKey('free')])).toEqual([]);
    expect(await repository.takenTitles(owner, keys)).toEqual([1]);
  });
});

describe('recordResponse', () => {
  it('saves a rejection under a new key, and answers the record of a key used before', async () => {
    const owner = freshOwner();
    const idempotency = keyed('rejected');
    const response = { status: 409, error: { code: 'PROJECT_TITLE_CONFLICT' as const } };
    expect(await repository.recordResponse(owner, { idempotency, response })).toEqual({ kind: 'saved' });
    expect(await repository.recordResponse(owner, { idempotency, response: { status: 201 } })).toEqual({
      kind: 'recorded',
      record: { fingerprint: idempotency.fingerprint, response },
    });
  });
});

describe('createPlanned', () => {
  it('creates a planned project, counts one made by an earlier attempt as created, and answers conflict for a held title', async () => {
    const owner = freshOwner();
    const planned = project('Planned');
    expect(await repository.createPlanned(owner, planned)).toEqual({ kind: 'created', project: planned });
    const retried = { ...planned, createdAt: '2000-01-01T00:00:00.000Z' };
    expect(await repository.createPlanned(owner, retried)).toEqual({ kind: 'created', project: planned });
    expect(await repository.createPlanned(owner, project('PLANNED'))).toEqual({ kind: 'conflict' });
  });
});

describe('startBatch and finishBatch', () => {
  const leaseOf = (token: string) => ({ token, until: Date.now() + 10_000 });

  it('start a plan, resume it under the same key and body, and replay the answer once finished', async () => {
    const owner = freshOwner();
    const idempotency = keyed('batch', { projects: ['a'] });
    const plan = { projects: [{ index: 0, id: project('a').id, createdAt: new Date().toISOString() }] };
    const first = leaseOf('first');
    expect(await repository.startBatch(owner, idempotency, plan, first)).toEqual({ kind: 'started', plan });
    expect(await storedRecord(owner, idempotency)).toMatchObject({
      state: 'pending',
      plan,
      projectIds: [plan.projects[0]?.id],
      lease: 'first',
    });

    const otherPlan = { projects: [{ index: 0, id: project('a').id, createdAt: new Date().toISOString() }] };
    const second = leaseOf('second');
    // The first attempt holds the lease: a duplicate waits for its answer.
    expect(await repository.startBatch(owner, idempotency, otherPlan, second)).toEqual({ kind: 'running' });
    expect(await repository.batchState(owner, idempotency)).toEqual({ kind: 'pending', leaseUntil: first.until });
    await repository.releaseBatch(owner, idempotency, first);
    expect(await repository.startBatch(owner, idempotency, otherPlan, second)).toEqual({ kind: 'resumed', plan });
    expect(await storedRecord(owner, idempotency)).toMatchObject({ state: 'pending', plan, lease: 'second' });

    const otherBody = keyed('batch', { projects: ['b'] });
    expect(await repository.startBatch(owner, otherBody, otherPlan, leaseOf('third'))).toEqual({
      kind: 'recorded',
      record: { fingerprint: idempotency.fingerprint, response: { status: 409 } },
    });

    const response = { status: 200, data: { items: [], failures: [] } };
    // Only the attempt holding the lease completes the record, and only once.
    expect(await repository.finishBatch(owner, idempotency, response, ['lost'], first)).toBe(false);
    expect(await repository.finishBatch(owner, idempotency, response, ['made'], second)).toBe(true);
    expect(await repository.finishBatch(owner, idempotency, { status: 200 }, ['again'], second)).toBe(false);
    const finished = await storedRecord(owner, idempotency);
    expect(finished).toMatchObject({ state: 'complete', projectIds: ['made'] });
    expect(finished).not.toHaveProperty('plan');
    expect(finished).not.toHaveProperty('lease');
    expect(await repository.batchState(owner, idempotency)).toEqual({
      kind: 'recorded',
      record: { fingerprint: idempotency.fingerprint, response },
    });
    expect(await repository.startBatch(owner, idempotency, otherPlan, leaseOf('fourth'))).toEqual({
      kind: 'recorded',
      record: { fingerprint: idempotency.fingerprint, response },
    });
  });

  it('lets a retry take over a plan whose lease ran out, and only one of two at once', async () => {
    const owner = freshOwner();
    const idempotency = keyed('batch', { projects: ['died'] });
    const plan = { projects: [{ index: 0, id: project('died').id, createdAt: new Date().toISOString() }] };
    expect((await repository.startBatch(owner, idempotency, plan, { token: 'dead', until: Date.now() - 1 })).kind).toBe(
      'started',
    );
    const starts = await Promise.all(
      ['a', 'b', 'c'].map((token) => repository.startBatch(owner, idempotency, plan, leaseOf(token))),
    );
    expect(starts.map((start) => start.kind).sort()).toEqual(['resumed', 'running', 'running']);
  });

  it('answers 503 when the record cannot be written for a passing fault, and writes nothing', async () => {
    const owner = freshOwner();
    const { doc, faults, close } = faultyDocumentClient();
    faults.on(PutCommand).rejects(throttling());
    const idempotency = keyed('throttled');
    const failure = await createRepository(doc, table.name)
      .startBatch(owner, idempotency, { projects: [] }, leaseOf('throttled'))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isRejectionOf(failure, 'SERVICE_UNAVAILABLE')).toBe(true);
    close();
    expect(await storedRecord(owner, idempotency)).toBeUndefined();
  });
});
