/** Creating all or nothing, against the storage in memory (test/support/memory-storage.ts). */
import {
  createAtomicBatch as atomicOutcome,
  type CreateBatchRequest,
  type CreateProjectRequest,
  createProject as createOutcome,
} from '../../../lib/app/create-projects';
import type { CreateOutcome, CreateStorage } from '../../../lib/app/outcome';
import { newProject } from '../../../lib/domain/project';
import { isRejectionOf, type Rejection } from '../../../lib/errors/rejections';
import { answerOf } from '../../../lib/http/answers';
import { idempotencyOf } from '../../../lib/idempotency/key';
import { RecordState } from '../../../lib/idempotency/record';
import { memoryStorage } from '../../support/memory-storage';

const project = (title: string) => newProject({ title, description: '' });
/** The use cases as the functions run them: their outcome made an answer by lib/http. */
const answered = async (outcome: Promise<CreateOutcome>) => answerOf(await outcome);
const createProject = (storage: CreateStorage, request: CreateProjectRequest) =>
  answered(createOutcome(storage, request));
const createAtomicBatch = (storage: CreateStorage, request: CreateBatchRequest) =>
  answered(atomicOutcome(storage, request));
const created = { status: 201, data: 'the answer as sent' };
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Rejection,
  );
const alice = { owner: 'alice', answer: created, idempotency: undefined };

describe('createAtomicBatch', () => {
  it('refuses a batch whose titles repeat, or one already held, naming each item, and writes nothing', async () => {
    const storage = memoryStorage();
    await createProject(storage, { ...alice, project: project('Held') });
    const projects = ['Free', 'HELD', 'free'].map(project);
    const refused = await failureOf(createAtomicBatch(storage, { ...alice, projects }));
    expect(isRejectionOf(refused, 'PROJECT_TITLE_CONFLICT')).toBe(true);
    expect(refused?.details?.map((detail) => detail.index)).toEqual([1, 2]);
    expect(storage.projects.stored.size).toBe(1);
  });

  it('records a conflict under the key, and answers a retry with it as a replay', async () => {
    const storage = memoryStorage();
    await createProject(storage, { ...alice, project: project('Held') });
    const projects = [project('held')];
    const idempotency = idempotencyOf('retry-me', 'createProjectsBatch', { projects: ['held'] });
    const first = await failureOf(createAtomicBatch(storage, { ...alice, projects, idempotency }));
    const again = await failureOf(createAtomicBatch(storage, { ...alice, projects, idempotency }));
    expect(first?.details).toEqual(again?.details);
    expect(first?.headers?.['idempotent-replayed']).toBeUndefined();
    expect(again?.headers?.['idempotent-replayed']).toBe('true');
  });
});

describe('createProject', () => {
  it('comes to a conflict for a held title, recorded under the key as its code alone: no status, no answer', async () => {
    const storage = memoryStorage();
    await createOutcome(storage, { ...alice, project: project('Held') });
    const idempotency = idempotencyOf('held', 'createProject', { title: 'HELD' });
    expect(await createOutcome(storage, { ...alice, project: project('HELD'), idempotency })).toEqual({
      kind: 'conflict',
    });
    expect([...storage.records.stored.values()].map(({ record }) => record)).toEqual([
      {
        state: RecordState.Complete,
        fingerprint: idempotency?.fingerprint,
        answer: { error: { code: 'PROJECT_TITLE_CONFLICT' } },
      },
    ]);
    expect(await createOutcome(storage, { ...alice, project: project('HELD'), idempotency })).toEqual({
      kind: 'replayed',
      answer: { error: { code: 'PROJECT_TITLE_CONFLICT' } },
    });
  });

  it('records with the answer the ids of the projects it made', async () => {
    const storage = memoryStorage();
    const projects = [project('One'), project('Two')];
    const idempotency = idempotencyOf('ids', 'createProjectsBatch', { projects: ['One', 'Two'] });
    await atomicOutcome(storage, { ...alice, projects, idempotency });
    expect([...storage.records.stored.values()].map((kept) => kept.projectIds)).toEqual([projects.map((p) => p.id)]);
  });

  it('answers with what it was given, and records exactly that under the key', async () => {
    const storage = memoryStorage();
    const idempotency = idempotencyOf('once', 'createProject', { title: 'Once' });
    expect(await createProject(storage, { ...alice, project: project('Once'), idempotency })).toBe(created);
    const replayed = await createProject(storage, { ...alice, project: project('Once'), idempotency });
    expect(replayed).toEqual({ ...created, headers: { 'idempotent-replayed': 'true' } });
  });

  it('answers with the key’s record when an attempt under the same key made the project meanwhile, never 409', async () => {
    const storage = memoryStorage();
    const idempotency = idempotencyOf('raced', 'createProject', { title: 'Raced' });
    await storage.projects.createProjects('alice', [project('Raced')]);
    // Between this attempt's conflict and its record, the title is freed and another attempt
    // of the same request creates the project and records its answer.
    const save = storage.records.save.bind(storage.records);
    jest.spyOn(storage.records, 'save').mockImplementationOnce(async (key, record) => {
      await save(key, { state: RecordState.Complete, answer: created, projectIds: [] });
      return save(key, record);
    });
    const answer = await createProject(storage, { ...alice, project: project('Raced'), idempotency });
    expect(answer).toEqual({ ...created, headers: { 'idempotent-replayed': 'true' } });
  });

  it('refuses, IDEMPOTENCY_KEY_REUSED, another request under a key that has a record, and writes nothing', async () => {
    const storage = memoryStorage();
    const first = idempotencyOf('reused', 'createProject', { title: 'First' });
    await createOutcome(storage, { ...alice, project: project('First'), idempotency: first });
    const other = idempotencyOf('reused', 'createProject', { title: 'Other' });
    const refused = await failureOf(
      createOutcome(storage, { ...alice, project: project('Other'), idempotency: other }),
    );
    expect(isRejectionOf(refused, 'IDEMPOTENCY_KEY_REUSED')).toBe(true);
    expect(storage.projects.stored.size).toBe(1);
  });
});
