/**
 * A typed client of the Projects API, on openapi-fetch and the types generated from the
 * OpenAPI document (schema.d.ts). It adds what every caller needs:
 *
 * - the bearer token on every request;
 * - an `Idempotency-Key` on every create, generated when the caller gives none, and the same
 *   one on each retry, so that a retry can never create twice;
 * - retries of `503` and `429` after `Retry-After`, with a bounded backoff (retry.ts);
 * - answers as values: `{ ok: true, data }`, or `{ ok: false, error }` whose `error.code` is
 *   the catalog's code to branch on (`PROJECT_TITLE_CONFLICT` is a result like any other; an
 *   `INTERNAL_ERROR` carries the `requestId` to report). The answers API Gateway gives itself
 *   (`{"message":"Unauthorized"}` and the like, with no code) are results too, with the code
 *   their status stands for and `source: 'gateway'`. An answer neither the API nor the gateway
 *   gives (another success status, a body of another shape) throws UnexpectedResponseError:
 *   that is a broken contract, not a result.
 */
import createClient from 'openapi-fetch';
import { DEFAULT_RETRY, type RetryPolicy, retryingFetch } from './retry.js';
import type { components, operations, paths } from './schema.js';

export { DEFAULT_RETRY, type RetryPolicy } from './retry.js';

type Schemas = components['schemas'];
export type Project = Schemas['Project'];
export type ErrorCode = Schemas['ErrorCode'];
export type ErrorDetail = Schemas['ErrorDetail'];
export type NewProject = Schemas['NewProject'];
export type ProjectPatch = Schemas['ProjectPatch'];
export type BatchCreate = Schemas['BatchCreate'];
export type ProjectPage = Schemas['ProjectPageEnvelope']['data'];
export type BatchResult = Schemas['BatchCreatedEnvelope']['data'] | Schemas['BatchReportEnvelope']['data'];
export type ListQuery = NonNullable<operations['listProjects']['parameters']['query']>;

/** A failure the API answered, in either of its formats (the envelope or problem details), or API Gateway did. */
export interface ApiError {
  status: number;
  code: ErrorCode;
  message: string;
  /** The function's request id (`x-request-id`); for the gateway's own answers, its `apigw-requestid` (or empty). */
  requestId: string;
  /** Who answered: a function of the API (in its envelope), or API Gateway itself (`{"message": …}`). */
  source: 'api' | 'gateway';
  errors?: ErrorDetail[];
  /** `Retry-After` in seconds, where the answer sent one (a `503` still failing after the client's retries). */
  retryAfter?: number;
}

/**
 * The answers API Gateway gives itself, by status, and the catalog code each stands for
 * (the document's `GatewayMessage`; a test holds this to the server's list).
 */
export const GATEWAY_CODES: Readonly<Record<number, ErrorCode>> = {
  401: 'UNAUTHORIZED',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

interface Answer {
  status: number;
  headers: Headers;
}
export type Result<T> = (Answer & { ok: true; data: T; replayed: boolean }) | (Answer & { ok: false; error: ApiError });

export class UnexpectedResponseError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`the API answered ${status} with a body neither the OpenAPI document nor API Gateway gives`);
    this.name = 'UnexpectedResponseError';
  }
}

export interface ClientOptions {
  /** Where the API is, such as `http://localhost:3000`. */
  baseUrl: string;
  /** The bearer token, or a function that gives the current one (called for each request). */
  token?: string | (() => string | Promise<string>);
  retry?: Partial<RetryPolicy>;
  /** Another fetch (tests, instrumentation). */
  fetch?: (request: Request) => Promise<Response>;
  /** Another wait between retries (tests). */
  sleep?: (ms: number) => Promise<void>;
}

/** What a call may add: headers (`Accept-Language`, …) and a signal to abort it. */
export interface CallOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}
export interface CreateOptions extends CallOptions {
  /** The key of this create; a new one is generated when absent. Reuse it to retry the very same create. */
  idempotencyKey?: string;
}
export interface ConditionalOptions extends CallOptions {
  /** The ETag the change is based on (`"3"`), for `412` instead of overwriting someone else's change. */
  ifMatch?: string;
}

const CREATES = new Set(['/projects', '/projects/batch']);

function isFailureBody(
  body: unknown,
): body is { code: ErrorCode; requestId: string; message?: string; detail?: string } {
  if (!body || typeof body !== 'object') return false;
  const { code, requestId } = body as Record<string, unknown>;
  return typeof code === 'string' && typeof requestId === 'string';
}

