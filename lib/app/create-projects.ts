/**
 * Creating projects all or nothing, one (POST /projects) or a batch (POST /projects/batch,
 * atomic), with or without an Idempotency-Key: the projects, their title locks and the key's
 * record in one transaction. The caller makes the projects and the answer that tells of them;
 * the answer is what the key records, and what a retry under the key gets again.
 */

import type { Answer, Idempotency } from '../domain/idempotency';
import type { Project } from '../domain/project';
import type { ProjectCreator } from '../domain/repository';
import { titleKey } from '../domain/titles';
import { titleConflicts } from '../errors/rejections';
import { type Outcome, replayed, type TitleConflict } from './outcome';

/**
 * A title conflict, recorded under the key (when there is one) as the rejection it is, its
 * code and the items it names, so that a retry comes to the same. If the key already has a
 * record (a concurrent attempt of the same request made the projects), that record is the
 * outcome instead.
 */
async function recordConflict(
  repository: ProjectCreator,
  owner: string,
  idempotency: Idempotency | undefined,
  items?: TitleConflict[],
): Promise<Outcome> {
  if (idempotency) {
    const details = items ? { details: titleConflicts(items) } : {};
    const response = { error: { code: 'PROJECT_TITLE_CONFLICT' as const, ...details } };
    const saved = await repository.recordResponse(owner, { idempotency, response });
    if (saved.kind === 'recorded') return replayed(saved.record, idempotency);
  }
  return { kind: 'conflict', ...(items ? { items } : {}) };
}

/**
 * Writes the projects (and the key's record) in one transaction: the answer, or the key's
 * earlier one, or a conflict whose items `conflicts` makes of the held titles' indexes.
 */
async function commit(
  repository: ProjectCreator,
  owner: string,
  projects: Project[],
  answer: Answer,
  idempotency: Idempotency | undefined,
  conflicts: (taken: number[]) => TitleConflict[] | undefined,
): Promise<Outcome> {
  const written = await repository.createProjects(owner, projects, idempotency && { idempotency, response: answer });
  if (written.kind === 'created') return { kind: 'answered', answer };
  if (written.kind === 'conflict') return recordConflict(repository, owner, idempotency, conflicts(written.taken));
  if (!idempotency) throw new Error('The repository found a key’s record for a write without a key.');
  return replayed(written.record, idempotency);
}

/** One project and its title lock (and the key's record) in one transaction; its conflict names no item. */
export function createProject(
  repository: ProjectCreator,
  owner: string,
  project: Project,
  answer: Answer,
  idempotency: Idempotency | undefined,
): Promise<Outcome> {
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

/** A batch, all projects in one transaction or none; a conflict names each item in conflict. */
export async function createAtomicBatch(
  repository: ProjectCreator,
  owner: string,
  projects: Project[],
  answer: Answer,
  idempotency: Idempotency | undefined,
): Promise<Outcome> {
  const titleKeys = projects.map((project) => titleKey(project.title));
  const duplicates = duplicatesInBatch(titleKeys);
  if (duplicates.size > 0) {
    // DynamoDB refuses a transaction that touches one lock twice, so nothing is sent but
    // condition checks, which also name the titles that are held already.
    const unique = [...new Set(titleKeys)];
    const held = new Set((await repository.takenTitles(owner, unique)).map((index) => unique[index]));
    const items = titleKeys.flatMap((key, index) =>
      duplicates.has(index) || held.has(key) ? [{ index, repeated: duplicates.has(index) }] : [],
    );
    return recordConflict(repository, owner, idempotency, items);
  }
  return commit(repository, owner, projects, answer, idempotency, (taken) =>
    taken.map((index) => ({ index, repeated: false })),
  );
}
