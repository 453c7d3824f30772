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
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Config } from './config';
import { ProjectTitleConflictError, ServiceUnavailableError } from './errors';
import { newId } from './ids';
import { titleKey, titleKeyDigest } from './titles';

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
  const e = error as { name?: string; code?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  if (e.name && RETRYABLE_ERROR_NAMES.has(e.name)) return true;
  if (e.code && NETWORK_ERROR_CODES.has(e.code)) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}

function cancellationCodes(error: TransactionCanceledException): (string | undefined)[] {
  return (error.CancellationReasons ?? []).map((reason) => reason.Code);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full jitter: a random wait up to an exponentially growing cap. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

export function createDocumentClient(config: Pick<Config, 'region' | 'dynamodbEndpoint'>): DynamoDBDocumentClient {
  const local = config.dynamodbEndpoint !== undefined;
  const client = new DynamoDBClient({
    region: config.region,
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
    ...(local
      ? { endpoint: config.dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export interface Repository {
  createProject(owner: string, input: NewProject): Promise<Project>;
}

export function createRepository(client: DynamoDBDocumentClient, tableName: string): Repository {
  /**
   * Runs one transaction. A cancellation that names a failed condition is returned for the
   * caller to interpret by index; contention and throttling are retried with backoff and
   * then answered 503; transient SDK failures are 503; anything else propagates as a bug.
   */
  async function transact(items: TransactItem[]): Promise<(string | undefined)[] | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.send(new TransactWriteCommand({ TransactItems: items }));
        return undefined;
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          const codes = cancellationCodes(error);
          if (codes.includes('ConditionalCheckFailed')) return codes;
          if (codes.some((code) => code !== undefined && RETRYABLE_CANCELLATION.has(code))) {
            if (attempt < TRANSACTION_ATTEMPTS) {
              await sleep(backoffMs(attempt));
              continue;
            }
            throw new ServiceUnavailableError(error);
          }
          throw error;
        }
        if (isTransientDependencyError(error)) throw new ServiceUnavailableError(error);
        throw error;
      }
    }
  }

  return {
    async createProject(owner, input) {
      const now = new Date();
      const timestamp = now.toISOString();
      const project: Project = {
        id: newId(now.getTime()),
        title: input.title,
        description: input.description,
        version: 1,
        createdAt: timestamp,
        updatedAt: timestamp,
        deletedAt: null,
      };
      const ownerKey = keys.owner(owner);
      const key = titleKey(project.title);
      const items: TransactItem[] = [
        {
          Put: {
            TableName: tableName,
            Item: {
              pk: ownerKey,
              sk: keys.project(project.id),
              type: 'project',
              owner,
              titleKey: key,
              gsi1pk: keys.listing(owner, 'LIVE'),
              gsi1sk: keys.project(project.id),
              ...project,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: {
              pk: ownerKey,
              sk: keys.titleLock(key),
              type: 'titleLock',
              owner,
              titleKey: key,
              projectId: project.id,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ];
      const LOCK = 1;
      const failed = await transact(items);
      if (failed?.[LOCK] === 'ConditionalCheckFailed') throw new ProjectTitleConflictError();
      if (failed) throw new Error(`create transaction cancelled unexpectedly: ${failed.join(',')}`);
      return project;
    },
  };
}
