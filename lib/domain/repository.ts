/**
 * The repository port: what the use cases need of storage, in the domain's words. The
 * DynamoDB adapter (lib/dynamodb) implements it; every write that must not race is
 * conditioned there, in the same request that makes it.
 */
import type { Idempotency, IdempotencyRecord, StoredResponse } from './idempotency';
import type { Project } from './project';

/** Where a page of a listing ends: the last project and its sort key in the listing index. */
export interface CursorPosition {
  id: string;
  sortKey: string;
}

export interface ListOptions {
  deleted: boolean;
  limit: number;
  after?: CursorPosition;
}

export interface ProjectPage {
  items: Project[];
  /** Where the next page starts, or undefined on the last page. */
  next: CursorPosition | undefined;
}

/** A project as stored: the resource and the title key its lock was taken under. */
export interface StoredProject {
  project: Project;
  titleKey: string;
}

/** A record to write with the projects, under the client's Idempotency-Key. */
export interface IdempotentWrite {
  idempotency: Idempotency;
  response: StoredResponse;
}

/** What became of a create: written, already answered under the key, or titles held (by index). */
export type CreateOutcome =
  | { kind: 'created' }
  | { kind: 'recorded'; record: IdempotencyRecord }
  | { kind: 'conflict'; taken: number[] };

/** A best-effort batch under a key: its plan (ids for the valid items) is recorded first. */
export interface BatchPlan {
  /** For each valid item of the request, by index, the id and time its project gets. */
  projects: { index: number; id: string; createdAt: string }[];
}

/**
 * Who is running a pending batch, and until when: one attempt at a time works on a plan, and
 * the others wait for its answer. A lease that ran out (its attempt died) is taken over.
 */
export interface BatchLease {
  token: string;
  /** Epoch milliseconds. */
  until: number;
}

export type BatchStart =
  | { kind: 'started'; plan: BatchPlan }
  | { kind: 'resumed'; plan: BatchPlan }
  /** Another attempt holds the lease: its answer is coming. */
  | { kind: 'running' }
  | { kind: 'recorded'; record: IdempotencyRecord };

/** What became of a conditioned replacement of a project. */
export type ReplaceOutcome = 'replaced' | 'stale' | 'title-taken';

/** Creating projects: one, a batch all or nothing, or a planned best-effort batch, with the key's record. */
export interface ProjectCreator {
  /** One project, or several all-or-nothing, with their title locks (and a record) in one transaction. */
  createProjects(owner: string, projects: readonly Project[], write?: IdempotentWrite): Promise<CreateOutcome>;
  /** Which of these title keys live projects of the owner hold (by index); writes nothing. */
  takenTitles(owner: string, titleKeys: readonly string[]): Promise<number[]>;
  /** Records a rejection that came of running the request, unless the key already has a record. */
  recordResponse(
    owner: string,
    write: IdempotentWrite,
  ): Promise<{ kind: 'saved' } | { kind: 'recorded'; record: IdempotencyRecord }>;
  /** Creates one project of a planned batch; a project already made under its id counts as created. */
  createPlanned(owner: string, project: Project): Promise<{ kind: 'created'; project: Project } | { kind: 'conflict' }>;
  /** Records the plan under the lease, or takes over a pending plan whose lease ran out. */
  startBatch(owner: string, idempotency: Idempotency, plan: BatchPlan, lease: BatchLease): Promise<BatchStart>;
  /** Completes the record with the answer, only if the plan is pending under this lease; false if it is not. */
  finishBatch(
    owner: string,
    idempotency: Idempotency,
    response: StoredResponse,
    projectIds: string[],
    lease: BatchLease,
  ): Promise<boolean>;
  /** The key's record as it stands (a strongly consistent read): its answer, or the lease of its pending plan. */
  batchState(
    owner: string,
    idempotency: Idempotency,
  ): Promise<{ kind: 'recorded'; record: IdempotencyRecord } | { kind: 'pending'; leaseUntil: number }>;
  /** Ends the lease of a plan left pending, so that a retry resumes it at once. */
  releaseBatch(owner: string, idempotency: Idempotency, lease: BatchLease): Promise<void>;
}

export interface ProjectReader {
  /** The project as stored, live or deleted (a strongly consistent read), or undefined. */
  readProject(owner: string, id: string): Promise<StoredProject | undefined>;
}

export interface ProjectLister {
  listProjects(owner: string, options: ListOptions): Promise<ProjectPage>;
}

/** Reading a project and writing it back changed. */
export interface ProjectEditor extends ProjectReader {
  /**
   * Writes `next` in place of `current`, only if the stored project is still the version and
   * state that was read ('stale' otherwise), freeing and taking title locks as the change of
   * state or title key needs ('title-taken' when the new title is held), all in one request.
   */
  replaceProject(owner: string, current: StoredProject, next: Project): Promise<ReplaceOutcome>;
}

export interface Repository extends ProjectCreator, ProjectEditor, ProjectLister {}