/** API Gateway's own body: `{"message": "…"}` and nothing else. */
function isGatewayBody(body: unknown): body is { message: string } {
  if (!body || typeof body !== 'object') return false;
  const keys = Object.keys(body);
  return keys.length === 1 && keys[0] === 'message' && typeof (body as { message: unknown }).message === 'string';
}

/** An answer as a Result: the statuses the document gives for success, or a failure body. */
async function settle<T>(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  successes: readonly number[],
): Promise<Result<T>> {
  const { data, error, response } = await call;
  const { status, headers } = response;
  if (response.ok) {
    const envelope = data as { status?: string; data?: T } | undefined;
    if (!successes.includes(status) || (status !== 204 && envelope?.status !== 'Success')) {
      throw new UnexpectedResponseError(status, data);
    }
    return {
      ok: true,
      status,
      headers,
      data: envelope?.data as T,
      replayed: headers.get('idempotent-replayed') === 'true',
    };
  }
  const retryAfter = headers.get('retry-after');
  return {
    ok: false,
    status,
    headers,
    error: { ...failureOf(status, headers, error), ...(retryAfter !== null ? { retryAfter: Number(retryAfter) } : {}) },
  };
}

/** What failed: the API's envelope or problem details, or one of API Gateway's own answers; else a broken contract. */
function failureOf(status: number, headers: Headers, body: unknown): ApiError {
  const gatewayCode = GATEWAY_CODES[status];
  if (gatewayCode !== undefined && isGatewayBody(body)) {
    const requestId = headers.get('apigw-requestid') ?? '';
    return { status, code: gatewayCode, message: body.message, requestId, source: 'gateway' };
  }
  if (!isFailureBody(body)) throw new UnexpectedResponseError(status, body);
  return {
    status,
    code: body.code,
    // The envelope's message, or problem details' detail.
    message: body.message ?? body.detail ?? '',
    requestId: body.requestId,
    source: 'api',
    ...('errors' in body && Array.isArray(body.errors) ? { errors: body.errors as ErrorDetail[] } : {}),
  };
}

export function createProjectsClient(options: ClientOptions) {
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const api = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: retryingFetch(policy, options.fetch, options.sleep),
  });
  api.use({
    async onRequest({ request, schemaPath }) {
      const { token } = options;
      if (token !== undefined) {
        request.headers.set('authorization', `Bearer ${typeof token === 'function' ? await token() : token}`);
      }
      // Before the retries (which send clones of this request): every attempt carries the same key.
      if (request.method === 'POST' && CREATES.has(schemaPath) && !request.headers.has('idempotency-key')) {
        request.headers.set('idempotency-key', crypto.randomUUID());
      }
      return request;
    },
  });
  const init = ({ headers, signal }: CallOptions = {}, extra: Record<string, string | undefined> = {}) => {
    const all: Record<string, string> = { ...headers };
    for (const [name, value] of Object.entries(extra)) if (value !== undefined) all[name] = value;
    return { headers: all, ...(signal ? { signal } : {}) };
  };
  const byId = (id: string) => ({ path: { id } });

  return {
    /** The openapi-fetch client underneath, with the token, keys and retries, for what the methods do not cover. */
    api,
    createProject: (body: NewProject, call: CreateOptions = {}) =>
      settle<Project>(
        api.POST('/projects', { body, ...init(call, { 'idempotency-key': call.idempotencyKey }) }),
        [201],
      ),
    createProjects: (body: BatchCreate, call: CreateOptions = {}) =>
      settle<BatchResult>(
        api.POST('/projects/batch', { body, ...init(call, { 'idempotency-key': call.idempotencyKey }) }),
        [200, 201],
      ),
    listProjects: (query: ListQuery = {}, call?: CallOptions) =>
      settle<ProjectPage>(api.GET('/projects', { params: { query }, ...init(call) }), [200]),
    getProject: (id: string, call?: CallOptions) =>
      settle<Project>(api.GET('/projects/{id}', { params: byId(id), ...init(call) }), [200]),
    updateProject: (id: string, body: ProjectPatch, call: ConditionalOptions = {}) =>
      settle<Project>(
        api.PATCH('/projects/{id}', { params: byId(id), body, ...init(call, { 'if-match': call.ifMatch }) }),
        [200],
      ),
    deleteProject: (id: string, call: ConditionalOptions = {}) =>
      settle<undefined>(
        api.DELETE('/projects/{id}', { params: byId(id), ...init(call, { 'if-match': call.ifMatch }) }),
        [204],
      ),
    restoreProject: (id: string, call?: CallOptions) =>
      settle<Project>(api.POST('/projects/{id}/restore', { params: byId(id), ...init(call) }), [200]),
  };
}

export type ProjectsClient = ReturnType<typeof createProjectsClient>;
