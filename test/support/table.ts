/** A DynamoDB Local table of its own for the test file that calls useTable(). */
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { scanTable } from '../../lib/dynamodb/scan';
import { ensureTable, localClient } from '../../local-stack/table';

export interface TestTable {
  readonly name: string;
  readonly doc: DynamoDBDocumentClient;
  scan(): Promise<Record<string, unknown>[]>;
}

export function useTable(): TestTable {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  const name = process.env.TABLE_NAME;
  if (!endpoint || !name) throw new Error('DYNAMODB_ENDPOINT and TABLE_NAME must be set (jest global setup)');
  const client = localClient(endpoint);
  const doc = DynamoDBDocumentClient.from(client);
  beforeAll(async () => {
    await ensureTable(client, name);
  });
  afterAll(async () => {
    await client.send(new DeleteTableCommand({ TableName: name })).catch(() => undefined);
    client.destroy();
  });
  return {
    name,
    doc,
    scan: () => scanTable(doc, name),
  };
}
