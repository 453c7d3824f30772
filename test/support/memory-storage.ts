/**
 * The storage of the create use cases in memory: the project creator and the record store,
 * with the conditions of the DynamoDB adapter (lib/dynamodb/creates.ts, records.ts) and none
 * of its I/O. test/support/storage-contract.ts runs the same tests on both, so that the two
 * cannot come apart. Every call yields once first, so concurrent calls interleave as requests do.
 */
import type { CreateStorage } from '../../lib/app/outcome';
import type { Project } from '../../lib/domain/project';
import type { JoinedWrite, ProjectCreator } from '../../lib/domain/repository';
import { titleKey } from '../../lib/domain/titles';
import {
  type IdempotencyRecord,
  leaseRanOut,
  type NewRecord,
  type PendingRecord,
  RECORD_TTL_SECONDS,
  RecordState,
} from '../../lib/idempotency/record';
import type { RecordKey, RecordStore } from '../../lib/idempotency/store';

/** A record as kept: what the store answers, the token of its lease, the projects it tells of, and when it expires (epoch seconds). */
interface Kept {
  record: IdempotencyRecord;
  lease?: string;
  projectIds: readonly string[];
  expiresAt: number;
}

/** The memory form of a joined write: what holds its place (undefined when free), and the write itself. */
interface MemoryWrite {
  found(): unknown;
  commit(): void;
}

export interface MemoryStorage extends CreateStorage {
  projects: ProjectCreator & { stored: Map<string, Project> };
  records: RecordStore & { stored: Map<string, Kept> };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const recordId = ({ owner, idempotency }: RecordKey) => `${owner}\n${idempotency.digest}`;

function memoryRecords(): MemoryStorage['records'] {
  const stored = new Map<string, Kept>();
  /** What the adapter's JSON text keeps of a value: undefined fields dropped, dates as text, no shared objects. */
  const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const kept = (record: NewRecord, key: RecordKey): Kept => {
    const { fingerprint } = key.idempotency;
    const expiresAt = Math.floor(Date.now() / 1000) + RECORD_TTL_SECONDS;
    return record.state === RecordState.Complete
      ? {
          record: { state: record.state, fingerprint, answer: asStored(record.answer) },
          projectIds: record.projectIds,
          expiresAt,
        }
      : {
          record: { state: record.state, fingerprint, plan: asStored(record.plan), leaseUntil: record.lease.until },
          lease: record.lease.token,
          projectIds: record.plan.projects.map((project) => project.id),
          expiresAt,
        };
  };
  /** The key's record, if it holds one that has not expired: save's condition. */
  const holding = (key: RecordKey) => {
    const held = stored.get(recordId(key));
    return held && held.expiresAt >= Math.floor(Date.now() / 1000) ? held.record : undefined;
  };
  /** The key's pending record, as the conditions of takeOver, complete and release read it. */
  const pending = (key: RecordKey) => {
    const held = stored.get(recordId(key));
    return held?.record.state === RecordState.Pending ? (held as Kept & { record: PendingRecord }) : undefined;
  };
  return {
    stored,
    joinedSave(key, record) {
      const write: MemoryWrite = {
        found: () => holding(key),
        commit: () => stored.set(recordId(key), kept(record, key)),
      };
      return { write, held: (found) => found as IdempotencyRecord };
    },
    async save(key, record) {
      await turn();
      const held = holding(key);
      if (held) return held;
      stored.set(recordId(key), kept(record, key));
      return undefined;
    },
    async read(key) {
      await turn();
      return stored.get(recordId(key))?.record;
    },
    async takeOver(key, lease) {
      await turn();
      const held = pending(key);
      if (held?.record.fingerprint !== key.idempotency.fingerprint || !leaseRanOut(held.record.leaseUntil))
        return false;
      held.lease = lease.token;
      held.record = { ...held.record, leaseUntil: lease.until };
      return true;
    },
    async complete(key, lease, record) {
      await turn();
      const held = pending(key);
      if (held?.record.fingerprint !== key.idempotency.fingerprint || held.lease !== lease.token) return false;
      stored.set(recordId(key), { ...kept(record, key), expiresAt: held.expiresAt });
      return true;
    },
    async release(key, lease) {
      await turn();
      const held = pending(key);
      if (held?.lease === lease.token) held.record = { ...held.record, leaseUntil: 0 };
    },
  };
}

function memoryProjects(): MemoryStorage['projects'] {
  const stored = new Map<string, Project>();
  const locks = new Map<string, string>();
  const lockOf = (owner: string, title: string) => `${owner}\n${titleKey(title)}`;
  const put = (owner: string, project: Project) => {
    stored.set(`${owner}\n${project.id}`, project);
    locks.set(lockOf(owner, project.title), project.id);
  };
  return {
    stored,
    async createProjects<Held>(owner: string, batch: readonly Project[], joined?: JoinedWrite<Held>) {
      await turn();
      const write = joined?.write as MemoryWrite | undefined;
      const found = write?.found();
      if (joined && found !== undefined) return { kind: 'held' as const, held: joined.held(found) };
      const taken = batch.flatMap((project, index) => (locks.has(lockOf(owner, project.title)) ? [index] : []));
      if (taken.length > 0) return { kind: 'conflict' as const, taken };
      for (const project of batch) put(owner, project);
      write?.commit();
      return { kind: 'created' as const };
    },
    async takenTitles(owner, keys) {
      await turn();
      return keys.flatMap((key, index) => (locks.has(`${owner}\n${key}`) ? [index] : []));
    },
    async createPlanned(owner, project) {
      await turn();
      const made = stored.get(`${owner}\n${project.id}`);
      if (made) return { kind: 'created', project: made };
      if (locks.has(lockOf(owner, project.title))) return { kind: 'conflict' };
      put(owner, project);
      return { kind: 'created', project };
    },
  };
}

export function memoryStorage(): MemoryStorage {
  return { projects: memoryProjects(), records: memoryRecords() };
}
