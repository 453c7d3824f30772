/** Creating all or nothing, against the port in memory (test/support/memory-creator.ts). */
import { createAtomicBatch, createProject } from '../../../lib/app/create-projects';
import { idempotencyOf } from '../../../lib/domain/idempotency';
import type { Project } from '../../../lib/domain/project';
import { isRejectionOf, type Rejection } from '../../../lib/errors/rejections';
import { memoryCreator } from '../../support/memory-creator';

const created = (projects: Project[]) => ({ status: 201, data: { items: projects } });
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Rejection,
  );

describe('createAtomicBatch', () => {
  it('refuses a batch whose titles repeat, or one already held, naming each item, and writes nothing', async () => {
    const repository = memoryCreator();
    await createProject(repository, 'alice', { title: 'Held', description: '' }, undefined, (project) => ({
      status: 201,
      data: project,
    }));
    const inputs = ['Free', 'HELD', 'free'].map((title) => ({ title, description: '' }));
    const refused = await failureOf(createAtomicBatch(repository, 'alice', inputs, undefined, created));
    expect(isRejectionOf(refused, 'PROJECT_TITLE_CONFLICT')).toBe(true);
    expect(refused?.details?.map((detail) => detail.index)).toEqual([1, 2]);
    expect(repository.projects.size).toBe(1);
  });

  it('records a conflict under the key, and answers a retry with it as a replay', async () => {
    const repository = memoryCreator();
    await createProject(repository, 'alice', { title: 'Held', description: '' }, undefined, (project) => ({
      status: 201,
      data: project,
    }));
    const inputs = [{ title: 'held', description: '' }];
    const idempotency = idempotencyOf('retry-me', 'POST /projects/batch', { projects: inputs });
    const first = await failureOf(createAtomicBatch(repository, 'alice', inputs, idempotency, created));
    const again = await failureOf(createAtomicBatch(repository, 'alice', inputs, idempotency, created));
    expect(first?.details).toEqual(again?.details);
    expect(first?.headers?.['idempotent-replayed']).toBeUndefined();
    expect(again?.headers?.['idempotent-replayed']).toBe('true');
  });
});
