/**
 * Sizes as DynamoDB Local gives them, to check DynamoDB's rule against: `localBytes` copies an
 * item into a table of its own (no index) and grows a padding attribute until the write costs
 * one unit more; `smallTransaction` writes small items in one transaction and reads the units.
 */
import {
  type AttributeValue,
  CreateTableCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  PutItemCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import type { Item } from './capacity-harness';

/** Opens the table `sizes` (keyed pk, sk) in the DynamoDB `raw` talks to. */
export async function openSizeProbe(raw: DynamoDBClient, sizes: string) {
  await raw.send(
    new CreateTableCommand({
      TableName: sizes,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  );
  /** DynamoDB Local's size of `item` (null: no padding up to 1 KB cost one unit more). */
  const localBytes = async (item: Item): Promise<number | null> => {
    const units = async (pad: number) => {
      const put = await raw.send(
        new PutItemCommand({
          TableName: sizes,
          Item: { ...item, z: { S: 'x'.repeat(pad) } },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      await raw.send(
        new DeleteItemCommand({
          TableName: sizes,
          Key: { pk: item.pk as AttributeValue, sk: item.sk as AttributeValue },
        }),
      );
      return put.ConsumedCapacity?.CapacityUnits ?? 0;
    };
    // The padding attribute adds 1 byte (its name) and its length: the first length charged one
    // unit more puts the item's size plus 1 plus it one byte past a whole number of KB.
    const base = await units(0);
    let [lo, hi] = [0, 1024];
    if ((await units(hi)) <= base) return null;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((await units(mid)) > base) hi = mid;
      else lo = mid + 1;
    }
    return base * 1024 - lo;
  };
  /** DynamoDB Local's units for one transaction of `count` puts of items well under 1 KB. */
  const smallTransaction = async (count: number): Promise<number> => {
    const TransactItems = Array.from({ length: count }, (_, i) => ({
      Put: { TableName: sizes, Item: { pk: { S: 'probe' }, sk: { S: `item ${i}` } } },
    }));
    const result = await raw.send(new TransactWriteItemsCommand({ TransactItems, ReturnConsumedCapacity: 'TOTAL' }));
    return (result.ConsumedCapacity ?? []).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
  };
  return { localBytes, smallTransaction };
}
