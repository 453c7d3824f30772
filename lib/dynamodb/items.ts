/**
 * The stored form of each kind of item, and one builder per write of it: a project put, a
 * project update conditioned on what was read, a title lock put and delete, an idempotency
 * record put. Every write the repository makes is built here, once.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  IDEMPOTENCY_TTL_SECONDS,
  type Idempotency,
  type IdempotencyRecord,
  type StoredResponse,
} from '../domain/idempotency';
import { isLive, type Project } from '../domain/project';
import type { BatchPlan, StoredProject } from '../domain/repository';
import { listingKeys, lockKey, projectKey, recordKey } from './keys';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Put = { Put: NonNullable<TransactItem['Put']> };
type Update = { Update: NonNullable<TransactItem['Update']> };
type Delete = { Delete: NonNullable<TransactItem['Delete']> };

/** The stored form of a project: the resource plus its keys and bookkeeping. */
export interface ProjectItem extends Project {
  pk: string;
  sk: string;
  type: 'project';
  owner: string;
  titleKey: string;
  gsi1pk: string;
  gsi1sk: string;
}

/** The fields of a project as stored and read back (test/unit/project-shape.test.ts keeps them the domain's). */
export const PROJECT_FIELDS = ['id', 'title', 'description', 'version', 'createdAt', 'updatedAt', 'deletedAt'] as const;

export function toProject(item: ProjectItem): Project {
  const project = {} as Record<string, unknown>;
  for (const field of PROJECT_FIELDS) project[field] = item[field] ?? null;
  return project as unknown as Project;
}

export const toStored = (item: ProjectItem): StoredProject => ({ project: toProject(item), titleKey: item.titleKey });

/**
 * The answer as stored: a JSON string, because DynamoDB keeps a map's keys in an order of its
 * own, and a replay must be the very same bytes as the first answer.
 */
export const storedAnswer = (response: StoredResponse): string => JSON.stringify(response);

/** A record the key already has (unmarshalled): what the key answered. */
export function recordOf(item: Record<string, unknown>): IdempotencyRecord {
  const { fingerprint, response } = item as { fingerprint: string; response?: string | StoredResponse };
  // A pending best-effort batch has no response yet; its fingerprint answers (422) for it.
  if (response === undefined) return { fingerprint, response: { status: 409 } };
  // Records written before answers were stored as strings hold a map: replayed as it is.
  return { fingerprint, response: typeof response === 'string' ? (JSON.parse(response) as StoredResponse) : response };
}

export type RecordFields =
  | { state: 'complete'; response: StoredResponse }
  | { state: 'pending'; plan: BatchPlan; lease: string; leaseUntil: number };

/** The writes of one table. */
export function itemWriter(tableName: string) {
  return {
    /** A new project, which must not exist yet. */
    projectPut(owner: string, project: Project, titleKey: string): Put {
      const item: ProjectItem = {
        ...projectKey(owner, project.id),
        type: 'project',
        owner,
        titleKey,
        ...listingKeys(owner, project),
        ...project,
      };
      return { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
    },

    /** `next` over the project, only if it is still the version and state that was read. */
    projectUpdate(owner: string, current: StoredProject, next: Project, titleKey: string): Update {
      const set: Record<string, unknown> = {
        title: next.title,
        titleKey,
        description: next.description,
        version: next.version,
        updatedAt: next.updatedAt,
        deletedAt: next.deletedAt,
        ...listingKeys(owner, next),
      };
      // The loop below names every field, #version and #deletedAt of the condition too.
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {
        ':expected': current.project.version,
        ':state': isLive(current.project) ? 'NULL' : 'S',
      };
      const assignments: string[] = [];
      for (const [field, value] of Object.entries(set)) {
        names[`#${field}`] = field;
        values[`:${field}`] = value;
        assignments.push(`#${field} = :${field}`);
      }
      return {
        Update: {
          TableName: tableName,
          Key: projectKey(owner, current.project.id),
          UpdateExpression: `SET ${assignments.join(', ')}`,
          ConditionExpression: '#version = :expected AND attribute_type(#deletedAt, :state)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      };
    },

    /** A title lock, which no live project may hold already. */
    lockPut(owner: string, titleKey: string, projectId: string): Put {
      return {
        Put: {
          TableName: tableName,
          Item: { ...lockKey(owner, titleKey), type: 'titleLock', owner, titleKey, projectId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
    },

    /** Checks that no live project holds a title, writing nothing. */
    lockCheck(owner: string, titleKey: string): { ConditionCheck: NonNullable<TransactItem['ConditionCheck']> } {
      return {
        ConditionCheck: {
          TableName: tableName,
          Key: lockKey(owner, titleKey),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
    },

    /** Frees a title lock, only if this project holds it. */
    lockDelete(owner: string, titleKey: string, projectId: string): Delete {
      return {
        Delete: {
          TableName: tableName,
          Key: lockKey(owner, titleKey),
          ConditionExpression: 'projectId = :id',
          ExpressionAttributeValues: { ':id': projectId },
        },
      };
    },

    /**
     * The idempotency record: complete (the response to replay) or, for a best-effort batch,
     * pending (its plan). It may replace only a record that has expired; when it may not, the
     * cancellation or the error carries the record that is there (ALL_OLD).
     */
    recordPut(owner: string, idempotency: Idempotency, fields: RecordFields, projectIds: string[]): Put {
      const now = Math.floor(Date.now() / 1000);
      return {
        Put: {
          TableName: tableName,
          Item: {
            ...recordKey(owner, idempotency.digest),
            type: 'idempotency',
            owner,
            fingerprint: idempotency.fingerprint,
            ...(fields.state === 'complete'
              ? { state: fields.state, response: storedAnswer(fields.response) }
              : fields),
            projectIds,
            createdAt: new Date(now * 1000).toISOString(),
            expiresAt: now + IDEMPOTENCY_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': now },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      };
    },
  };
}
