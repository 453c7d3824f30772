/**
 * The creating part of the repository port in memory, with the conditions of the DynamoDB
 * adapter (lib/dynamodb/creates.ts) and none of its I/O: the use cases' unit tests run against
 * it. Every method yields once first, so concurrent calls interleave as requests do.
 */
import type { IdempotencyRecord, StoredResponse } from '../../lib/domain/idempotency';
import type { Project } from '../../lib/domain/project';
import type { BatchPlan, ProjectCreator } from '../../lib/domain/repository';
import { titleKey } from '../../lib/domain/titles';

interface StoredRecord {
  fingerprint: string;
  state: 'pending' | 'complete';
  response?: StoredResponse;
  plan?: BatchPlan;
  lease?: string;
  leaseUntil?: number;
}

export interface MemoryCreator extends ProjectCreator {
  projects: Map<string, Project>;
  records: Map<string, StoredRecord>;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function memoryCreator(): MemoryCreator {
  const projects = new Map<string, Project>();
  const locks = new Map<string, string>();
  const records = new Map<string, StoredRecord>();
  const lockOf = (owner: string, title: string) => `${owner}\n${titleKey(title)}`;
  const recordOf = (stored: StoredRecord): IdempotencyRecord => ({
    fingerprint: stored.fingerprint,
    // A pending plan has no answer yet; its fingerprint answers for it (as the adapter's recordOf).
    response: stored.response ?? { status: 409 },
  });
  const put = (owner: string, project: Project) => {
    projects.set(`${owner}\n${project.id}`, project);
    locks.set(lockOf(owner, project.title), project.id);
  };

  return {
    projects,
    records,
    async createProjects(owner, batch, write) {
      await turn();
      const held = write && records.get(`${owner}\n${write.idempotency.digest}`);
      if (held) return { kind: 'recorded', record: recordOf(held) };
      const taken = batch.flatMap((project, index) => (locks.has(lockOf(owner, project.title)) ? [index] : []));
      if (taken.length > 0) return { kind: 'conflict', taken };
      for (const project of batch) put(owner, project);
      if (write) {
        records.set(`${owner}\n${write.idempotency.digest}`, {
          fingerprint: write.idempotency.fingerprint,
          state: 'complete',
          response: write.response,
        });
      }
      return { kind: 'created' };
    },
    async takenTitles(owner, keys) {
      await turn();
      return keys.flatMap((key, index) => (locks.has(`${owner}\n${key}`) ? [index] : []));
    },
    async recordResponse(owner, { idempotency, response }) {
      await turn();
      const held = records.get(`${owner}\n${idempotency.digest}`);
      if (held) return { kind: 'recorded', record: recordOf(held) };
      records.set(`${owner}\n${idempotency.digest}`, {
        fingerprint: idempotency.fingerprint,
        state: 'complete',
        response,
      });
      return { kind: 'saved' };
    },
    async createPlanned(owner, project) {
      await turn();
      const made = projects.get(`${owner}\n${project.id}`);
      if (made) return { kind: 'created', project: made };
      if (locks.has(lockOf(owner, project.title))) return { kind: 'conflict' };
      put(owner, project);
      return { kind: 'created', project };
    },
    async startBatch(owner, idempotency, plan, lease) {
      await turn();
      const held = records.get(`${owner}\n${idempotency.digest}`);
      if (!held) {
        const fields = { state: 'pending', plan, lease: lease.token, leaseUntil: lease.until } as const;
        records.set(`${owner}\n${idempotency.digest}`, { fingerprint: idempotency.fingerprint, ...fields });
        return { kind: 'started', plan };
      }
      if (held.state !== 'pending' || held.fingerprint !== idempotency.fingerprint)
        return { kind: 'recorded', record: recordOf(held) };
      if ((held.leaseUntil ?? 0) >= Date.now()) return { kind: 'running' };
      Object.assign(held, { lease: lease.token, leaseUntil: lease.until });
      return { kind: 'resumed', plan: held.plan ?? plan };
    },
    async finishBatch(owner, idempotency, response, _projectIds, lease) {
      await turn();
      const held = records.get(`${owner}\n${idempotency.digest}`);
      if (held?.state !== 'pending' || held.fingerprint !== idempotency.fingerprint || held.lease !== lease.token)
        return false;
      records.set(`${owner}\n${idempotency.digest}`, { fingerprint: held.fingerprint, state: 'complete', response });
      return true;
    },
    async batchState(owner, idempotency) {
      await turn();
      const held = records.get(`${owner}\n${idempotency.digest}`);
      if (held && (held.state !== 'pending' || held.fingerprint !== idempotency.fingerprint))
        return { kind: 'recorded', record: recordOf(held) };
      return { kind: 'pending', leaseUntil: held?.leaseUntil ?? 0 };
    },
    async releaseBatch(owner, idempotency, lease) {
      await turn();
      const held = records.get(`${owner}\n${idempotency.digest}`);
      if (held?.state === 'pending' && held.lease === lease.token) held.leaseUntil = 0;
    },
  };
}
