/**
 * The best-effort batch use case against the storage in memory (test/support/memory-storage.ts):
 * the lease, the replays and the take-over, with no DynamoDB Local.
 */

import type { BatchItem, Report } from '../../../lib/app/create-best-effort';
import { BATCH_CONCURRENCY, createBestEffortBatch, type ItemOutcome } from '../../../lib/app/create-best-effort';
import { isRejectionOf, serviceUnavailable } from '../../../lib/errors/rejections';
import { answerOf } from '../../../lib/http/answers';
import { batchReport } from '../../../lib/http/batch-report';
import { type Idempotency, idempotencyOf } from '../../../lib/idempotency/key';
import { type BatchPlan, type Lease, RecordState } from '../../../lib/idempotency/record';
import { CreateProjectBody } from '../../../lib/validation/schemas';
import { validateEach } from '../../../lib/validation/validate';
import { type MemoryStorage, memoryStorage } from '../../support/memory-storage';

const items = [{ title: 'Alpha' }, { title: '' }, { title: 'Beta' }];
function keyed(key: string) {
  const idempotency = idempotencyOf(key, 'createProjectsBatch', { atomic: false, projects: items });
  if (!idempotency) throw new Error('a key makes an idempotency');
  return idempotency;
}
const soon = () => Date.now() + 5_000;

/** The use case as the function runs it: the items checked, and the report and answer made by lib/http. */
async function run(storage: MemoryStorage, owner: string, idempotency: Idempotency | undefined, deadline: number) {
  const { valid, invalid } = validateEach(CreateProjectBody, items, 'en');
  const report = batchReport(invalid, 'en');
  return answerOf(await createBestEffortBatch(storage, { owner, items: valid, report, idempotency, deadline }));
}
/** The use case called directly: the items, the report, the key and the deadline given. */
const bestEffort = (
  storage: MemoryStorage,
  batch: readonly BatchItem[],
  report: Report,
  idempotency: Idempotency | undefined,
  deadline: number,
) => createBestEffortBatch(storage, { owner: 'alice', items: batch, report, idempotency, deadline });
/** A pending record saved as an attempt that runs `plan` under `lease` saves it. */
const pendingPlan = (storage: MemoryStorage, idempotency: Idempotency, plan: BatchPlan, lease: Lease) =>
  storage.records.save({ owner: 'alice', idempotency }, { state: RecordState.Pending, plan, lease });

