/**
 * Creating projects all or nothing, one (POST /projects) or a batch (POST /projects/batch,
 * atomic), with or without an Idempotency-Key: the projects, their title locks and the key's
 * record in one transaction. The caller makes the projects and the answer that tells of them;
 * the answer is what the key records, and what a retry under the key gets again.
 */

import type { Idempotency, StoredResponse } from '../domain/idempotency';
import type { Project } from '../domain/project';
import type { ProjectCreator } from '../domain/repository';
import { titleKey } from '../domain/titles';
import type { ErrorCode } from '../errors/catalog';
import { errorCatalog } from '../errors/catalog';
import { type ErrorDetail, reject } from '../errors/rejections';
import { replay } from './replay';

export const DUPLICATE_IN_BATCH = {
  en: 'Another project of this batch has the same title.',
  ko: '이 요청의 다른 프로젝트와 이름이 같습니다.',
};

/**
 * A title conflict: recorded under the key (when there is one) so that a retry gets the same
 * answer, then thrown. If the key already has a record (a concurrent attempt of the same
 * request made the projects), that record is the answer instead.
 */
export async function rejectConflict(
  repository: ProjectCreator,
  owner: string,
  idempotency: Idempotency | undefined,
  details?: ErrorDetail[],
): Promise<StoredResponse> {
  const code: ErrorCode = 'PROJECT_TITLE_CONFLICT';
  if (idempotency) {
    const response: StoredResponse = {
      status: errorCatalog[code].status,
      error: { code, ...(details ? { details } : {}) },
    };
    const saved = await repository.recordResponse(owner, { idempotency, response });
    if (saved.kind === 'recorded') return replay(saved.record, idempotency);
  }
  throw reject(code, details ? { details } : {});
}

/**
 * Writes the projects (and the key's record) in one transaction and answers: the answer,
 * or the key's earlier answer, or a 409 whose details `conflicts` makes of the held titles.
 */
async function commit(
  repository: ProjectCreator,
  owner: string,
  projects: Project[],
  answer: StoredResponse,
  idempotency: Idempotency | undefined,
  conflicts: (taken: number[]) => ErrorDetail[] | undefined,
): Promise<StoredResponse> {
  const outcome = await repository.createProjects(owner, projects, idempotency && { idempotency, response: answer });
  if (outcome.kind === 'created') return answer;
  if (outcome.kind === 'recorded' && idempotency) return replay(outcome.record, idempotency);
  return rejectConflict(repository, owner, idempotency, conflicts(outcome.kind === 'conflict' ? outcome.taken : []));
}

/** One project and its title lock (and the key's record) in one transaction; its 409 names no item. */
export function createProject(
  repository: ProjectCreator,
  owner: string,
  project: Project,
  answer: StoredResponse,
  idempotency: Idempotency | undefined,
): Promise<StoredResponse> {
  return commit(repository, owner, [project], answer, idempotency, () => undefined);
}

/** Indexes of items whose title key an earlier item of the batch already has. */
export function duplicatesInBatch(titleKeys: readonly string[]): Set<number> {
  const seen = new Set<string>();
  const duplicates = new Set<number>();
  titleKeys.forEach((key, index) => {
    if (seen.has(key)) duplicates.add(index);
    seen.add(key);
  });
  return duplicates;
}

const conflictDetail = (index: number, message: ErrorDetail['message']): ErrorDetail => ({
  index,
  code: 'PROJECT_TITLE_CONFLICT',
  message,
});

/** A batch, all projects in one transaction or none; a 409 names each offending item. */
export async function createAtomicBatch(
  repository: ProjectCreator,
  owner: string,
  projects: Project[],
  answer: StoredResponse,
  idempotency: Idempotency | undefined,
): Promise<StoredResponse> {
  const titleKeys = projects.map((project) => titleKey(project.title));
  const duplicates = duplicatesInBatch(titleKeys);
  if (duplicates.size > 0) {
    // DynamoDB refuses a transaction that touches one lock twice, so nothing is sent but
    // condition checks, which also name the titles that are held already.
    const unique = [...new Set(titleKeys)];
    const held = new Set((await repository.takenTitles(owner, unique)).map((index) => unique[index]));
    const details = titleKeys.flatMap((key, index) => {
      if (duplicates.has(index)) return [conflictDetail(index, DUPLICATE_IN_BATCH)];
      if (held.has(key)) return [conflictDetail(index, errorCatalog.PROJECT_TITLE_CONFLICT.text)];
      return [];
    });
    return rejectConflict(repository, owner, idempotency, details);
  }
  return commit(repository, owner, projects, answer, idempotency, (taken) =>
    taken.map((index) => conflictDetail(index, errorCatalog.PROJECT_TITLE_CONFLICT.text)),
  );
}
