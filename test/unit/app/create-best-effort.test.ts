/**
 * The best-effort batch use case against the port in memory (test/support/memory-creator.ts):
 * the lease, the replays and the take-over, with no DynamoDB Local.
 */
import { BATCH_CONCURRENCY, createBestEffortBatch, type ItemOutcome } from '../../../lib/app/create-best-effort';
import { type Idempotency, idempotencyOf } from '../../../lib/domain/idempotency';
import { isRejectionOf, serviceUnavailable } from '../../../lib/errors/rejections';
import { answerOf } from '../../../lib/http/answers';
import { batchReport } from '../../../lib/http/batch-report';
import { CreateProjectBody } from '../../../lib/schemas';
import { validateEach } from '../../../lib/validation';
import { type MemoryCreator, memoryCreator } from '../../support/memory-creator';

const ROUTE = 'POST /projects/batch';
const items = [{ title: 'Alpha' }, { title: '' }, { title: 'Beta' }];
function keyed(key: string) {
  const idempotency = idempotencyOf(key, ROUTE, { atomic: false, projects: items });
  if (!idempotency) throw new Error('a key makes an idempotency');
  return idempotency;
}
const soon = () => Date.now() + 5_000;

/** The use case as the function runs it: the items checked, and the report and answer made by lib/http. */
async function run(repository: MemoryCreator, owner: string, idempotency: Idempotency | undefined, deadline: number) {
  const { valid, invalid } = validateEach(CreateProjectBody, items, 'en');
  const outcome = await createBestEffortBatch(
    repository,
    owner,
    valid,
    batchReport(invalid, 'en'),
    idempotency,
    deadline,
  );
  return answerOf(outcome);
}

