/**
 * Warming the local stack before it opens, so that the first requests after `npm start` are
 * not much slower than the rest: DynamoDB Local's Java code paths, whose first transactions
 * are many times slower than the later ones. (The functions' workers: Gateway.warm.)
 */
import { randomUUID } from 'node:crypto';
import {
  DeleteTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  QueryCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { ensureTable } from './table';

const TRANSACTIONS = 400;
const WARM_TABLE_PREFIX = 'warm-up-';
const AT_ONCE = 8;

/**
 * Runs creates' worth of transactions (two conditioned puts each, half of them refused as
 * duplicates), reads and queries against a scratch table with the projects table's definition,
 * then drops it. Resolves to the seconds it took.
 */
export async function warmDynamoDb(client: DynamoDBClient): Promise<number> {
  const started = performance.now();
  // One left by a start that was stopped while it warmed (DynamoDB Local keeps its data).
  const { TableNames = [] } = await client.send(new ListTablesCommand({}));
  for (const stale of TableNames.filter((name) => name.startsWith(WARM_TABLE_PREFIX))) {
    await client.send(new DeleteTableCommand({ TableName: stale }));
  }
  const table = `${WARM_TABLE_PREFIX}${randomUUID()}`;
  await ensureTable(client, table);
  try {
    let next = 0;
    const worker = async () => {
      while (next < TRANSACTIONS) {
        const i = next++;
        const key = `WARM#${Math.floor(i / 2)}`;
        // The project with its gsi1 entry, as a create writes it, and its lock.
        const put = (sk: string) => ({
          Put: {
            TableName: table,
            Item: {
              pk: { S: key },
              sk: { S: sk },
              ...(sk === 'PROJECT' ? { gsi1pk: { S: 'WARM' }, gsi1sk: { S: `${key}#${i}` } } : {}),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        });
        await client
          .send(new TransactWriteItemsCommand({ TransactItems: [put('PROJECT'), put('TITLE')] }))
          .catch(() => undefined);
        await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: key }, sk: { S: 'PROJECT' } } }));
        if (i % 10 === 0) {
          await client.send(
            new QueryCommand({
              TableName: table,
              IndexName: 'gsi1',
              KeyConditionExpression: 'gsi1pk = :pk',
              ExpressionAttributeValues: { ':pk': { S: 'WARM' } },
              ScanIndexForward: false,
              Limit: 20,
            }),
          );
        }
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, worker));
  } finally {
    await client.send(new DeleteTableCommand({ TableName: table }));
  }
  return (performance.now() - started) / 1000;
}
