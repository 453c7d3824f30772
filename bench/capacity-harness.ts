/**
 * What section 8 measures with: a table in DynamoDB Local that the functions' own client
 * writes to, every request sent with ReturnConsumedCapacity: INDEXES. `measure` runs one
 * handler (which must answer the status given) between two snapshots of the table and of gsi1; what it changed, sized by
 * DynamoDB's rule (bench/capacity-model.ts), gives the model's units, set beside what DynamoDB
 * Local reports.
 */
import { randomUUID } from 'node:crypto';
import { type AttributeValue, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import {
  type ItemChange,
  itemBytes,
  type OperationUnits,
  readUnits,
  type simulateBucket,
  writeCost,
} from './capacity-model';
import { openBenchTable } from './events';

export type Item = Record<string, AttributeValue>;
export interface MeasuredItem {
  name: string;
  bytes: number;
  /** The size DynamoDB Local gives it (null: not found within 1 KB of padding). */
  localBytes: number | null;
  /** Its gsi1 entry (0: not in the index). */
  indexBytes: number;
  /** Its titleKey attribute, name and value (0: none). */
  titleKeyBytes: number;
}
export interface MeasuredOperation {
  operation: string;
  status: number;
  requests: string[];
  changes: ItemChange[];
  /** As DynamoDB bills it. */
  model: OperationUnits;
  /** The same sizes by DynamoDB Local's rule (index writes in a transaction doubled). */
  modelLocal: OperationUnits;
  /** What DynamoDB Local reported (null: nothing, a cancelled transaction). */
  local: OperationUnits | null;
}
/** A title's and a description's length: characters, UTF-8 bytes. */
export interface Shape {
  title: [number, number];
  description: [number, number];
}

export interface CapacityMeasurement {
  items: MeasuredItem[];
  operations: MeasuredOperation[];
  /** The lengths of the two owners' titles and descriptions. */
  shapes: { typical: Shape; largest: Shape };
  bucket: { cost: number; perSecond: number; seconds: number; run: ReturnType<typeof simulateBucket> }[];
  /** DynamoDB Local's units for one transaction of `items` small puts (the model: 2 each). */
  smallTransaction: { items: number; localUnits: number };
  /** How often the transaction runner tries a throttled transaction (the simulation does as it does). */
  attempts: number;
}

/** Sets the functions' environment (before they are loaded) and opens a new table. */
export async function openHarness(endpoint: string) {
  const { tableName, admin: raw } = await openBenchTable(endpoint, 'capacity');

  const { dynamo } = await import('../lib/composition/repositories');
  let sent: { command: string; input: Record<string, unknown>; units: OperationUnits | null }[] = [];
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'INDEXES';
      const entry = {
        command: String(context.commandName).replace(/Command$/, ''),
        input,
        units: null as OperationUnits | null,
      };
      sent.push(entry);
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      const list = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as {
        CapacityUnits?: number;
        GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
      }[];
      if (list.length > 0) {
        const index = list.reduce(
          (s, c) => s + Object.values(c.GlobalSecondaryIndexes ?? {}).reduce((t, g) => t + (g.CapacityUnits ?? 0), 0),
          0,
        );
        const total = list.reduce((s, c) => s + (c.CapacityUnits ?? 0), 0);
        const read = entry.command === 'GetItem' || entry.command === 'Query';
        entry.units = read
          ? { tableWcu: 0, indexWcu: 0, rcu: total }
          : { tableWcu: total - index, indexWcu: index, rcu: 0 };
      }
      return result;
    },
    { step: 'initialize', name: 'benchCapacity' },
  );

  const key = (item: Item) => `${item.pk?.S}|${item.sk?.S}`;
  /** Every item of the table, and the gsi1 entries by the item's key. */
  const snapshot = async () => {
    const items = new Map<string, Item>();
    let start: Item | undefined;
    do {
      const page = await raw.send(
        new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      for (const item of page.Items ?? []) items.set(key(item), item);
      start = page.LastEvaluatedKey;
    } while (start);
    const index = new Map<string, Item>();
    for (const partition of new Set([...items.values()].flatMap((i) => (i.gsi1pk?.S ? [i.gsi1pk.S] : [])))) {
      let from: Item | undefined;
      do {
        const page = await raw.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :p',
            ExpressionAttributeValues: { ':p': { S: partition } },
            ExclusiveStartKey: from,
          }),
        );
        for (const entry of page.Items ?? []) index.set(key(entry), entry);
        from = page.LastEvaluatedKey;
      } while (from);
    }
    return { items, index };
  };
  type Snapshot = Awaited<ReturnType<typeof snapshot>>;
  const diff = (before: Snapshot, after: Snapshot): ItemChange[] => {
    const changes: ItemChange[] = [];
    for (const k of new Set([...before.items.keys(), ...after.items.keys()])) {
      const [b, a] = [before.items.get(k), after.items.get(k)];
      if (JSON.stringify(b) === JSON.stringify(a)) continue;
      const [ib, ia] = [before.index.get(k), after.index.get(k)];
      changes.push({
        kind: String((a ?? b)?.type?.S),
        before: b ? itemBytes(b) : 0,
        after: a ? itemBytes(a) : 0,
        indexBefore: ib ? itemBytes(ib) : 0,
        indexAfter: ia ? itemBytes(ia) : 0,
        indexKeyMoved: !!ib && !!ia && (ib.gsi1pk?.S !== ia.gsi1pk?.S || ib.gsi1sk?.S !== ia.gsi1sk?.S),
      });
    }
    return changes;
  };
  /** The model's read units of the requests sent: GetItem from the snapshot before, Query replayed. */
  const reads = async (before: Snapshot) => {
    let rcu = 0;
    for (const { command, input } of sent) {
      const consistent = input.ConsistentRead === true ? 1 : 0.5;
      if (command === 'GetItem') {
        const item = before.items.get(key(marshall(input.Key as Record<string, unknown>)));
        rcu += readUnits(item ? itemBytes(item) : 0) * consistent;
      } else if (command === 'Query') {
        const values = input.ExpressionAttributeValues as Record<string, unknown>;
        const start = input.ExclusiveStartKey as Record<string, unknown> | undefined;
        const { Items = [] } = await raw.send(
          new QueryCommand({
            ...(input as object),
            TableName: tableName,
            ExpressionAttributeValues: marshall(values),
            ExclusiveStartKey: start && marshall(start),
            ReturnConsumedCapacity: undefined,
          } as never),
        );
        rcu += readUnits(Items.reduce((s, i) => s + itemBytes(i), 0)) * consistent;
      }
    }
    return rcu;
  };

  const operations: MeasuredOperation[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: handlers take API Gateway events
  const measure = async (operation: string, status: number, handler: any, e: unknown) => {
    const before = await snapshot();
    sent = [];
    const result = await handler(e, { awsRequestId: randomUUID(), getRemainingTimeInMillis: () => 10_000 });
    if (result.statusCode !== status) throw new Error(`${operation}: ${result.statusCode} ${result.body}`);
    const after = await snapshot();
    const changes = diff(before, after);
    const transactional = sent.some((s) => s.command === 'TransactWriteItems');
    const rcu = await reads(before);
    const reported = sent.filter((s) => s.units);
    operations.push({
      operation,
      status: result.statusCode,
      requests: sent.map((s) => s.command),
      changes,
      model: { ...writeCost(changes, transactional), rcu },
      modelLocal: { ...writeCost(changes, transactional, 2), rcu },
      local:
        reported.length === 0
          ? null
          : reported.reduce<OperationUnits>(
              (sum, s) => ({
                tableWcu: sum.tableWcu + (s.units?.tableWcu ?? 0),
                indexWcu: sum.indexWcu + (s.units?.indexWcu ?? 0),
                rcu: sum.rcu + (s.units?.rcu ?? 0),
              }),
              { tableWcu: 0, indexWcu: 0, rcu: 0 },
            ),
    });
    return result.body ? JSON.parse(result.body) : undefined;
  };
  return { raw, tableName, measure, snapshot, operations };
}