describe('createBestEffortBatch', () => {
  it('answers concurrent duplicates under one key with the first answer, the work done once', async () => {
    const repository = memoryCreator();
    const finish = jest.spyOn(repository, 'finishBatch');
    const answers = await Promise.all(Array.from({ length: 5 }, () => run(repository, 'alice', keyed('k'), soon())));
    const bodies = new Set(answers.map((answer) => JSON.stringify(answer.data)));
    expect(bodies.size).toBe(1);
    expect(answers.filter((answer) => answer.headers?.['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(await Promise.all(finish.mock.results.map((result) => result.value))).toEqual([true]);
    expect(repository.projects.size).toBe(2);
  });

  it('answers 503 to a duplicate still waiting at its deadline, and writes nothing', async () => {
    const repository = memoryCreator();
    const idempotency = keyed('slow');
    await repository.startBatch('alice', idempotency, { projects: [] }, { token: 'first', until: soon() });
    const waited = await run(repository, 'alice', idempotency, Date.now() + 100).catch((error: unknown) => error);
    expect(isRejectionOf(waited, 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(repository.projects.size).toBe(0);
  });

  it('takes over the plan of an attempt whose lease ran out, with the ids that plan gave', async () => {
    const repository = memoryCreator();
    const idempotency = keyed('died');
    const plan = { projects: [{ index: 0, id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', createdAt: '2026-01-01T00:00:00.000Z' }] };
    await repository.startBatch('alice', idempotency, plan, { token: 'dead', until: Date.now() - 1 });
    const answer = await run(repository, 'alice', idempotency, soon());
    const created = (answer.data as { items: { index: number; project: { id: string } }[] }).items;
    expect(created.find((item) => item.index === 0)?.project.id).toBe('01ARZ3NDEKTSV4RRFFQ69G5FAV');
    expect(answer.headers?.['idempotent-replayed']).toBeUndefined();
  });

  it('ends the lease when an item met a passing fault, so that the retry resumes at once', async () => {
    const repository = memoryCreator();
    const real = repository.createPlanned.bind(repository);
    const planned = jest.spyOn(repository, 'createPlanned').mockImplementation(async (owner, project) => {
      if (project.title === 'Beta') throw serviceUnavailable(new Error('throttled'));
      return real(owner, project);
    });
    const first = await run(repository, 'alice', keyed('fault'), soon());
    expect((first.data as { failures: { code: string }[] }).failures.map((f) => f.code)).toContain(
      'SERVICE_UNAVAILABLE',
    );
    planned.mockRestore();
    const started = Date.now();
    const retry = await run(repository, 'alice', keyed('fault'), soon());
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((retry.data as { items: unknown[] }).items).toHaveLength(2);
    expect(repository.projects.size).toBe(2);
  });

  it('keeps no record without a key', async () => {
    const repository = memoryCreator();
    await run(repository, 'alice', undefined, soon());
    expect(repository.records.size).toBe(0);
    expect(repository.projects.size).toBe(2);
  });

  it('gives the report each valid item’s outcome by index, and answers with exactly what the report made', async () => {
    const repository = memoryCreator();
    await run(repository, 'alice', undefined, soon());
    const seen: (readonly ItemOutcome[])[] = [];
    const answer = { status: 200, data: 'the report as sent' };
    const valid = ['Gamma', 'Alpha', 'GAMMA'].map((title, position) => ({
      index: position * 2,
      input: { title, description: '' },
    }));
    const outcome = await createBestEffortBatch(
      repository,
      'alice',
      valid,
      (outcomes) => {
        seen.push(outcomes);
        return answer;
      },
      undefined,
      soon(),
    );
    expect(outcome).toEqual({ kind: 'answered', answer });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.map(({ index, kind }) => [index, kind])).toEqual([
      [0, 'created'],
      [2, 'conflict'],
      [4, 'conflict'],
    ]);
    expect(
      seen[0]?.filter((item) => item.kind === 'conflict').map((item) => 'repeated' in item && item.repeated),
    ).toEqual([false, true]);
  });

  it('returns a keyed retry the record of the first answer, as it was recorded', async () => {
    const repository = memoryCreator();
    const report = () => ({ status: 200, data: { first: true } });
    const valid = [{ index: 0, input: { title: 'Once', description: '' } }];
    const first = await createBestEffortBatch(repository, 'alice', valid, report, keyed('record'), soon());
    const again = await createBestEffortBatch(
      repository,
      'alice',
      valid,
      () => ({ status: 200, data: 'other' }),
      keyed('record'),
      soon(),
    );
    expect(first).toEqual({ kind: 'answered', answer: { status: 200, data: { first: true } } });
    expect(again).toEqual({ kind: 'replayed', response: { status: 200, data: { first: true } } });
  });

  const titled = (titles: string[]) => titles.map((title, index) => ({ index, input: { title, description: '' } }));
  const plain = () => ({ status: 200, data: 'ours' });

  it(`runs at most ${BATCH_CONCURRENCY} items at once`, async () => {
    const repository = memoryCreator();
    const real = repository.createPlanned.bind(repository);
    let running = 0;
    let most = 0;
    jest.spyOn(repository, 'createPlanned').mockImplementation(async (owner, project) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return real(owner, project);
    });
    const many = titled(Array.from({ length: 12 }, (_, i) => `Item ${i}`));
    await createBestEffortBatch(repository, 'alice', many, plain, undefined, soon());
    expect(most).toBe(BATCH_CONCURRENCY);
    expect(repository.projects.size).toBe(12);
  });

  it('completes the record with the ids of the projects it made, and releases nothing after', async () => {
    const repository = memoryCreator();
    const finish = jest.spyOn(repository, 'finishBatch');
    const release = jest.spyOn(repository, 'releaseBatch');
    await run(repository, 'alice', keyed('ids'), soon());
    const made = [...repository.projects.values()].map((project) => project.id).sort();
    expect([...(finish.mock.calls[0]?.[3] ?? [])].sort()).toEqual(made);
    expect(made).toHaveLength(2);
    expect(release).not.toHaveBeenCalled();
  });

  it('gives the answer of an attempt that took its plan over and completed it, not its own', async () => {
    const repository = memoryCreator();
    const real = repository.finishBatch.bind(repository);
    jest.spyOn(repository, 'finishBatch').mockImplementationOnce(async (owner, idempotency, _answer, ids, lease) => {
      await real(owner, idempotency, { status: 200, data: 'theirs' }, ids, lease);
      return false;
    });
    const outcome = await createBestEffortBatch(repository, 'alice', titled(['One']), plain, keyed('lost'), soon());
    expect(outcome).toEqual({ kind: 'replayed', response: { status: 200, data: 'theirs' } });
  });

  it('waits for a running attempt by reading, with backoff, and answers 503 before its deadline', async () => {
    const repository = memoryCreator();
    const idempotency = keyed('waits');
    await repository.startBatch('alice', idempotency, { projects: [] }, { token: 'first', until: soon() });
    const start = jest.spyOn(repository, 'startBatch');
    const reads = jest.spyOn(repository, 'batchState');
    const deadline = Date.now() + 1_000;
    const waited = await createBestEffortBatch(
      repository,
      'alice',
      titled(['Late']),
      plain,
      idempotency,
      deadline,
    ).catch((error: unknown) => error);
    expect(isRejectionOf(waited, 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(Date.now()).toBeLessThan(deadline + 100);
    expect(start).toHaveBeenCalledTimes(1);
    expect(reads.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(10);
  });

  it('takes the plan over when the lease it waits on runs out, and makes the projects', async () => {
    const repository = memoryCreator();
    const idempotency = keyed('expires');
    const plan = { projects: [{ index: 0, id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', createdAt: '2026-01-01T00:00:00.000Z' }] };
    await repository.startBatch('alice', idempotency, plan, { token: 'stalled', until: Date.now() + 150 });
    const outcome = await createBestEffortBatch(repository, 'alice', titled(['Resumed']), plain, idempotency, soon());
    expect(outcome).toEqual({ kind: 'answered', answer: plain() });
    expect([...repository.projects.values()].map((project) => project.id)).toEqual(['01ARZ3NDEKTSV4RRFFQ69G5FAV']);
  });
});
