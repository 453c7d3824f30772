/**
 * What a create came to, in the domain's words: the use cases return it, and the HTTP layer
 * (lib/http/answers.ts) turns it into the answer, fresh or replayed.
 */
import type { ProjectCreator } from '../domain/repository';
import type { Answer, RecordedAnswer } from '../idempotency/record';
import type { RecordStore } from '../idempotency/store';

/** What creating needs of storage: the projects, and the records of Idempotency-Keys. */
export interface CreateStorage {
  projects: ProjectCreator;
  records: RecordStore;
}

/** A batch item whose title is held already, or repeats the title of an earlier item of the batch. */
export interface TitleConflict {
  index: number;
  repeated: boolean;
}

export type CreateOutcome =
  /** The answer made for this request: recorded under its key, when it has one, with the write. */
  | { kind: 'answered'; answer: Answer }
  /** What the key's record holds: an earlier attempt of the same request came to that. */
  | { kind: 'replayed'; answer: RecordedAnswer }
  /** The title is held already; for a batch, the items in conflict, by index. */
  | { kind: 'conflict'; items?: TitleConflict[] };