describe('createBestEffortBatch', () => {
  it('answers concurrent duplicates under one key with the first answer, the work done once', async () => {
    const storage = memoryStorage();
    const finish = jest.spyOn(storage.records, 'complete');
    const answers = await Promise.all(Array.from({ length: 5 }, () => run(storage, 'alice', keyed('k'), soon())));
    const bodies = new Set(answers.map((answer) => JSON.stringify(answer.data)));
    expect(bodies.size).toBe(1);
    expect(answers.filter((answer) => answer.headers?.['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(await Promise.all(finish.mock.results.map((result) => result.value))).toEqual([true]);
    expect(storage.projects.stored.size).toBe(2);
  });

  it('answers 503 to a duplicate still waiting at its deadline, and writes nothing', async () => {
    const storage = memoryStorage();
    const idempotency = keyed('slow');
    await pendingPlan(storage, idempotency, { projects: [] }, { token: 'first', until: soon() });
    const waited = await run(storage, 'alice', idempotency, Date.now() + 100).catch((error: unknown) => error);
    expect(isRejectionOf(waited, 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(storage.projects.stored.size).toBe(0);
  });

  it('takes over the plan of an attempt whose lease ran out, with the ids that plan gave', async () => {
    const storage = memoryStorage();
    const idempotency = keyed('died');
    const plan = { projects: [{ index: 0, id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', createdAt: '2026-01-01T00:00:00.000Z' }] };
    await pendingPlan(storage, idempotency, plan, { token: 'dead', until: Date.now() - 1 });
    const answer = await run(storage, 'alice', idempotency, soon());
    const created = (answer.data as { items: { index: number; project: { id: string } }[] }).items;
    expect(created.find((item) => item.index === 0)?.project.id).toBe('01ARZ3NDEKTSV4RRFFQ69G5FAV');
    expect(answer.headers?.['idempotent-replayed']).toBeUndefined();
  });

  it('ends the lease when an item met a passing fault, so that the retry resumes at once', async () => {
    const storage = memoryStorage();
    const real = storage.projects.createPlanned.bind(storage.projects);
    const planned = jest.spyOn(storage.projects, 'createPlanned').mockImplementation(async (owner, project) => {
      if (project.title === 'Beta') throw serviceUnavailable(new Error('throttled'));
      return real(owner, project);
    });
    const first = await run(storage, 'alice', keyed('fault'), soon());
    expect((first.data as { failures: { code: string }[] }).failures.map((f) => f.code)).toContain(
      'SERVICE_UNAVAILABLE',
    );
    planned.mockRestore();
    const started = Date.now();
    const retry = await run(storage, 'alice', keyed('fault'), soon());
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((retry.data as { items: unknown[] }).items).toHaveLength(2);
    expect(storage.projects.stored.size).toBe(2);
  });

  it('keeps no record without a key', async () => {
    const storage = memoryStorage();
    await run(storage, 'alice', undefined, soon());
    expect(storage.records.stored.size).toBe(0);
    expect(storage.projects.stored.size).toBe(2);
  });

  it('gives the report each valid item’s outcome by index, and answers with exactly what the report made', async () => {
    const storage = memoryStorage();
    await run(storage, 'alice', undefined, soon());
    const seen: (readonly ItemOutcome[])[] = [];
    const answer = { status: 200, data: 'the report as sent' };
    const valid = ['Gamma', 'Alpha', 'GAMMA'].map((title, position) => ({
      index: position * 2,
      input: { title, description: '' },
    }));
    const outcome = await bestEffort(
      storage,
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
    const storage = memoryStorage();
    const report = () => ({ status: 200, data: { first: true } });
    const valid = [{ index: 0, input: { title: 'Once', description: '' } }];
    const first = await bestEffort(storage, valid, report, keyed('record'), soon());
    const again = await bestEffort(storage, valid, () => ({ status: 200, data: 'other' }), keyed('record'), soon());
    expect(first).toEqual({ kind: 'answered', answer: { status: 200, data: { first: true } } });
    expect(again).toEqual({ kind: 'replayed', answer: { status: 200, data: { first: true } } });
  });

  const titled = (titles: string[]) => titles.map((title, index) => ({ index, input: { title, description: '' } }));
  const plain = () => ({ status: 200, data: 'ours' });

  it(`runs at most ${BATCH_CONCURRENCY} items at once`, async () => {
    const storage = memoryStorage();
    const real = storage.projects.createPlanned.bind(storage.projects);
    let running = 0;
    let most = 0;
    jest.spyOn(storage.projects, 'createPlanned').mockImplementation(async (owner, project) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return real(owner, project);
    });
    const many = titled(Array.from({ length: 12 }, (_, i) => `Item ${i}`));
    await bestEffort(storage, many, plain, undefined, soon());
    expect(most).toBe(BATCH_CONCURRENCY);
    expect(storage.projects.stored.size).toBe(12);
  });

  it('completes the record with the ids of the projects it made, and releases nothing after', async () => {
    const storage = memoryStorage();
    const finish = jest.spyOn(storage.records, 'complete');
    const release = jest.spyOn(storage.records, 'release');
    await run(storage, 'alice', keyed('ids'), soon());
    const made = [...storage.projects.stored.values()].map((project) => project.id).sort();
    expect([...(finish.mock.calls[0]?.[2].projectIds ?? [])].sort()).toEqual(made);
    expect(made).toHaveLength(2);
    expect(release).not.toHaveBeenCalled();
  });

  it('gives the answer of an attempt that took its plan over and completed it, not its own', async () => {
    const storage = memoryStorage();
    const real = storage.records.complete.bind(storage.records);
    jest.spyOn(storage.records, 'complete').mockImplementationOnce(async (key, lease, record) => {
      await real(key, lease, { ...record, answer: { status: 200, data: 'theirs' } });
      return false;
    });
    const outcome = await bestEffort(storage, titled(['One']), plain, keyed('lost'), soon());
    expect(outcome).toEqual({ kind: 'replayed', answer: { status: 200, data: 'theirs' } });
  });

  it('waits for a running attempt by reading, with backoff, and answers 503 before its deadline', async () => {
    const storage = memoryStorage();
    const idempotency = keyed('waits');
    await pendingPlan(storage, idempotency, { projects: [] }, { token: 'first', until: soon() });
    const start = jest.spyOn(storage.records, 'save');
    const reads = jest.spyOn(storage.records, 'read');
    const deadline = Date.now() + 1_000;
    const waited = await bestEffort(storage, titled(['Late']), plain, idempotency, deadline).catch(
      (error: unknown) => error,
    );
    expect(isRejectionOf(waited, 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(Date.now()).toBeLessThan(deadline + 100);
    expect(start).toHaveBeenCalledTimes(1);
    expect(reads.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(10);
  });

  it('replays the answer a waiting duplicate reads, saving nothing more', async () => {
    const storage = memoryStorage();
    const idempotency = keyed('read');
    const lease = { token: 'first', until: soon() };
    await pendingPlan(storage, idempotency, { projects: [] }, lease);
    const saves = jest.spyOn(storage.records, 'save');
    const theirs = { status: 200, data: 'theirs' };
    setTimeout(() => {
      storage.records.complete({ owner: 'alice', idempotency }, lease, {
        state: RecordState.Complete,
        answer: theirs,
        projectIds: [],
      });
    }, 40);
    const outcome = await bestEffort(storage, titled(['Waits']), plain, idempotency, soon());
    expect(outcome).toEqual({ kind: 'replayed', answer: theirs });
    expect(saves).toHaveBeenCalledTimes(1);
  });

  it('replays a completed record at once, reading nothing and waiting for nothing', async () => {
    const storage = memoryStorage();
    const first = await bestEffort(storage, titled(['Done']), plain, keyed('done'), soon());
    const reads = jest.spyOn(storage.records, 'read');
    const takeOver = jest.spyOn(storage.records, 'takeOver');
    const again = await bestEffort(
      storage,
      titled(['Done']),
      () => ({ status: 200, data: 'other' }),
      keyed('done'),
      soon(),
    );
    expect(first).toEqual({ kind: 'answered', answer: plain() });
    expect(again).toEqual({ kind: 'replayed', answer: plain() });
    expect(reads).not.toHaveBeenCalled();
    expect(takeOver).not.toHaveBeenCalled();
  });

  it('runs its own plan when the record it waits on is gone (expired, then removed), and makes the projects', async () => {
    const storage = memoryStorage();
    const idempotency = keyed('vanished');
    await pendingPlan(storage, idempotency, { projects: [] }, { token: 'stalled', until: soon() });
    setTimeout(() => storage.records.stored.clear(), 60);
    const outcome = await bestEffort(storage, titled(['Fresh']), plain, idempotency, soon());
    expect(outcome).toEqual({ kind: 'answered', answer: plain() });
    expect(storage.projects.stored.size).toBe(1);
  });

  it('takes the plan over when the lease it waits on runs out, and makes the projects', async () => {
    const storage = memoryStorage();
    const idempotency = keyed('expires');
    const plan = { projects: [{ index: 0, id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', createdAt: '2026-01-01T00:00:00.000Z' }] };
    await pendingPlan(storage, idempotency, plan, { token: 'stalled', until: Date.now() + 150 });
    const outcome = await bestEffort(storage, titled(['Resumed']), plain, idempotency, soon());
    expect(outcome).toEqual({ kind: 'answered', answer: plain() });
    expect([...storage.projects.stored.values()].map((project) => project.id)).toEqual(['01ARZ3NDEKTSV4RRFFQ69G5FAV']);
  });
});
