/**
 * The stored form of projects and title locks, and one builder per write of them: a project
 * put, a project update conditioned on what was read, a title lock put, check and delete.
 * Every write the project repository makes is built here, once (a key's record is built by
 * lib/dynamodb/records.ts).
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { isLive, type Project } from '../domain/project';
import type { StoredProject } from '../domain/repository';
import { listingKeys, lockKey, projectKey } from './keys';

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
  };
}
