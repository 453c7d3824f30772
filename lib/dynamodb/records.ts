/**
 * The record store (lib/idempotency/store.ts) on DynamoDB. A record is one item under the
 * owner's partition (lib/dynamodb/keys.ts), saved only where the key has none or an expired
 * one, and changed only under the conditions of its state, its fingerprint and its lease.
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
import {
  type BatchPlan,
  type IdempotencyRecord,
  type NewRecord,
  RECORD_TTL_SECONDS,
  type RecordedAnswer,
  RecordState,
} from '../idempotency/record';
import type { RecordKey, RecordStore } from '../idempotency/store';
import { send } from './failures';
import { recordKey } from './keys';

/**
 * The answer as stored: a JSON string, because DynamoDB keeps a map's keys in an order of its
 * own, and a replay must be the very same bytes as the first answer.
 */
export const answerText = (answer: RecordedAnswer): string => JSON.stringify(answer);

/** A record as stored (unmarshalled): what `recordPut` writes and the updates below change. */
interface RecordItem {
  state?: string;
  fingerprint: string;
  /** A complete record's answer: a JSON string, or a map in records written before answers were strings. */
  response?: string | RecordedAnswer;
  plan?: BatchPlan;
  leaseUntil?: number;
}

/** A record as read, in the idempotency module's words. */
export function recordOf(item: Record<string, unknown>): IdempotencyRecord {
  const { state, fingerprint, response, plan, leaseUntil } = item as unknown as RecordItem;
  // A pending record always holds its plan.
  if (state === RecordState.Pending)
    return { state, fingerprint, plan: plan as BatchPlan, leaseUntil: leaseUntil ?? 0 };
  // A complete record without its answer is not one this code or an earlier release wrote: an exception.
  if (response === undefined) throw new Error('an idempotency record holds neither a plan nor an answer');
  const answer = typeof response === 'string' ? (JSON.parse(response) as RecordedAnswer) : response;
  return { state: RecordState.Complete, fingerprint, answer };
}

/**
 * The put of a new record: complete (the answer to replay) or pending (a plan, under a lease).
 * It may replace only a record that has expired; when it may not, the cancellation or the error
 * carries the record that is there (ALL_OLD).
 */
export function recordPut(tableName: string, { owner, idempotency }: RecordKey, record: NewRecord) {
  const now = Math.floor(Date.now() / 1000);
  const fields =
    record.state === RecordState.Complete
      ? { state: record.state, response: answerText(record.answer), projectIds: record.projectIds }
      : {
          state: record.state,
          plan: record.plan,
          lease: record.lease.token,
          leaseUntil: record.lease.until,
          projectIds: record.plan.projects.map((project) => project.id),
        };
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...recordKey(owner, idempotency.digest),
        type: 'idempotency',
        owner,
        fingerprint: idempotency.fingerprint,
        ...fields,
        createdAt: new Date(now * 1000).toISOString(),
        expiresAt: now + RECORD_TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
      ExpressionAttributeValues: { ':now': now },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    },
  };
}

export function createRecordStore(client: DynamoDBDocumentClient, tableName: string): RecordStore {
  /** An update of the key's record that only applies under its condition; false when the condition failed. */
  async function conditioned(key: RecordKey, update: Omit<UpdateCommandInput, 'TableName' | 'Key'>): Promise<boolean> {
    try {
      const Key = recordKey(key.owner, key.idempotency.digest);
      await send(() => client.send(new UpdateCommand({ TableName: tableName, Key, ...update })));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  return {
    joinedSave(key, record) {
      return { write: recordPut(tableName, key, record), held: (found) => recordOf(found as Record<string, unknown>) };
    },

    async save(key, record) {
      try {
        await send(() => client.send(new PutCommand(recordPut(tableName, key, record).Put)));
        return undefined;
      } catch (error) {
        // Stryker disable next-line LogicalOperator: a failed condition always carries the record (ALL_OLD); without it, both forms end in a 500
        if (error instanceof ConditionalCheckFailedException && error.Item) return recordOf(unmarshall(error.Item));
        throw error;
      }
    },

    async read({ owner, idempotency }) {
      const Key = recordKey(owner, idempotency.digest);
      const { Item } = await send(() =>
        client.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true })),
      );
      return Item && recordOf(Item);
    },

    takeOver(key, lease) {
      return conditioned(key, {
        UpdateExpression: 'SET lease = :lease, leaseUntil = :until',
        ConditionExpression:
          '#state = :pending AND fingerprint = :fingerprint AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':lease': lease.token,
          ':until': lease.until,
          ':pending': RecordState.Pending,
          ':fingerprint': key.idempotency.fingerprint,
          ':now': Date.now(),
        },
      });
    },

    complete(key, lease, record) {
      return conditioned(key, {
        UpdateExpression:
          'SET #state = :complete, #response = :response, projectIds = :ids REMOVE #plan, lease, leaseUntil',
        ConditionExpression: '#state = :pending AND fingerprint = :fingerprint AND lease = :lease',
        ExpressionAttributeNames: { '#state': 'state', '#response': 'response', '#plan': 'plan' },
        ExpressionAttributeValues: {
          ':complete': RecordState.Complete,
          ':pending': RecordState.Pending,
          ':response': answerText(record.answer),
          ':ids': record.projectIds,
          ':fingerprint': key.idempotency.fingerprint,
          ':lease': lease.token,
        },
      });
    },

    async release(key, lease) {
      await conditioned(key, {
        UpdateExpression: 'SET leaseUntil = :over',
        ConditionExpression: '#state = :pending AND lease = :lease',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':over': 0, ':pending': RecordState.Pending, ':lease': lease.token },
      });
    },
  };
}
