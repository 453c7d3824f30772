/**
 * The create half of the storage on DynamoDB Local: the project creator and the record store,
 * what each call answers (test/support/storage-contract.ts, run on the storage in memory too)
 * and what it leaves stored.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { newProject, type Project } from '../../../lib/domain/project';
import { createProjectCreator } from '../../../lib/dynamodb/creates';
import { recordKey } from '../../../lib/dynamodb/keys';
import { createRecordStore } from '../../../lib/dynamodb/records';
import { isRejectionOf } from '../../../lib/errors/rejections';
import type { Idempotency } from '../../../lib/idempotency/key';
import { RecordState } from '../../../lib/idempotency/record';
import { faultyDocumentClient, throttling } from '../../support/faulty-client';
import { freshOwner } from '../../support/owners';
import { describeCreateStorage, keyed } from '../../support/storage-contract';
import { useTable } from '../../support/table';

const table = useTable();
const projects = createProjectCreator(table.doc, table.name);
const records = createRecordStore(table.doc, table.name);
const project = (title: string): Project => newProject({ title, description: '' });
const storedRecord = async (owner: string, idempotency: Idempotency) =>
  (await table.doc.send(new GetCommand({ TableName: table.name, Key: recordKey(owner, idempotency.digest) }))).Item;
const leaseOf = (token: string) => ({ token, until: Date.now() + 10_000 });

describeCreateStorage(() => ({ projects, records }));

describe('createProjects', () => {
  it('records with the answer the ids of the projects a keyed create made, and when', async () => {
    const owner = freshOwner();
    const made = [project('One'), project('Two')];
    const idempotency = keyed('ids');
    const projectIds = made.map((p) => p.id);
    const joined = records.joinedSave(
      { owner, idempotency },
      { state: RecordState.Complete, answer: { status: 201 }, projectIds },
    );
    expect(await projects.createProjects(owner, made, joined)).toEqual({ kind: 'created' });
    const record = await storedRecord(owner, idempotency);
    expect(record).toMatchObject({ state: 'complete', projectIds: made.map((p) => p.id) });
    expect(Math.abs(Date.parse(String(record?.createdAt)) - Date.now())).toBeLessThan(60_000);
  });

  it('throws, naming the reasons, when a project’s own condition fails (an id already used)', async () => {
    const owner = freshOwner();
    const first = project('Original');
    await projects.createProjects(owner, [first]);
    const sameId = { ...project('Another title'), id: first.id };
    await expect(projects.createProjects(owner, [sameId])).rejects.toThrow(
      'create transaction cancelled unexpectedly: ConditionalCheckFailed,None',
    );
  });
});

describe('the record store', () => {
  it('stores a plan with its lease and the ids it gives, and the completed record without them', async () => {
    const owner = freshOwner();
    const idempotency = keyed('batch', { projects: ['a'] });
    const key = { owner, idempotency };
    const plan = { projects: [{ index: 0, id: project('a').id, createdAt: new Date().toISOString() }] };
    const first = leaseOf('first');
    await records.save(key, { state: RecordState.Pending, plan, lease: first });
    expect(await storedRecord(owner, idempotency)).toMatchObject({
      state: 'pending',
      plan,
      projectIds: [plan.projects[0]?.id],
      lease: 'first',
    });
    await records.release(key, first);
    const second = leaseOf('second');
    expect(await records.takeOver(key, second)).toBe(true);
    expect(await storedRecord(owner, idempotency)).toMatchObject({ state: 'pending', plan, lease: 'second' });
    const answer = { status: 200, data: { items: [], failures: [] } };
    await records.complete(key, second, { state: RecordState.Complete, answer, projectIds: ['made'] });
    const finished = await storedRecord(owner, idempotency);
    expect(finished).toMatchObject({ state: 'complete', projectIds: ['made'] });
    expect(finished).not.toHaveProperty('plan');
    expect(finished).not.toHaveProperty('lease');
  });

  it('answers 503 when the record cannot be written for a passing fault, and writes nothing', async () => {
    const owner = freshOwner();
    const { doc, faults, close } = faultyDocumentClient();
    faults.on(PutCommand).rejects(throttling());
    const idempotency = keyed('throttled');
    const failure = await createRecordStore(doc, table.name)
      .save({ owner, idempotency }, { state: RecordState.Pending, plan: { projects: [] }, lease: leaseOf('throttled') })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isRejectionOf(failure, 'SERVICE_UNAVAILABLE')).toBe(true);
    close();
    expect(await storedRecord(owner, idempotency)).toBeUndefined();
  });
});
