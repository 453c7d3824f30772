/**
 * Random operations on projects, for the randomized tests and the soak: creates (with and
 * without Idempotency-Key), renames, deletes, restores, batches, reads and lists, over a
 * small pool of titles that collide after normalization, so that conflicts are frequent.
 * A round runs its operations concurrently; every answer must be one the contract allows.
 */
import fc from 'fast-check';

export interface OpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

export interface OpReply {
  status: number;
  /** Response headers, lower-case names; a 503 counts as the contract's only with Retry-After. */
  headers?: Record<string, string | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: replies are arbitrary JSON
  json: any;
}

export type Send = (owner: string, request: OpRequest) => Promise<OpReply>;

const KINDS = [
  'create',
  'createKeyed',
  'rename',
  'describe',
  'delete',
  'restore',
  'batch',
  'batchLoose',
  'get',
  'list',
] as const;
export type OpKind = (typeof KINDS)[number];

export interface Op {
  kind: OpKind;
  title: number;
  other: number;
  ref: number;
  key: number;
}

/** Titles that collide in pairs after normalization (case, spacing, width). */
export const TITLES = ['Alpha', ' alpha', 'Beta', 'BETA', 'Gamma  Ray', 'gamma ray', 'Ｄelta', 'delta'];

/** What the contract allows each operation to answer; a 503 with Retry-After is allowed to any (contention). */
export const ALLOWED: Record<OpKind, number[]> = {
  create: [201, 409],
  createKeyed: [201, 409, 422],
  rename: [200, 404, 409],
  describe: [200, 404],
  delete: [204, 404],
  restore: [200, 404, 409],
  batch: [201, 409],
  batchLoose: [200],
  get: [200, 404],
  list: [200],
};

export const opArbitrary: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom(...KINDS),
  title: fc.nat(TITLES.length - 1),
  other: fc.nat(TITLES.length - 1),
  ref: fc.nat(50),
  key: fc.nat(3),
});

/** A round of operations that run at once. */
export const roundsArbitrary = (maxRounds: number, maxPerRound: number) =>
  fc.array(fc.array(opArbitrary, { minLength: 1, maxLength: maxPerRound }), { minLength: 1, maxLength: maxRounds });

function request(op: Op, known: readonly string[]): OpRequest {
  const title = TITLES[op.title] ?? 'x';
  const other = TITLES[op.other] ?? 'y';
  const id = known.length > 0 ? known[op.ref % known.length] : '01ARZ3NDEKTSV4RRFFQ69G5FAV';
  switch (op.kind) {
    case 'create':
      return { method: 'POST', path: '/projects', body: { title } };
    case 'createKeyed':
      return { method: 'POST', path: '/projects', body: { title }, headers: { 'idempotency-key': `key-${op.key}` } };
    case 'rename':
      return { method: 'PATCH', path: `/projects/${id}`, body: { title } };
    case 'describe':
      return { method: 'PATCH', path: `/projects/${id}`, body: { description: `d${op.other}` } };
    case 'delete':
      return { method: 'DELETE', path: `/projects/${id}` };
    case 'restore':
      return { method: 'POST', path: `/projects/${id}/restore` };
    case 'batch':
      return {
        method: 'POST',
        path: '/projects/batch',
        body: { projects: [{ title }, { title: `${other} ${op.key}` }] },
      };
    case 'batchLoose':
      return {
        method: 'POST',
        path: '/projects/batch',
        body: { atomic: false, projects: [{ title }, { title: other }] },
      };
    case 'get':
      return { method: 'GET', path: `/projects/${id}` };
    case 'list':
      return { method: 'GET', path: '/projects', query: op.key % 2 ? { deleted: 'true' } : {} };
  }
}

export interface Tally {
  operations: number;
  byStatus: Record<number, number>;
  /** 503 SERVICE_UNAVAILABLE with Retry-After: allowed under contention, counted apart. */
  unavailable: number;
  /** Answers the contract does not allow for their operation (any other 5xx, or a body out of the envelope). */
  unexpected: { op: Op; status: number; body: unknown }[];
}

export const newTally = (): Tally => ({ operations: 0, byStatus: {}, unavailable: 0, unexpected: [] });

/**
 * The contract's answers to retry: a function's 503 (the catalog code and a Retry-After the
 * client can follow), or API Gateway's own 503 or 429 (`{"message":"…"}`, the local stack's
 * queue or throttling).
 */
export function isContractUnavailable(reply: OpReply): boolean {
  const gateways = { 503: 'Service Unavailable', 429: 'Too Many Requests' } as Record<number, string>;
  const gateway = reply.json && Object.keys(reply.json).length === 1 && reply.json.message === gateways[reply.status];
  if (gateway) return true;
  return reply.status === 503 && reply.json?.code === 'SERVICE_UNAVAILABLE' && Boolean(reply.headers?.['retry-after']);
}

/**
 * Whether an answer is in the contract's shape: a success in `{ status: "Success", data }` (a
 * 204 with no body), a failure in `{ status: "Failed", code }`. The emulator's own answers
 * (`{ errorMessage, stackTrace }` with a 200) are not.
 */
export function inEnvelope(reply: OpReply): boolean {
  if (reply.status === 204) return reply.json === undefined;
  if (reply.status >= 200 && reply.status < 300) return reply.json?.status === 'Success' && 'data' in reply.json;
  return reply.json?.status === 'Failed' && typeof reply.json.code === 'string';
}

/** Ids of projects an answer created. */
function createdIds(reply: OpReply): string[] {
  const data = reply.json?.data;
  if (!data) return [];
  if (typeof data.id === 'string') return [data.id];
  const items = (data.items ?? []) as { id?: string; project?: { id: string } }[];
  return items.map((item) => item.project?.id ?? item.id).filter((id): id is string => typeof id === 'string');
}

/** Runs the rounds for one owner; `known` collects the ids of projects it created. */
export async function runRounds(
  send: Send,
  owner: string,
  rounds: readonly Op[][],
  tally: Tally,
  known: string[] = [],
) {
  for (const round of rounds) {
    const replies = await Promise.all(
      round.map(async (op) => {
        const reply = await send(owner, request(op, known));
        return { op, reply };
      }),
    );
    for (const { op, reply } of replies) {
      tally.operations += 1;
      tally.byStatus[reply.status] = (tally.byStatus[reply.status] ?? 0) + 1;
      if (isContractUnavailable(reply)) tally.unavailable += 1;
      else if (!ALLOWED[op.kind].includes(reply.status) || !inEnvelope(reply))
        tally.unexpected.push({ op, status: reply.status, body: reply.json });
      if (op.kind === 'create' || op.kind === 'createKeyed' || op.kind.startsWith('batch')) {
        for (const id of createdIds(reply)) if (!known.includes(id)) known.push(id);
      }
    }
  }
  return known;
}
