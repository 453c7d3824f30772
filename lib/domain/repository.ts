/**
 * The repository port: what the use cases need of storage, in the domain's words. The
 * DynamoDB adapter (lib/dynamodb) implements it; every write that must not race is
 * conditioned there, in the same request that makes it.
 */
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

/**
 * A write of another module that joins a create's transaction: the project port commits it
 * with the projects, all or nothing, and reads none of it. When its own condition fails,
 * nothing is written, and `held` turns what the write found in its place into its module's words.
 */
export interface JoinedWrite<Held> {
  /** The write in the adapter's own form, passed to the database as it is. */
  readonly write: unknown;
  /** What the write found in its place, from the adapter's own form of that item. */
  readonly held: (found: unknown) => Held;
}

/** What a create's transaction came to: written, refused by the joined write (what it found), or titles held (by index). */
export type CreateVerdict<Held> =
  | { kind: 'created' }
  | { kind: 'held'; held: Held }
  | { kind: 'conflict'; taken: number[] };

/** What a conditioned replacement of a project came to. */
export type ReplaceVerdict = 'replaced' | 'stale' | 'title-taken';

/** Creating projects, each with its title lock: all or nothing, or one by one under planned ids. */
export interface ProjectCreator {
  /** One project, or several all-or-nothing, with their title locks (and a joined write) in one transaction. */
  createProjects<Held = never>(
    owner: string,
    projects: readonly Project[],
    joined?: JoinedWrite<Held>,
  ): Promise<CreateVerdict<Held>>;
  /** Which of these title keys live projects of the owner hold (by index); writes nothing. */
  takenTitles(owner: string, titleKeys: readonly string[]): Promise<number[]>;
  /** Creates one project under the id a plan gave it; a project already made under that id counts as created. */
  createPlanned(owner: string, project: Project): Promise<{ kind: 'created'; project: Project } | { kind: 'conflict' }>;
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
  replaceProject(owner: string, current: StoredProject, next: Project): Promise<ReplaceVerdict>;
}

export interface Repository extends ProjectCreator, ProjectEditor, ProjectLister {}
