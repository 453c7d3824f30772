/**
 * The DynamoDB repository: the only module that talks to the AWS SDK.
 *
 * One table, two kinds of item under the owner's partition:
 *   project     pk = OWNER#<owner>  sk = PROJECT#<id>
 *   title lock  pk = OWNER#<owner>  sk = TITLE#<sha256(title key)>   (projectId → the holder)
 * A project and its lock are written in one TransactWriteItems, the lock conditioned on
 * `attribute_not_exists(pk)`, so the database itself refuses a second live holder of a
 * title, whatever the concurrency.
 */
import {
  type CancellationReason,
  ConditionalCheckFailedException,
  DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Config } from './config';
import type { CursorPosition } from './cursor';
import {
  PreconditionFailedError,
  ProjectNotDeletedError,
  ProjectNotFoundError,
  ProjectTitleConflictError,
  ProjectVersionConflictError,
  ServiceUnavailableError,
} from './errors';
import { IDEMPOTENCY_TTL_SECONDS, type Idempotency, type IdempotencyRecord, type StoredResponse } from './idempotency';
import { newId } from './ids';
import { titleKey, titleKeyDigest } from './titles';

/** A new project's resource, before it is written: id, timestamps, version 1. */
export function newProject(input: NewProject, now: Date = new Date(), id: string = newId(now.getTime())): Project {
  const timestamp = now.toISOString();
  return {
    id,
    title: input.title,
    description: input.description,
    version: 1,
    createdAt: timestamp,
    updatedAt: timestamp,
    deletedAt: null,
  };
}

export interface Project {
  id: string;
  title: string;
  description: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface NewProject {
  title: string;
  description: string;
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * `#` separates the parts of a key and `%` escapes: replacing both makes every owner id
 * map to its own key, so no owner id (`a#TITLE#x`, say) can reach another's items.
 */
export function escapeKeyPart(value: string): string {
  return value.replace(/%/g, '%25').replace(/#/g, '%23');
}

export const keys = {
  owner: (owner: string) => `OWNER#${escapeKeyPart(owner)}`,
  project: (id: string) => `PROJECT#${id}`,
  titleLock: (key: string) => `TITLE#${titleKeyDigest(key)}`,
  idempotency: (digest: string) => `IDEMPOTENCY#${digest}`,
  /** Partition of the listing index: the owner's live (or deleted) projects. */
  listing: (owner: string, state: 'LIVE' | 'DELETED') => `${keys.owner(owner)}#${state}`,
};

/** How often a transaction cancelled by contention or throttling is tried in all. */
export const TRANSACTION_ATTEMPTS = 4;
const BACKOFF_BASE_MS = 20;
const BACKOFF_CAP_MS = 400;

const RETRYABLE_CANCELLATION = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

const RETRYABLE_ERROR_NAMES = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionInProgressException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** Whether a failure of DynamoDB is worth a retry by the client (503), not a bug (500). */
export function isTransientDependencyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: string;
    code?: string;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number; attempts?: number };
  };
  if (e.name && RETRYABLE_ERROR_NAMES.has(e.name)) return true;
  if (e.code && NETWORK_ERROR_CODES.has(e.code)) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) return status >= 500;
  // The SDK tried (its retry layer counted the attempts) and never got an answer from
  // DynamoDB: a connection or network failure, whatever shape the error took on the way.
  return typeof (e.$metadata as { attempts?: unknown } | undefined)?.attempts === 'number';
}

function cancellationCodes(error: TransactionCanceledException): (string | undefined)[] {
  return (error.CancellationReasons ?? []).map((reason) => reason.Code);
}

/** Whether the condition of the transaction's item at `index` failed. */
function failedAt(reasons: readonly CancellationReason[], index: number): boolean {
  return reasons[index]?.Code === 'ConditionalCheckFailed';
}

const describe = (reasons: readonly CancellationReason[]) => reasons.map((reason) => reason.Code).join(',');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full jitter: a random wait up to an exponentially growing cap. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

