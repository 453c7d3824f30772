/**
 * The transaction runner. Every item of a transaction has a name, and a cancellation is read
 * by the name of the item whose condition failed (its position in `CancellationReasons`),
 * never by matching message text. Contention and throttling are retried with backoff, then
 * answered 503; other failures propagate as they are.
 */
import { type CancellationReason, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { serviceUnavailable } from '../errors/rejections';
import { backoffMs, sleep } from '../retry/backoff';
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
  /** The reason at the index of the named item: a name the transaction does not have is a bug. */
  const reasonOf = (name: string) => {
    const index = names.indexOf(name);
    if (index < 0) throw new Error(`no transaction item is named ${name}`);
    return reasons[index];
  };
  // DynamoDB returns the old item with every failed condition of an item that asks for it (ALL_OLD),
  // so no test can reach this, and without it unmarshall would throw all the same.
  // Stryker disable next-line BlockStatement: as said above
  const noOldItem = (name: string): never => {
    // Stryker disable next-line StringLiteral: as said above
    throw new Error(`the condition of ${name} failed without the old item`);
  };
  return {
    // Stryker disable next-line OptionalChaining: DynamoDB gives one reason per item, so a known name always has one
    failed: (name) => reasonOf(name)?.Code === 'ConditionalCheckFailed',
    // Stryker disable next-line OptionalChaining: as above, one reason per item
    oldItem: (name) => unmarshall(reasonOf(name)?.Item ?? noOldItem(name)),
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
      // Stryker disable next-line ArrayDeclaration: DynamoDB always names the reasons; without them, no code would be a condition or contention, and the error is thrown as it is either way
      const reasons = error.CancellationReasons ?? [];
      const codes = reasons.map((reason) => reason.Code);
      if (codes.includes('ConditionalCheckFailed')) return cancellation(names, reasons);
      if (!codes.some((code) => RETRYABLE_CANCELLATION.has(code))) throw error;
      if (attempt >= TRANSACTION_ATTEMPTS) throw serviceUnavailable(error);
      await sleep(backoffMs(attempt));
    }
  }
}
