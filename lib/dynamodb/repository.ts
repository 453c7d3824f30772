/**
 * The repository port (lib/domain/repository.ts) on DynamoDB. A project and its title lock
 * are written in one TransactWriteItems, the lock conditioned on `attribute_not_exists(pk)`,
 * so the database itself refuses a second live holder of a title, whatever the concurrency.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { isLive } from '../domain/project';
import type { Repository } from '../domain/repository';
import { titleKey } from '../domain/titles';
import { send } from './failures';
import { itemWriter, type ProjectItem, recordOf, storedAnswer, toProject, toStored } from './items';
import { keys, projectKey, recordKey } from './keys';
import { type NamedItems, transact } from './transact';

export function createRepository(client: DynamoDBDocumentClient, tableName: string): Repository {
  const write = itemWriter(tableName);

  /** Puts a record outside a transaction; the record already there when the key is taken. */
  async function putRecord(put: ReturnType<typeof write.recordPut>): Promise<Record<string, unknown> | undefined> {
    try {
      await send(() => client.send(new PutCommand(put.Put)));
      return undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && error.Item) return unmarshall(error.Item);
      throw error;
    }
  }

  return {
    async createProjects(owner, projects, idempotent) {
      const items: [string, ReturnType<typeof write.projectPut>][] = [];
      projects.forEach((project, index) => {
        const key = titleKey(project.title);
        items.push([`project ${index}`, write.projectPut(owner, project, key)]);
        items.push([`lock ${index}`, write.lockPut(owner, key, project.id)]);
      });
      if (idempotent) {
        const fields = { state: 'complete', response: idempotent.response } as const;
        const ids = projects.map((project) => project.id);
        items.push(['record', write.recordPut(owner, idempotent.idempotency, fields, ids)]);
      }
      const failed = await transact(client, items);
      if (!failed) return { kind: 'created' };
      // The record first: a retry of a create that committed finds its own locks taken too.
      if (idempotent && failed.failed('record'))
        return { kind: 'recorded', record: recordOf(failed.oldItem('record')) };
      const taken = projects.flatMap((_, index) => (failed.failed(`lock ${index}`) ? [index] : []));
      if (taken.length > 0) return { kind: 'conflict', taken };
      throw new Error(`create transaction cancelled unexpectedly: ${failed.describe()}`);
    },

    async takenTitles(owner, titleKeys) {
      // Condition checks only: nothing is written, and the reasons name each held title.
      const failed = await transact(
        client,
        titleKeys.map((key, index) => [`lock ${index}`, write.lockCheck(owner, key)] as const),
      );
      return failed ? titleKeys.flatMap((_, index) => (failed.failed(`lock ${index}`) ? [index] : [])) : [];
    },

    async recordResponse(owner, { idempotency, response }) {
      const existing = await putRecord(write.recordPut(owner, idempotency, { state: 'complete', response }, []));
      return existing ? { kind: 'recorded', record: recordOf(existing) } : { kind: 'saved' };
    },

    async createPlanned(owner, project) {
      const key = titleKey(project.title);
      const put = write.projectPut(owner, project, key);
      const failed = await transact(client, [
        ['project', { Put: { ...put.Put, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } }],
        ['lock', write.lockPut(owner, key, project.id)],
      ]);
      if (!failed) return { kind: 'created', project };
      // An earlier attempt under the same key created it (it may have changed since).
      if (failed.failed('project'))
        return { kind: 'created', project: toProject(failed.oldItem('project') as unknown as ProjectItem) };
      if (failed.failed('lock')) return { kind: 'conflict' };
      throw new Error(`create transaction cancelled unexpectedly: ${failed.describe()}`);
    },

    async startBatch(owner, idempotency, plan) {
      const ids = plan.projects.map((project) => project.id);
      const existing = await putRecord(write.recordPut(owner, idempotency, { state: 'pending', plan }, ids));
      if (!existing) return { kind: 'started', plan };
      const {
        state,
        fingerprint,
        plan: planned,
      } = existing as Partial<{ state: string; fingerprint: string; plan: typeof plan }>;
      if (state === 'pending' && planned && fingerprint === idempotency.fingerprint)
        return { kind: 'resumed', plan: planned };
      return { kind: 'recorded', record: recordOf(existing) };
    },

    async finishBatch(owner, idempotency, response, projectIds) {
      await send(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: recordKey(owner, idempotency.digest),
            UpdateExpression: 'SET #state = :complete, #response = :response, projectIds = :ids REMOVE #plan',
            ConditionExpression: 'fingerprint = :fingerprint',
            ExpressionAttributeNames: { '#state': 'state', '#response': 'response', '#plan': 'plan' },
            ExpressionAttributeValues: {
              ':complete': 'complete',
              ':response': storedAnswer(response),
              ':ids': projectIds,
              ':fingerprint': idempotency.fingerprint,
            },
          }),
        ),
      );
    },

    async readProject(owner, id) {
      const { Item } = await send(() =>
        client.send(new GetCommand({ TableName: tableName, Key: projectKey(owner, id), ConsistentRead: true })),
      );
      return Item ? toStored(Item as ProjectItem) : undefined;
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

    async replaceProject(owner, current, next) {
      const id = current.project.id;
      const nextKey = isLive(next) ? titleKey(next.title) : current.titleKey;
      const wasLive = isLive(current.project);
      const moved = nextKey !== current.titleKey;
      const update = write.projectUpdate(owner, current, next, nextKey);
      const items: [string, NamedItems[number][1]][] = [['project', update]];
      // A live project holds the lock of its title key: free it when it is deleted or its key changes,
      // take the new one when it comes back or its key changes.
      if (wasLive && (!isLive(next) || moved)) items.push(['old lock', write.lockDelete(owner, current.titleKey, id)]);
      if (isLive(next) && (!wasLive || moved)) items.push(['new lock', write.lockPut(owner, nextKey, id)]);
      if (items.length === 1) {
        // Same title key (a change of case or spacing, or none): the lock stays as it is.
        try {
          await send(() => client.send(new UpdateCommand(update.Update)));
          return 'replaced';
        } catch (error) {
          if (error instanceof ConditionalCheckFailedException) return 'stale';
          throw error;
        }
      }
      const failed = await transact(client, items);
      if (!failed) return 'replaced';
      if (failed.failed('project')) return 'stale';
      if (items.some(([name]) => name === 'new lock') && failed.failed('new lock')) return 'title-taken';
      throw new Error(`project change cancelled unexpectedly: ${failed.describe()}`);
    },
  };
}
