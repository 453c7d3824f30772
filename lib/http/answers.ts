/**
 * The answers of the create routes. Those that tell of projects made are built before the
 * write, because a key's record stores the answer exactly as it is sent, in the transaction
 * that creates the projects; `answerOf` turns what a create came to, fresh or replayed, into
 * the answer, and a replay sends the recorded answer's very bytes.
 */
import type { CreateOutcome } from '../app/outcome';
import type { Project } from '../domain/project';
import { reject, titleConflicts } from '../errors/rejections';
import { type Answer, isRecordedRejection, type RecordedAnswer } from '../idempotency/record';
import { etag } from './conditional';

/** The header a replayed answer carries, success or rejection. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/** 201 with the project, where it lives and its version. */
export const projectCreated = (project: Project): Answer => ({
  status: 201,
  data: project,
  headers: { location: `/projects/${project.id}`, etag: etag(project.version) },
});

/** 201 with the projects of an atomic batch, in request order. */
export const batchCreated = (items: Project[]): Answer => ({ status: 201, data: { items } });

/** The key's recorded answer again, marked as a replay; a recorded rejection is thrown again. */
function replayed(recorded: RecordedAnswer): Answer {
  const marker = { [REPLAYED_HEADER]: 'true' };
  if (isRecordedRejection(recorded)) {
    const { code, details } = recorded.error;
    throw reject(code, { ...(details ? { details } : {}), headers: marker });
  }
  return {
    status: recorded.status,
    ...(recorded.data === undefined ? {} : { data: recorded.data }),
    headers: { ...recorded.headers, ...marker },
  };
}

/** The answer to a create: the one made for it, the key's record replayed, or 409 for a held title. */
export function answerOf(outcome: CreateOutcome): Answer {
  switch (outcome.kind) {
    case 'answered':
      return outcome.answer;
    case 'replayed':
      return replayed(outcome.answer);
    case 'conflict':
      throw reject('PROJECT_TITLE_CONFLICT', outcome.items ? { details: titleConflicts(outcome.items) } : {});
  }
}
