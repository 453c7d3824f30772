/** Creating all or nothing, against the port in memory (test/support/memory-creator.ts). */
import { createAtomicBatch as atomicOutcome, createProject as createOutcome } from '../../../lib/app/create-projects';
import type { Outcome } from '../../../lib/app/outcome';
import { idempotencyOf } from '../../../lib/domain/idempotency';
import { newProject } from '../../../lib/domain/project';
import { isRejectionOf, type Rejection } from '../../../lib/errors/rejections';
import { answerOf } from '../../../lib/http/answers';
import { memoryCreator } from '../../support/memory-creator';

const project = (title: string) => newProject({ title, description: '' });
/** The use cases as the functions run them: their outcome made an answer by lib/http. */
const answered = async (outcome: Promise<Outcome>) => answerOf(await outcome);
const createProject = (...args: Parameters<typeof createOutcome>) => answered(createOutcome(...args));
const createAtomicBatch = (...args: Parameters<typeof atomicOutcome>) => answered(atomicOutcome(...args));
const created = { status: 201, data: 'the answer as sent' };
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Rejection,
  );

describe('createAtomicBatch', () => {
  it('refuses a batch whose titles repeat, or one already held, naming each item, and writes nothing', async () => {
    const repository = memoryCreator();
    await createProject(repository, 'alice', project('Held'), created, undefined);
    const batch = ['Free', 'HELD', 'free'].map(project);
    const refused = await failureOf(createAtomicBatch(repository, 'alice', batch, created, undefined));
    expect(isRejectionOf(refused, 'PROJECT_TITLE_CONFLICT')).toBe(true);
    expect(refused?.details?.map((detail) => detail.index)).toEqual([1, 2]);
    expect(repository.projects.size).toBe(1);
  });

  it('records a conflict under the key, and answers a retry with it as a replay', async () => {
    const repository = memoryCreator();
    await createProject(repository, 'alice', project('Held'), created, undefined);
    const batch = [project('held')];
    const idempotency = idempotencyOf('retry-me', 'POST /projects/batch', { projects: ['held'] });
    const first = await failureOf(createAtomicBatch(repository, 'alice', batch, created, idempotency));
    const again = await failureOf(createAtomicBatch(repository, 'alice', batch, created, idempotency));
    expect(first?.details).toEqual(again?.details);
    expect(first?.headers?.['idempotent-replayed']).toBeUndefined();
    expect(again?.headers?.['idempotent-replayed']).toBe('true');
  });
});

describe('createProject', () => {
  it('comes to a conflict for a held title, recorded under the key as its code alone: no status, no answer', async () => {
    const repository = memoryCreator();
    await createOutcome(repository, 'alice', project('Held'), created, undefined);
    const idempotency = idempotencyOf('held', 'POST /projects', { title: 'HELD' });
    expect(await createOutcome(repository, 'alice', project('HELD'), created, idempotency)).toEqual({
      kind: 'conflict',
    });
    expect([...repository.records.values()].map((record) => record.response)).toEqual([
      { error: { code: 'PROJECT_TITLE_CONFLICT' } },
    ]);
    expect(await createOutcome(repository, 'alice', project('HELD'), created, idempotency)).toEqual({
      kind: 'replayed',
      response: { error: { code: 'PROJECT_TITLE_CONFLICT' } },
    });
  });

  it('answers with what it was given, and records exactly that under the key', async () => {
    const repository = memoryCreator();
    const idempotency = idempotencyOf('once', 'POST /projects', { title: 'Once' });
    expect(await createProject(repository, 'alice', project('Once'), created, idempotency)).toBe(created);
    const replayed = await createProject(repository, 'alice', project('Once'), created, idempotency);
    expect(replayed).toEqual({ ...created, headers: { 'idempotent-replayed': 'true' } });
  });

  it('answers with the key’s record when an attempt under the same key made the project meanwhile, never 409', async () => {
    const repository = memoryCreator();
    const idempotency = idempotencyOf('raced', 'POST /projects', { title: 'Raced' });
    await repository.createProjects('alice', [project('Raced')]);
    // Between this attempt's conflict and its record, the title is freed and another attempt
    // of the same request creates the project and records its answer.
    const record = repository.recordResponse.bind(repository);
    jest.spyOn(repository, 'recordResponse').mockImplementationOnce(async (owner, write) => {
      await record(owner, { idempotency: write.idempotency, response: created });
      return record(owner, write);
    });
    const answer = await createProject(repository, 'alice', project('Raced'), created, idempotency);
    expect(answer).toEqual({ ...created, headers: { 'idempotent-replayed': 'true' } });
  });
});
