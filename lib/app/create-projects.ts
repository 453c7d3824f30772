/**
 * Creating projects all or nothing, one (POST /projects) or a batch (POST /projects/batch,
 * atomic), with or without an Idempotency-Key: the projects, their title locks and the key's
 * record in one transaction. The caller makes the projects and the answer that tells of them;
 * the answer is what the key records, and what a retry under the key gets again.
 */
import type { Project } from '../domain/project';
import { titleKey } from '../domain/titles';
import { titleConflicts } from '../errors/rejections';
import type { Idempotency } from '../idempotency/key';
import { type Answer, RecordState } from '../idempotency/record';
import { replayOf } from '../idempotency/replay';
import type { CreateOutcome, CreateStorage, TitleConflict } from './outcome';

/** Who creates, the answer that tells of what is made, and the client's key, if any. */
interface CreateContext {
  owner: string;
  answer: Answer;
  idempotency: Idempotency | undefined;
}

export type CreateProjectRequest = CreateContext & { project: Project };
export type CreateBatchRequest = CreateContext & { projects: Project[] };

/**
 * A title conflict, recorded under the key (when there is one) as the rejection it is, its
 * code and the items it names, so that a retry comes to the same. If the key already has a
 * record (a concurrent attempt of the same request made the projects), that record is the
 * outcome instead.
 */
async function recordConflict(
  { records }: CreateStorage,
  owner: string,
  idempotency: Idempotency | undefined,
  items?: TitleConflict[],
): Promise<CreateOutcome> {
  if (idempotency) {
    const details = items ? { details: titleConflicts(items) } : {};
    const answer = { error: { code: 'PROJECT_TITLE_CONFLICT' as const, ...details } };
    const key = { owner, idempotency };
    const held = await records.save(key, { state: RecordState.Complete, answer, projectIds: [] });
    if (held) return { kind: 'replayed', answer: replayOf(held, idempotency) };
  }
  return { kind: 'conflict', ...(items ? { items } : {}) };
}

/**
 * Writes the projects (and the key's record) in one transaction: the answer, or the key's
 * earlier one, or a conflict whose items `conflicts` makes of the held titles' indexes (a
 * conflict without it names no item).
 */
async function commit(
  storage: CreateStorage,
  { owner, projects, answer, idempotency }: CreateBatchRequest,
  conflicts?: (taken: number[]) => TitleConflict[],
): Promise<CreateOutcome> {
  const projectIds = projects.map((project) => project.id);
  const record = { state: RecordState.Complete, answer, projectIds } as const;
  const joined = idempotency && storage.records.joinedSave({ owner, idempotency }, record);
  const verdict = await storage.projects.createProjects(owner, projects, joined);
  if (verdict.kind === 'created') return { kind: 'answered', answer };
  if (verdict.kind === 'conflict') return recordConflict(storage, owner, idempotency, conflicts?.(verdict.taken));
  // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable: only the key's joined write holds a create back
  if (!idempotency) throw new Error('A create without a key was refused by a joined write it did not make.');
  return { kind: 'replayed', answer: replayOf(verdict.held, idempotency) };
}

/** One project and its title lock (and the key's record) in one transaction; its conflict names no item. */
export function createProject(storage: CreateStorage, request: CreateProjectRequest): Promise<CreateOutcome> {
  const { project, ...context } = request;
  return commit(storage, { ...context, projects: [project] });
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
export async function createAtomicBatch(storage: CreateStorage, request: CreateBatchRequest): Promise<CreateOutcome> {
  const titleKeys = request.projects.map((project) => titleKey(project.title));
  const duplicates = duplicatesInBatch(titleKeys);
  if (duplicates.size > 0) {
    // DynamoDB refuses a transaction that touches one lock twice, so nothing is sent but
    // condition checks, which also name the titles that are held already.
    const unique = [...new Set(titleKeys)];
    const held = new Set((await storage.projects.takenTitles(request.owner, unique)).map((index) => unique[index]));
    const items = titleKeys.flatMap((key, index) =>
      duplicates.has(index) || held.has(key) ? [{ index, repeated: duplicates.has(index) }] : [],
    );
    return recordConflict(storage, request.owner, request.idempotency, items);
  }
  return commit(storage, request, (taken) => taken.map((index) => ({ index, repeated: false })));
}
