/**
 * The key's record as an answer, unless it is the pending plan of this very request: a
 * completed record, or another request's record under the same key (its fingerprint answers).
 */
function answeredRecord(item: Record<string, unknown>, idempotency: Idempotency): IdempotencyRecord | undefined {
  const { state, fingerprint } = item as Partial<{ state: string; fingerprint: string }>;
  return state !== 'pending' || fingerprint !== idempotency.fingerprint ? recordOf(item) : undefined;
}

/**
 * Creating projects on DynamoDB: a project and its title lock (and the key's record) in one
 * TransactWriteItems, the lock conditioned on `attribute_not_exists(pk)`, so the database
 * itself refuses a second live holder of a title, whatever the concurrency.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Idempotency, IdempotencyRecord } from '../domain/idempotency';
import type { BatchLease, BatchPlan, ProjectCreator } from '../domain/repository';
import { titleKey } from '../domain/titles';
import { send } from './failures';
import { itemWriter, type ProjectItem, recordOf, storedAnswer, toProject } from './items';
import { recordKey } from './keys';
import { transact } from './transact';

export function createProjectCreator(client: DynamoDBDocumentClient, tableName: string): ProjectCreator {
  const write = itemWriter(tableName);

  /** Puts a record outside a transaction; the record already there when the key is taken. */
  async function putRecord(put: ReturnType<typeof write.recordPut>): Promise<Record<string, unknown> | undefined> {
    try {
      await send(() => client.send(new PutCommand(put.Put)));
      return undefined;
    } catch (error) {
      // Stryker disable next-line LogicalOperator: a failed condition always carries the record (ALL_OLD); without it, both forms end in a 500
      if (error instanceof ConditionalCheckFailedException && error.Item) return unmarshall(error.Item);
      throw error;
    }
  }

  /** An update of one item that only applies under its condition; false when the condition failed. */
  async function conditioned(update: Omit<UpdateCommandInput, 'TableName'>): Promise<boolean> {
    try {
      await send(() => client.send(new UpdateCommand({ TableName: tableName, ...update })));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** The lease of a pending plan of this request, if the one it had ran out. */
  function takeOver(owner: string, idempotency: Idempotency, lease: BatchLease): Promise<boolean> {
    return conditioned({
      Key: recordKey(owner, idempotency.digest),
      UpdateExpression: 'SET lease = :lease, leaseUntil = :until',
      ConditionExpression:
        '#state = :pending AND fingerprint = :fingerprint AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':lease': lease.token,
        ':until': lease.until,
        ':pending': 'pending',
        ':fingerprint': idempotency.fingerprint,
        ':now': Date.now(),
      },
    });
  }

  return {
    async createProjects(owner, projects, idempotent) {
      const items: [string, ReturnType<typeof write.projectPut>][] = [];
      projects.forEach((project, index) => {
        const key = titleKey(project.title);
        // Stryker disable next-line StringLiteral: no code asks for a project item by name (its condition fails only on an id collision, which is unexpected whatever it is called)
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
      // The only other condition: the title's lock is held.
      return { kind: 'conflict' };
    },

    async startBatch(owner, idempotency, plan, lease) {
      const ids = plan.projects.map((project) => project.id);
      const fields = { state: 'pending', plan, lease: lease.token, leaseUntil: lease.until } as const;
      const existing = await putRecord(write.recordPut(owner, idempotency, fields, ids));
      if (!existing) return { kind: 'started', plan };
      const answered = answeredRecord(existing, idempotency);
      if (answered) return { kind: 'recorded', record: answered };
      // The plan of the first attempt (a pending record always holds one), if its lease ran out.
      const { plan: planned } = existing as Partial<{ plan: BatchPlan }>;
      return (await takeOver(owner, idempotency, lease))
        ? { kind: 'resumed', plan: planned ?? plan }
        : { kind: 'running' };
    },

    async finishBatch(owner, idempotency, response, projectIds, lease) {
      return conditioned({
        Key: recordKey(owner, idempotency.digest),
        UpdateExpression:
          'SET #state = :complete, #response = :response, projectIds = :ids REMOVE #plan, lease, leaseUntil',
        ConditionExpression: '#state = :pending AND fingerprint = :fingerprint AND lease = :lease',
        ExpressionAttributeNames: { '#state': 'state', '#response': 'response', '#plan': 'plan' },
        ExpressionAttributeValues: {
          ':complete': 'complete',
          ':pending': 'pending',
          ':response': storedAnswer(response),
          ':ids': projectIds,
          ':fingerprint': idempotency.fingerprint,
          ':lease': lease.token,
        },
      });
    },

    async batchState(owner, idempotency) {
      const { Item } = await send(() =>
        client.send(
          new GetCommand({ TableName: tableName, Key: recordKey(owner, idempotency.digest), ConsistentRead: true }),
        ),
      );
      const answered = Item && answeredRecord(Item, idempotency);
      if (answered) return { kind: 'recorded', record: answered };
      // Pending (or gone, its time run out): free to take once the lease has run out.
      return { kind: 'pending', leaseUntil: (Item as { leaseUntil?: number } | undefined)?.leaseUntil ?? 0 };
    },

    async releaseBatch(owner, idempotency, lease) {
      await conditioned({
        Key: recordKey(owner, idempotency.digest),
        UpdateExpression: 'SET leaseUntil = :over',
        ConditionExpression: '#state = :pending AND lease = :lease',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':over': 0, ':pending': 'pending', ':lease': lease.token },
      });
    },
  };
}
