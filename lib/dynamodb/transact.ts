/**
 * The transaction runner. Every item of a transaction has a name, and a cancellation is read
 * by the name of the item whose condition failed (its position in `CancellationReasons`),
 * never by matching message text. Contention and throttling are retried with backoff, then
 * answered 503; other failures propagate as they are.
 */
import { type CancellationReason, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { backoffMs, sleep } from '../backoff';
import { serviceUnavailable } from '../errors/rejections';
import { dependencyError, RETRYABLE_CANCELLATION } from './failures';
import type { TransactItem } from './items';

/** How often a transaction cancelled by contention or throttling is tried in all. */
export const TRANSACTION_ATTEMPTS = 4;

export type NamedItems = ReadonlyArray<readonly [name: string, item: TransactItem]>;

/** A transaction cancelled because a condition failed, read by the names of its items. */
export interface Cancellation {
  /** Whether the condition of the named item failed. */
  failed(name: string): boolean;
  /** The item the named condition found (ReturnValuesOnConditionCheckFailure: ALL_OLD). */
  oldItem(name: string): Record<string, unknown>;
  /** The reasons in order, for an error message. */
  describe(): string;
}

function cancellation(names: readonly string[], reasons: readonly CancellationReason[]): Cancellation {
  const reasonOf = (name: string) => {
    const index = names.indexOf(name);
    if (index < 0) throw new Error(`no transaction item is named ${name}`);
    return reasons[index];
  };
  return {
    failed: (name) => reasonOf(name)?.Code === 'ConditionalCheckFailed',
    oldItem(name) {
      const item = reasonOf(name)?.Item;
      if (!item) throw new Error(`the condition of ${name} failed without the old item`);
      return unmarshall(item);
    },
    describe: () => reasons.map((reason) => reason.Code).join(','),
  };
}

/** Runs one transaction: undefined when it committed, the cancellation when a condition failed. */
export async function transact(client: DynamoDBDocumentClient, items: NamedItems): Promise<Cancellation | undefined> {
  const names = items.map(([name]) => name);
  const TransactItems = items.map(([, item]) => item);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems }));
      return undefined;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw dependencyError(error);
      const reasons = error.CancellationReasons ?? [];
      const codes = reasons.map((reason) => reason.Code);
      if (codes.includes('ConditionalCheckFailed')) return cancellation(names, reasons);
      if (!codes.some((code) => code !== undefined && RETRYABLE_CANCELLATION.has(code))) throw error;
      if (attempt >= TRANSACTION_ATTEMPTS) throw serviceUnavailable(error);
      await sleep(backoffMs(attempt));
    }
  }
}