/**
 * The DynamoDB client, with explicit timeouts and a bounded number of tries, so that a
 * slow or unreachable DynamoDB becomes a 503 well before the Lambda's own timeout.
 */
export function createDocumentClient(
  config: Pick<Config, 'region' | 'dynamodbEndpoint' | 'dynamodb'>,
): DynamoDBDocumentClient {
  const local = config.dynamodbEndpoint !== undefined;
  const client = new DynamoDBClient({
    region: config.region,
    maxAttempts: config.dynamodb.maxAttempts,
    requestHandler: {
      connectionTimeout: config.dynamodb.connectTimeoutMs,
      requestTimeout: config.dynamodb.requestTimeoutMs,
      // Without it, an exceeded request timeout only logs a warning and the request waits on.
      throwOnRequestTimeout: true,
    },
    ...(local
      ? { endpoint: config.dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export interface ProjectChanges {
  title?: string;
  description?: string;
}

/** What the client expects the project to be: `version` from the body, `If-Match` from headers. */
export interface Expectations {
  version?: number;
  /** Whether a version satisfies the client's `If-Match` (absent: any). */
  ifMatch?: (version: number) => boolean;
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

/** A record to write with the projects, under the client's Idempotency-Key. */
export interface IdempotentWrite {
  idempotency: Idempotency;
  response: StoredResponse;
}

/** What became of a create: written, already answered under the key, or titles held. */
export type CreateOutcome =
  | { kind: 'created' }
  | { kind: 'recorded'; record: IdempotencyRecord }
  | { kind: 'conflict'; taken: number[] };

/** A best-effort batch under a key: its plan (ids for the valid items) is recorded first. */
export interface BatchPlan {
  /** For each valid item of the request, by index, the id and time its project gets. */
  projects: { index: number; id: string; createdAt: string }[];
}

export type BatchStart =
  | { kind: 'started'; plan: BatchPlan }
  | { kind: 'resumed'; plan: BatchPlan }
  | { kind: 'recorded'; record: IdempotencyRecord };

export interface Repository {
  /** One project, or several all-or-nothing, with their title locks (and a record) in one transaction. */
  createProjects(owner: string, projects: readonly Project[], write?: IdempotentWrite): Promise<CreateOutcome>;
  /** Which of these title keys live projects of the owner hold (by index). */
  takenTitles(owner: string, titleKeys: readonly string[]): Promise<number[]>;
  /** Records a rejection that came of running the request, unless the key already has a record. */
  recordResponse(
    owner: string,
    write: IdempotentWrite,
  ): Promise<{ kind: 'saved' } | { kind: 'recorded'; record: IdempotencyRecord }>;
  /** Creates one project of a planned batch; a project already made under its id counts as created. */
  createPlanned(owner: string, project: Project): Promise<{ kind: 'created'; project: Project } | { kind: 'conflict' }>;
  startBatch(owner: string, idempotency: Idempotency, plan: BatchPlan): Promise<BatchStart>;
  finishBatch(owner: string, idempotency: Idempotency, response: StoredResponse, projectIds: string[]): Promise<void>;
  getProject(owner: string, id: string): Promise<Project>;
  listProjects(owner: string, options: ListOptions): Promise<ProjectPage>;
  updateProject(owner: string, id: string, changes: ProjectChanges, expect: Expectations): Promise<Project>;
  deleteProject(owner: string, id: string, expect: Expectations): Promise<void>;
  restoreProject(owner: string, id: string): Promise<Project>;
}

/** The stored form of a project: the resource plus its keys and bookkeeping. */
interface ProjectItem extends Project {
  pk: string;
  sk: string;
  type: 'project';
  owner: string;
  titleKey: string;
  gsi1pk: string;
  gsi1sk: string;
}

const PROJECT_FIELDS = ['id', 'title', 'description', 'version', 'createdAt', 'updatedAt', 'deletedAt'] as const;

function toProject(item: ProjectItem): Project {
  const project = {} as Record<string, unknown>;
  for (const field of PROJECT_FIELDS) project[field] = item[field] ?? null;
  return project as unknown as Project;
}

/** A record the key already has (from ALL_OLD, unmarshalled): what the key answered. */
function recordOf(item: Record<string, unknown>): IdempotencyRecord {
  const { fingerprint, response } = item as { fingerprint: string; response?: StoredResponse };
  // A pending best-effort batch has no response yet; its fingerprint answers (422) for it.
  return { fingerprint, response: response ?? { status: 409 } };
}

/** The unmarshalled item of a transaction cancellation reason (ALL_OLD). */
function oldItem(reason: CancellationReason | undefined): Record<string, unknown> {
  if (!reason?.Item) throw new Error('a condition failed without the old item');
  return unmarshall(reason.Item);
}

const isLive = (item: ProjectItem) => item.deletedAt === null || item.deletedAt === undefined;

/** Sort key in the listing index: creation order for live projects, deletion time in the trash. */
const liveSortKey = (id: string) => keys.project(id);
const deletedSortKey = (deletedAt: string, id: string) => `DELETED#${deletedAt}#${id}`;

/** How often a read-then-conditional-write is tried when a concurrent write slips in between. */
export const OPTIMISTIC_ATTEMPTS = 5;

export function createRepository(client: DynamoDBDocumentClient, tableName: string): Repository {
  /**
   * Runs one transaction. A cancellation that names a failed condition is returned for the
   * caller to interpret by index; contention and throttling are retried with backoff and
   * then answered 503; transient SDK failures are 503; anything else propagates as a bug.
   */
  async function transact(items: TransactItem[]): Promise<CancellationReason[] | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.send(new TransactWriteCommand({ TransactItems: items }));
        return undefined;
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          const codes = cancellationCodes(error);
          if (codes.includes('ConditionalCheckFailed')) return error.CancellationReasons ?? [];
          if (codes.some((code) => code !== undefined && RETRYABLE_CANCELLATION.has(code))) {
            if (attempt < TRANSACTION_ATTEMPTS) {
              await sleep(backoffMs(attempt));
              continue;
            }
            throw new ServiceUnavailableError(error);
          }
          throw error;
        }
        throw dependencyError(error);
      }
    }
  }

  /** Sends one request, turning transient failures into 503. */
  async function send<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw dependencyError(error);
    }
  }

  const projectKey = (owner: string, id: string) => ({ pk: keys.owner(owner), sk: keys.project(id) });
  const lockKey = (owner: string, key: string) => ({ pk: keys.owner(owner), sk: keys.titleLock(key) });
  const recordKey = (owner: string, idempotency: Idempotency) => ({
    pk: keys.owner(owner),
    sk: keys.idempotency(idempotency.digest),
  });

  function projectPut(owner: string, project: Project, key: string): { Put: NonNullable<TransactItem['Put']> } {
    const item: ProjectItem = {
      ...projectKey(owner, project.id),
      type: 'project',
      owner,
      titleKey: key,
      gsi1pk: keys.listing(owner, 'LIVE'),
      gsi1sk: liveSortKey(project.id),
      ...project,
    };
    return { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
  }

  function lockPut(owner: string, key: string, projectId: string): { Put: NonNullable<TransactItem['Put']> } {
    return {
      Put: {
        TableName: tableName,
        Item: { ...lockKey(owner, key), type: 'titleLock', owner, titleKey: key, projectId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /**
   * The idempotency record: complete (the response to replay) or, for a best-effort batch,
   * pending (its plan). It may replace only a record that has expired; when it may not, the
   * cancellation or the error carries the record that is there (ALL_OLD).
   */
  function recordPut(
    owner: string,
    idempotency: Idempotency,
    fields: { state: 'complete'; response: StoredResponse } | { state: 'pending'; plan: BatchPlan },
    projectIds: string[],
  ): { Put: NonNullable<TransactItem['Put']> } {
    const now = Math.floor(Date.now() / 1000);
    return {
      Put: {
        TableName: tableName,
        Item: {
          ...recordKey(owner, idempotency),
          type: 'idempotency',
          owner,
          fingerprint: idempotency.fingerprint,
          ...fields,
          projectIds,
          createdAt: new Date(now * 1000).toISOString(),
          expiresAt: now + IDEMPOTENCY_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': now },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  /** Puts a record outside a transaction; the record already there when the key is taken. */
  async function putRecord(put: {
    Put: NonNullable<TransactItem['Put']>;
  }): Promise<Record<string, unknown> | undefined> {
    try {
      await send(() => client.send(new PutCommand(put.Put)));
      return undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && error.Item) return unmarshall(error.Item);
      throw error;
    }
  }

  async function readItem(owner: string, id: string): Promise<ProjectItem | undefined> {
    const { Item } = await send(() =>
      client.send(new GetCommand({ TableName: tableName, Key: projectKey(owner, id), ConsistentRead: true })),
    );
    return Item as ProjectItem | undefined;
  }

  async function readLive(owner: string, id: string, expect: Expectations): Promise<ProjectItem> {
    const item = await readItem(owner, id);
    if (!item || !isLive(item)) throw new ProjectNotFoundError();
    if (expect.ifMatch && !expect.ifMatch(item.version)) throw new PreconditionFailedError();
    if (expect.version !== undefined && expect.version !== item.version) throw new ProjectVersionConflictError();
    return item;
  }

  /**
   * Reads the project, decides, and writes conditioned on the version it read. When a
   * concurrent write changed the project in between, it reads again and decides again:
   * the write is never based on a stale read, and a title lock is never left behind.
   */
  async function optimistic<T>(attemptOnce: () => Promise<T | typeof RETRY>): Promise<T> {
    for (let attempt = 1; attempt <= OPTIMISTIC_ATTEMPTS; attempt += 1) {
      const result = await attemptOnce();
      if (result !== RETRY) return result;
      if (attempt < OPTIMISTIC_ATTEMPTS) await sleep(backoffMs(attempt));
    }
    throw new ServiceUnavailableError();
  }

  /** The update of a project item conditioned on the version read and on its state. */
  function conditionedUpdate(
    owner: string,
    item: ProjectItem,
    set: Record<string, unknown>,
    state: 'live' | 'deleted',
  ): NonNullable<TransactItem['Update']> {
    const names: Record<string, string> = { '#version': 'version', '#deletedAt': 'deletedAt' };
    const values: Record<string, unknown> = {
      ':expected': item.version,
      ':state': state === 'live' ? 'NULL' : 'S',
    };
    const assignments: string[] = [];
    for (const [field, value] of Object.entries(set)) {
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      assignments.push(`#${field} = :${field}`);
    }
    return {
      TableName: tableName,
      Key: projectKey(owner, item.id),
      UpdateExpression: `SET ${assignments.join(', ')}`,
      ConditionExpression: '#version = :expected AND attribute_type(#deletedAt, :state)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
  }

  const nextVersion = (item: ProjectItem, now: string) => ({ version: item.version + 1, updatedAt: now });

  return {
    async createProjects(owner, projects, write) {
      const items: TransactItem[] = [];
      for (const project of projects) {
        const key = titleKey(project.title);
        items.push(projectPut(owner, project, key), lockPut(owner, key, project.id));
      }
      const RECORD = items.length;
      if (write) {
        const ids = projects.map((project) => project.id);
        items.push(recordPut(owner, write.idempotency, { state: 'complete', response: write.response }, ids));
      }
      const failed = await transact(items);
      if (!failed) return { kind: 'created' };
      // The record first: a retry of a create that committed finds its own locks taken too.
      if (write && failedAt(failed, RECORD)) return { kind: 'recorded', record: recordOf(oldItem(failed[RECORD])) };
      const taken = projects.flatMap((_, index) => (failedAt(failed, 2 * index + 1) ? [index] : []));
      if (taken.length > 0) return { kind: 'conflict', taken };
      throw new Error(`create transaction cancelled unexpectedly: ${describe(failed)}`);
    },

    async takenTitles(owner, titleKeys) {
      // Condition checks only: nothing is written, and the reasons name each held title.
      const failed = await transact(
        titleKeys.map((key) => ({
          ConditionCheck: {
            TableName: tableName,
            Key: lockKey(owner, key),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        })),
      );
      return failed ? titleKeys.flatMap((_, index) => (failedAt(failed, index) ? [index] : [])) : [];
    },

    async recordResponse(owner, write) {
      const existing = await putRecord(
        recordPut(owner, write.idempotency, { state: 'complete', response: write.response }, []),
      );
      return existing ? { kind: 'recorded', record: recordOf(existing) } : { kind: 'saved' };
    },

    async createPlanned(owner, project) {
      const key = titleKey(project.title);
      const PROJECT = 0;
      const LOCK = 1;
      const failed = await transact([
        { Put: { ...projectPut(owner, project, key).Put, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
        lockPut(owner, key, project.id),
      ]);
      if (!failed) return { kind: 'created', project };
      if (failedAt(failed, PROJECT)) {
        // An earlier attempt under the same key created it (it may have changed since).
        return { kind: 'created', project: toProject(oldItem(failed[PROJECT]) as unknown as ProjectItem) };
      }
      if (failedAt(failed, LOCK)) return { kind: 'conflict' };
      throw new Error(`create transaction cancelled unexpectedly: ${describe(failed)}`);
    },

    async startBatch(owner, idempotency, plan) {
      const ids = plan.projects.map((project) => project.id);
      const existing = await putRecord(recordPut(owner, idempotency, { state: 'pending', plan }, ids));
      if (!existing) return { kind: 'started', plan };
      const {
        state,
        fingerprint,
        plan: planned,
      } = existing as { state?: string; fingerprint?: string; plan?: BatchPlan };
      if (state === 'pending' && planned && fingerprint === idempotency.fingerprint)
        return { kind: 'resumed', plan: planned };
      return { kind: 'recorded', record: recordOf(existing) };
    },

    async finishBatch(owner, idempotency, response, projectIds) {
      await send(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: recordKey(owner, idempotency),
            UpdateExpression: 'SET #state = :complete, #response = :response, projectIds = :ids REMOVE #plan',
            ConditionExpression: 'fingerprint = :fingerprint',
            ExpressionAttributeNames: { '#state': 'state', '#response': 'response', '#plan': 'plan' },
            ExpressionAttributeValues: {
              ':complete': 'complete',
              ':response': response,
              ':ids': projectIds,
              ':fingerprint': idempotency.fingerprint,
            },
          }),
        ),
      );
    },

    async getProject(owner, id) {
      return toProject(await readLive(owner, id, {}));
    },

    async listProjects(owner, { deleted, limit, after }) {
      const partition = keys.listing(owner, deleted ? 'DELETED' : 'LIVE');
      // One more than asked: whether it comes back tells if there is a next page, so the
      // last page never ends with a cursor to an empty one.
      const { Items = [] } = await send(() =>
        client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :partition',
            ExpressionAttributeValues: { ':partition': partition },
            ScanIndexForward: false,
            Limit: limit + 1,
            ...(after
              ? { ExclusiveStartKey: { ...projectKey(owner, after.id), gsi1pk: partition, gsi1sk: after.sortKey } }
              : {}),
          }),
        ),
      );
      const page = (Items as ProjectItem[]).slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(toProject),
        next: Items.length > limit && last ? { id: last.id, sortKey: last.gsi1sk } : undefined,
      };
    },

    async updateProject(owner, id, changes, expect) {
      return optimistic(async () => {
        const item = await readLive(owner, id, expect);
        const title = changes.title ?? item.title;
        const description = changes.description ?? item.description;
        if (title === item.title && description === item.description) return toProject(item);
        const now = new Date().toISOString();
        const key = titleKey(title);
        const set = { title, titleKey: key, description, ...nextVersion(item, now) };
        const update = conditionedUpdate(owner, item, set, 'live');
        const updated = toProject({ ...item, ...set });
        if (key === item.titleKey) {
          // Same title key (a change of case or spacing, or none): the lock stays as it is.
          try {
            await send(() => client.send(new UpdateCommand(update)));
          } catch (error) {
            if (error instanceof ConditionalCheckFailedException) return RETRY;
            throw error;
          }
          return updated;
        }
        const PROJECT = 0;
        const OLD_LOCK = 1;
        const NEW_LOCK = 2;
        const failed = await transact([
          { Update: update },
          {
            Delete: {
              TableName: tableName,
              Key: lockKey(owner, item.titleKey),
              ConditionExpression: 'projectId = :id',
              ExpressionAttributeValues: { ':id': id },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { ...lockKey(owner, key), type: 'titleLock', owner, titleKey: key, projectId: id },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]);
        if (!failed) return updated;
        if (failedAt(failed, PROJECT)) return RETRY;
        if (failedAt(failed, NEW_LOCK)) throw new ProjectTitleConflictError();
        throw new Error(`rename cancelled unexpectedly (old lock ${failed[OLD_LOCK]?.Code}): ${describe(failed)}`);
      });
    },

    async deleteProject(owner, id, expect) {
      return optimistic(async () => {
        const item = await readLive(owner, id, expect);
        const now = new Date().toISOString();
        const set = {
          deletedAt: now,
          gsi1pk: keys.listing(owner, 'DELETED'),
          gsi1sk: deletedSortKey(now, id),
          ...nextVersion(item, now),
        };
        const PROJECT = 0;
        const failed = await transact([
          { Update: conditionedUpdate(owner, item, set, 'live') },
          {
            Delete: {
              TableName: tableName,
              Key: lockKey(owner, item.titleKey),
              ConditionExpression: 'projectId = :id',
              ExpressionAttributeValues: { ':id': id },
            },
          },
        ]);
        if (!failed) return undefined;
        if (failedAt(failed, PROJECT)) return RETRY;
        throw new Error(`delete cancelled unexpectedly: ${describe(failed)}`);
      });
    },

    async restoreProject(owner, id) {
      return optimistic(async () => {
        const item = await readItem(owner, id);
        if (!item) throw new ProjectNotFoundError();
        if (isLive(item)) throw new ProjectNotDeletedError();
        const now = new Date().toISOString();
        const set = {
          deletedAt: null,
          gsi1pk: keys.listing(owner, 'LIVE'),
          gsi1sk: liveSortKey(id),
          ...nextVersion(item, now),
        };
        const PROJECT = 0;
        const LOCK = 1;
        const failed = await transact([
          { Update: conditionedUpdate(owner, item, set, 'deleted') },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...lockKey(owner, item.titleKey),
                type: 'titleLock',
                owner,
                titleKey: item.titleKey,
                projectId: id,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]);
        if (!failed) return toProject({ ...item, ...set });
        if (failedAt(failed, PROJECT)) return RETRY;
        if (failedAt(failed, LOCK)) throw new ProjectTitleConflictError();
        throw new Error(`restore cancelled unexpectedly: ${describe(failed)}`);
      });
    },
  };
}

const RETRY: unique symbol = Symbol('retry');

/** A transient failure of DynamoDB becomes a 503; anything else stays what it is (a 500). */
function dependencyError(error: unknown): unknown {
  return isTransientDependencyError(error) ? new ServiceUnavailableError(error) : error;
}
