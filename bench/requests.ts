/**
 * Section 3: DynamoDB requests and capacity per operation, counted at the functions' own
 * client against DynamoDB Local, every request sent with ReturnConsumedCapacity: TOTAL.
 * Run as its own process (the functions read their configuration when loaded):
 * `tsx bench/requests.ts <endpoint>` prints JSON.
 */
import { randomUUID } from 'node:crypto';
import { apiEvent, loadHandlers, openBenchTable } from './events';

export interface OperationCost {
  operation: string;
  status: number;
  requests: string[];
  capacityUnits: number | null;
}

async function main() {
  const endpoint = process.argv[2];
  if (!endpoint) throw new Error('usage: requests.ts <dynamodb endpoint>');
  const { admin } = await openBenchTable(endpoint, 'bench');
  admin.destroy();

  const { dynamo } = await import('../lib/composition/repositories');
  let sent: { command: string; capacity: number | null }[] = [];
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const entry = { command: String(context.commandName), capacity: null as number | null };
      sent.push(entry);
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      const list = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as { CapacityUnits?: number }[];
      if (list.length > 0) entry.capacity = list.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      return result;
    },
    { step: 'initialize', name: 'benchCapacity' },
  );

  const { create, batch, get, list, update, remove, restore } = await loadHandlers();

  const owner = 'bench-owner';
  const event = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, id?: string) =>
    apiEvent(owner, method, path, body, headers, id);
  const context = () => ({ awsRequestId: randomUUID(), getRemainingTimeInMillis: () => 10_000 });
  const costs: OperationCost[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: handlers take API Gateway events
  const measure = async (operation: string, handler: any, e: unknown) => {
    sent = [];
    const result = await handler(e, context());
    const capacities = sent.map((s) => s.capacity);
    costs.push({
      operation,
      status: result.statusCode,
      requests: sent.map((s) => s.command.replace(/Command$/, '')),
      capacityUnits: capacities.every((c) => c === null) ? null : capacities.reduce<number>((a, c) => a + (c ?? 0), 0),
    });
    return result.body ? JSON.parse(result.body) : undefined;
  };

  const created = await measure('create', create, event('POST', '/projects', { title: 'Road map' }));
  await measure('create conflict (409)', create, event('POST', '/projects', { title: 'road map' }));
  const keyed = { 'idempotency-key': 'bench-key' };
  await measure('create with Idempotency-Key', create, event('POST', '/projects', { title: 'Keyed' }, keyed));
  await measure('replay (same key and body)', create, event('POST', '/projects', { title: 'Keyed' }, keyed));
  const id = created.data.id as string;
  await measure('get', get, event('GET', `/projects/${id}`, undefined, {}, id));
  await measure('list page (20)', list, event('GET', '/projects'));
  await measure('rename', update, event('PATCH', `/projects/${id}`, { title: 'Road map 2027' }, {}, id));
  await measure('delete', remove, event('DELETE', `/projects/${id}`, undefined, {}, id));
  await measure('restore', restore, event('POST', `/projects/${id}/restore`, undefined, {}, id));
  const projects = Array.from({ length: 25 }, (_, i) => ({ title: `Batch ${i}` }));
  await measure('batch of 25 (atomic)', batch, event('POST', '/projects/batch', { projects }));
  process.stdout.write(`${JSON.stringify(costs)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
