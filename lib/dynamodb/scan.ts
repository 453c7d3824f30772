import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

/**
 * Every item of a table, strongly consistent: for the consistency checker and the tests, never a
 * route. `onPage` is told how many items each page brought (for progress).
 */
export async function scanTable(
  doc: DynamoDBDocumentClient,
  tableName: string,
  onPage?: (items: number) => void,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    onPage?.(page.Items?.length ?? 0);
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
