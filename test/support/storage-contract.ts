/**
 * What the storage of the create use cases answers, call by call: the project creator and the
 * record store. The same tests run on the DynamoDB adapter against DynamoDB Local
 * (test/integration/dynamodb/creates.test.ts) and on the storage in memory that the use cases'
 * unit tests use (test/unit/app/memory-storage.test.ts), so the two keep the same conditions.
 */
import type { CreateStorage } from '../../lib/app/outcome';
import { newProject, type Project } from '../../lib/domain/project';
import { titleKey } from '../../lib/domain/titles';
import { type Idempotency, idempotencyOf } from '../../lib/idempotency/key';
import { RecordState } from '../../lib/idempotency/record';
import { freshOwner } from './owners';

const project = (title: string): Project => newProject({ title, description: '' });
export const keyed = (key: string, body: unknown = { key }): Idempotency => {
  const idempotency = idempotencyOf(key, 'createProject', body);
  if (!idempotency) throw new Error('no idempotency');
  return idempotency;
};
const complete = (answer: { status: number; data?: unknown }) =>
  ({ state: RecordState.Complete, answer, projectIds: [] }) as const;

export function describeCreateStorage(make: () => CreateStorage): void {
  describe('createProjects', () => {
    it('answers conflict with the indexes of the titles live projects hold', async () => {
      const { projects } = make();
      const owner = freshOwner();
      await projects.createProjects(owner, [project('Held')]);
      const verdict = await projects.createProjects(owner, [project('Free'), project('held '), project('Also free')]);
      expect(verdict).toEqual({ kind: 'conflict', taken: [1] });
    });

    it('answers the record of a key used before, and writes nothing', async () => {
      const { projects, records } = make();
      const owner = freshOwner();
      const idempotency = keyed('twice');
      const key = { owner, idempotency };
      const first = [project('First')];
      const ids = first.map(({ id }) => id);
      const joined = records.joinedSave(key, { ...complete({ status: 201, data: 1 }), projectIds: ids });
      expect(await projects.createProjects(owner, first, joined)).toEqual({ kind: 'created' });
      const again = records.joinedSave(key, complete({ status: 201 }));
      expect(await projects.createProjects(owner, [project('Second')], again)).toEqual({
        kind: 'held',
        held: { state: 'complete', fingerprint: idempotency.fingerprint, answer: { status: 201, data: 1 } },
      });
      expect(await projects.takenTitles(owner, [titleKey('Second')])).toEqual([]);
    });
  });

  describe('takenTitles', () => {
    it('names by index the titles live projects hold, writing nothing', async () => {
      const { projects } = make();
      const owner = freshOwner();
      await projects.createProjects(owner, [project('Held')]);
      const keys = ['free', 'Held', 'other'].map(titleKey);
      expect(await projects.takenTitles(owner, keys)).toEqual([1]);
      expect(await projects.takenTitles(owner, [titleKey('free')])).toEqual([]);
      expect(await projects.takenTitles(owner, keys)).toEqual([1]);
    });
  });

  describe('createPlanned', () => {
    it('creates a planned project, counts one made by an earlier attempt as created, and answers conflict for a held title', async () => {
      const { projects } = make();
      const owner = freshOwner();
      const planned = project('Planned');
      expect(await projects.createPlanned(owner, planned)).toEqual({ kind: 'created', project: planned });
      const retried = { ...planned, createdAt: '2000-01-01T00:00:00.000Z' };
      expect(await projects.createPlanned(owner, retried)).toEqual({ kind: 'created', project: planned });
      expect(await projects.createPlanned(owner, project('PLANNED'))).toEqual({ kind: 'conflict' });
    });
  });

  describe('the record store', () => {
    const leaseOf = (token: string) => ({ token, until: Date.now() + 10_000 });

    it('saves a rejection under a new key, and answers the record of a key used before', async () => {
      const { records } = make();
      const key = { owner: freshOwner(), idempotency: keyed('rejected') };
      const answer = { status: 409, error: { code: 'PROJECT_TITLE_CONFLICT' as const } };
      expect(await records.save(key, { state: RecordState.Complete, answer, projectIds: [] })).toBeUndefined();
      expect(await records.save(key, complete({ status: 201 }))).toEqual({
        state: 'complete',
        fingerprint: key.idempotency.fingerprint,
        answer,
      });
    });

    it('saves a plan, lets it be taken over only once its lease ended, and replays the answer once completed', async () => {
      const { records } = make();
      const owner = freshOwner();
      const idempotency = keyed('batch', { projects: ['a'] });
      const key = { owner, idempotency };
      const plan = { projects: [{ index: 0, id: project('a').id, createdAt: new Date().toISOString() }] };
      const first = leaseOf('first');
      expect(await records.save(key, { state: RecordState.Pending, plan, lease: first })).toBeUndefined();
      const pending = { state: 'pending', fingerprint: idempotency.fingerprint, plan, leaseUntil: first.until };
      const otherPlan = { projects: [{ index: 0, id: project('a').id, createdAt: new Date().toISOString() }] };
      const second = leaseOf('second');
      // The first attempt holds the lease: a duplicate finds its plan, and cannot take it over.
      expect(await records.save(key, { state: RecordState.Pending, plan: otherPlan, lease: second })).toEqual(pending);
      expect(await records.takeOver(key, second)).toBe(false);
      expect(await records.read(key)).toEqual(pending);
      await records.release(key, second);
      expect(await records.read(key)).toEqual(pending);
      await records.release(key, first);
      expect(await records.read(key)).toEqual({ ...pending, leaseUntil: 0 });
      expect(await records.takeOver(key, second)).toBe(true);
      expect(await records.read(key)).toEqual({ ...pending, leaseUntil: second.until });

      // Another request under the key cannot take the plan over, even once the lease has ended.
      const otherBody = { owner, idempotency: keyed('batch', { projects: ['b'] }) };
      await records.release(otherBody, second);
      expect(await records.takeOver(otherBody, leaseOf('third'))).toBe(false);
      expect(await records.complete(otherBody, second, complete({ status: 200 }))).toBe(false);

      const answer = { status: 200, data: { items: [], failures: [] } };
      // Only the attempt holding the lease completes the record, and only once.
      expect(await records.complete(key, first, { ...complete(answer), projectIds: ['lost'] })).toBe(false);
      expect(await records.complete(key, second, { ...complete(answer), projectIds: ['made'] })).toBe(true);
      expect(await records.complete(key, second, complete({ status: 200 }))).toBe(false);
      expect(await records.takeOver(key, leaseOf('fourth'))).toBe(false);
      const completed = { state: 'complete', fingerprint: idempotency.fingerprint, answer };
      expect(await records.read(key)).toEqual(completed);
      expect(await records.save(key, { state: RecordState.Pending, plan, lease: leaseOf('fifth') })).toEqual(completed);
    });

    it('lets one of several retries take over a plan whose lease ran out', async () => {
      const { records } = make();
      const key = { owner: freshOwner(), idempotency: keyed('batch', { projects: ['died'] }) };
      const plan = { projects: [{ index: 0, id: project('died').id, createdAt: new Date().toISOString() }] };
      const dead = { token: 'dead', until: Date.now() - 1 };
      expect(await records.save(key, { state: RecordState.Pending, plan, lease: dead })).toBeUndefined();
      const taken = await Promise.all(['a', 'b', 'c'].map((token) => records.takeOver(key, leaseOf(token))));
      expect(taken.sort()).toEqual([false, false, true]);
    });

    it('keeps an answer as its JSON text does: a field left undefined is not there when read', async () => {
      const { records } = make();
      const key = { owner: freshOwner(), idempotency: keyed('text') };
      const answer = { status: 201, data: { kept: 1, dropped: undefined } };
      await records.save(key, { state: RecordState.Complete, answer, projectIds: [] });
      expect((await records.read(key))?.state === 'complete' && (await records.read(key))).toStrictEqual({
        state: 'complete',
        fingerprint: key.idempotency.fingerprint,
        answer: { status: 201, data: { kept: 1 } },
      });
    });

    it('reads nothing under a key that has no record', async () => {
      const { records } = make();
      expect(await records.read({ owner: freshOwner(), idempotency: keyed('none') })).toBeUndefined();
    });
  });
}
