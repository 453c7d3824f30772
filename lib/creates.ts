/**
 * Creating projects, one or a batch, with or without an Idempotency-Key: the orchestration
 * shared by POST /projects and POST /projects/batch.
 */
import {
  ApiError,
  type ErrorCode,
  type ErrorDetail,
  errorCatalog,
  errorMessage,
  type Language,
  localize,
  type ValidationError,
} from './errors';
import { type ApiResult, etag } from './http';
import { type Idempotency, replay, type StoredResponse } from './idempotency';
import { newId } from './ids';
import { type NewProject, newProject, type Project } from './repository';
import { CreateProjectBody } from './schemas';
import { repository } from './store';
import { titleKey } from './titles';
import { validate } from './validation';

/** How many per-item transactions of a best-effort batch run at once. */
export const BATCH_CONCURRENCY = 5;

const DUPLICATE_IN_BATCH = {
  en: 'Another project of this batch has the same title.',
  ko: '이 요청의 다른 프로젝트와 이름이 같습니다.',
};

/**
 * A title conflict: recorded under the key (when there is one) so that a retry gets the same
 * answer, then thrown. If the key already has a record, that record answers instead.
 */
async function rejectConflict(
  owner: string,
  idempotency: Idempotency | undefined,
  details?: ErrorDetail[],
): Promise<never> {
  const code: ErrorCode = 'PROJECT_TITLE_CONFLICT';
  if (idempotency) {
    const response: StoredResponse = {
      status: errorCatalog[code].status,
      error: { code, ...(details ? { details } : {}) },
    };
    const saved = await repository.recordResponse(owner, { idempotency, response });
    if (saved.kind === 'recorded') replay(saved.record, idempotency);
  }
  throw new ApiError(code, details ? { details } : {});
}

/** POST /projects: one project and its title lock (and the key's record) in one transaction. */
export async function createOne(
  owner: string,
  input: NewProject,
  idempotency: Idempotency | undefined,
): Promise<ApiResult> {
  const project = newProject(input);
  const response = {
    status: 201,
    data: project,
    headers: { location: `/projects/${project.id}`, etag: etag(project.version) },
  };
  // One project: its 409 names no item.
  return commit(owner, [project], response, idempotency, () => undefined);
}

/**
 * Writes the projects (and the key's record) in one transaction and answers: the response,
 * or the key's earlier answer, or a 409 whose details `conflicts` makes of the held titles.
 */
async function commit(
  owner: string,
  projects: Project[],
  response: ApiResult,
  idempotency: Idempotency | undefined,
  conflicts: (taken: number[]) => ErrorDetail[] | undefined,
): Promise<ApiResult> {
  const outcome = await repository.createProjects(owner, projects, idempotency && { idempotency, response });
  if (outcome.kind === 'created') return response;
  if (outcome.kind === 'recorded' && idempotency) return replay(outcome.record, idempotency);
  return rejectConflict(owner, idempotency, conflicts(outcome.kind === 'conflict' ? outcome.taken : []));
}

/** Indexes of items whose title key an earlier item of the batch already has. */
function duplicatesInBatch(titleKeys: readonly string[]): Set<number> {
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

/** POST /projects/batch with atomic: true — all projects in one transaction, or none. */
export async function createAtomicBatch(
  owner: string,
  inputs: readonly NewProject[],
  idempotency: Idempotency | undefined,
): Promise<ApiResult> {
  const titleKeys = inputs.map((input) => titleKey(input.title));
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
    return rejectConflict(owner, idempotency, details);
  }
  const now = new Date();
  const projects = inputs.map((input) => newProject(input, now));
  return commit(owner, projects, { status: 201, data: { items: projects } }, idempotency, (taken) =>
    taken.map((index) => conflictDetail(index, errorCatalog.PROJECT_TITLE_CONFLICT.text)),
  );
}

interface Failure {
  index: number;
  code: ErrorCode;
  message: string;
  errors?: { field?: string; message: string }[];
}

/** Runs `fn` over the items, at most `limit` at a time. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await fn(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * POST /projects/batch with atomic: false — every valid item in its own transaction, and a
 * report of each other item. Under a key, the plan (the id each valid item gets) is recorded
 * first: a retry after a crash resumes it, and a project an earlier attempt made counts as
 * made, so the retry never answers 409 for the client's own projects.
 */
export async function createBestEffortBatch(
  owner: string,
  rawItems: readonly unknown[],
  language: Language,
  idempotency: Idempotency | undefined,
): Promise<ApiResult> {
  const failures: Failure[] = [];
  const valid: { index: number; input: NewProject }[] = [];
  rawItems.forEach((raw, index) => {
    try {
      valid.push({ index, input: validate(CreateProjectBody, raw, language) });
    } catch (error) {
      const details = (error as ValidationError).details ?? [];
      failures.push({
        index,
        code: 'VALIDATION_FAILED',
        message: errorMessage('VALIDATION_FAILED', language),
        errors: details.map((detail) => ({ field: detail.field, message: localize(detail.message, language) })),
      });
    }
  });
  const duplicates = duplicatesInBatch(valid.map(({ input }) => titleKey(input.title)));
  const conflictMessage = errorMessage('PROJECT_TITLE_CONFLICT', language);
  const attempted = valid.filter((_, position) => {
    if (!duplicates.has(position)) return true;
    failures.push({
      index: valid[position]?.index ?? -1,
      code: 'PROJECT_TITLE_CONFLICT',
      message: `${conflictMessage} ${DUPLICATE_IN_BATCH[language]}`,
    });
    return false;
  });

  const now = new Date();
  let plan = {
    projects: attempted.map(({ index }) => ({ index, id: newId(now.getTime()), createdAt: now.toISOString() })),
  };
  if (idempotency) {
    const start = await repository.startBatch(owner, idempotency, plan);
    if (start.kind === 'recorded') return replay(start.record, idempotency);
    plan = start.plan;
  }
  const planned = new Map(plan.projects.map((entry) => [entry.index, entry]));

  const items: { index: number; project: Project }[] = [];
  let unavailable = false;
  await forEachConcurrently(attempted, BATCH_CONCURRENCY, async ({ index, input }) => {
    const entry = planned.get(index);
    const project = newProject(input, new Date(entry?.createdAt ?? now), entry?.id ?? newId());
    try {
      const outcome = await repository.createPlanned(owner, project);
      if (outcome.kind === 'created') items.push({ index, project: outcome.project });
      else failures.push({ index, code: 'PROJECT_TITLE_CONFLICT', message: conflictMessage });
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'SERVICE_UNAVAILABLE') throw error;
      unavailable = true;
      failures.push({ index, code: 'SERVICE_UNAVAILABLE', message: errorMessage('SERVICE_UNAVAILABLE', language) });
    }
  });

  const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;
  const data = { items: items.sort(byIndex), failures: failures.sort(byIndex) };
  // An item that met a passing fault leaves the plan open: a retry with the key resumes it.
  if (idempotency && !unavailable) {
    const projectIds = items.map(({ project }) => project.id);
    await repository.finishBatch(owner, idempotency, { status: 200, data }, projectIds);
  }
  return { status: 200, data };
}
