/**
 * Section 8's measurements, run as its own process (the functions read their configuration
 * when loaded): `tsx bench/capacity.ts <endpoint>` prints JSON. Two owners write through the
 * real handlers: one with typical projects, one with the largest the contract lets in. Each
 * operation's units are modelled from what it changed and set beside DynamoDB Local's report
 * (bench/capacity-harness.ts); the items they leave are sized by the rule and by DynamoDB Local.
 * Then one owner's partition under creates at rates around its ceiling, as a token bucket with
 * the transaction runner's own retries (bench/capacity-model.ts).
 */
import type { CapacityMeasurement, Item, MeasuredItem } from './capacity-harness';
import { itemBytes, LIMITS, simulateBucket } from './capacity-model';
import { openSizeProbe } from './capacity-sizes';
import { apiEvent, loadHandlers } from './events';
import { QUICK } from './stats';

export const TYPICAL = {
  title: (i: number) => `Release plan ${i}`,
  description: 'Milestones, owners and open questions for the next release of the mobile app.',
};
/**
 * The most bytes the contract lets in: 100 characters that NFKC expands most (U+FDFA becomes
 * 18; the title key is stored on the project and on its lock), 1,000 four-byte characters.
 */
export const LARGEST = {
  title: (i: number) => '\uFDFA'.repeat(99) + String.fromCodePoint(0x4e00 + i),
  description: '😀'.repeat(1000),
};
/** The rates simulated, as shares of one owner's ceiling for typical creates. */
export const BUCKET_SHARES = [0.5, 0.9, 1, 1.1, 1.5, 2];

async function main(): Promise<CapacityMeasurement> {
  const endpoint = process.argv[2];
  if (!endpoint) throw new Error('usage: capacity.ts <dynamodb endpoint>');
  const { openHarness } = await import('./capacity-harness');
  const { raw, tableName, measure, snapshot, operations } = await openHarness(endpoint);
  const { localBytes, smallTransaction } = await openSizeProbe(raw, `${tableName}-sizes`);
  const { create, batch, get, list, update, remove, restore } = await loadHandlers();
  const event = apiEvent;
  const key = (k: string) => ({ 'idempotency-key': k });

  const ids: Record<string, string> = {};
  for (const [owner, s] of [
    ['typical', TYPICAL],
    ['largest', LARGEST],
  ] as const) {
    const e = (method: string, path: string, body?: unknown, headers = {}, id?: string) =>
      event(owner, method, path, body, headers, id);
    const one = { title: s.title(0), description: s.description };
    const first = await measure(`create, ${owner}`, 201, create, e('POST', '/projects', one));
    const keyed = { title: s.title(1), description: s.description };
    const second = await measure(
      `create with Idempotency-Key, ${owner}`,
      201,
      create,
      e('POST', '/projects', keyed, key(owner)),
    );
    ids[owner] = second.data.id;
    const id = first.data.id as string;
    if (owner === 'typical') {
      await measure('create conflict (409)', 409, create, e('POST', '/projects', one));
      await measure('replay (same key and body)', 201, create, e('POST', '/projects', keyed, key(owner)));
    }
    await measure(`get, ${owner}`, 200, get, e('GET', `/projects/${id}`, undefined, {}, id));
    if (owner === 'typical') {
      await measure('rename', 200, update, e('PATCH', `/projects/${id}`, { title: 'Release plan, revised' }, {}, id));
      await measure('delete', 204, remove, e('DELETE', `/projects/${id}`, undefined, {}, id));
      await measure('restore', 200, restore, e('POST', `/projects/${id}/restore`, undefined, {}, id));
    }
    const projects = Array.from({ length: 25 }, (_, i) => ({ title: s.title(i + 2), description: s.description }));
    await measure(
      `batch of 25 with Idempotency-Key, ${owner}`,
      201,
      batch,
      e('POST', '/projects/batch', { projects }, key(`${owner}-batch`)),
    );
    await measure(`list page (20), ${owner}`, 200, list, e('GET', '/projects'));
  }

  // The items as stored, found by what they hold.
  const { items, index } = await snapshot();
  const all = [...items.entries()];
  const find = (name: string, test: (item: Item) => boolean) => {
    const found = all.find(([, item]) => test(item));
    if (!found) throw new Error(`no item for ${name}`);
    return { name, key: found[0], item: found[1] };
  };
  const attr = (item: Item, name: string) => item[name]?.S;
  const records = (owner: string, count: number) => (item: Item) =>
    attr(item, 'type') === 'idempotency' && attr(item, 'owner') === owner && item.projectIds?.L?.length === count;
  const chosen = ['typical', 'largest'].flatMap((owner) => [
    find(`project, ${owner}`, (i) => attr(i, 'type') === 'project' && attr(i, 'id') === ids[owner]),
    find(`title lock, ${owner}`, (i) => attr(i, 'type') === 'titleLock' && attr(i, 'projectId') === ids[owner]),
    find(`idempotency record of a create, ${owner}`, records(owner, 1)),
    find(`idempotency record of a batch of 25, ${owner}`, records(owner, 25)),
  ]);
  const measured: MeasuredItem[] = [];
  for (const { name, key: k, item } of chosen) {
    const entry = index.get(k);
    const titleKey = item.titleKey ? itemBytes({ titleKey: item.titleKey }) : 0;
    measured.push({
      name,
      bytes: itemBytes(item),
      localBytes: await localBytes(item),
      indexBytes: entry ? itemBytes(entry) : 0,
      titleKeyBytes: titleKey,
    });
  }

  // One owner's partition under typical creates, around the rate it sustains.
  const { TRANSACTION_ATTEMPTS } = await import('../lib/dynamodb/transact');
  const { backoffMs } = await import('../lib/retry/backoff');
  const cost = operations.find((o) => o.operation === 'create, typical')?.model.tableWcu ?? 0;
  const seconds = QUICK ? 10 : 60;
  const bucket = BUCKET_SHARES.map((share) => {
    const perSecond = (share * LIMITS.partitionWcu) / cost;
    const run = simulateBucket({
      perSecond,
      cost,
      attempts: TRANSACTION_ATTEMPTS,
      backoffMs,
      seconds,
    });
    return { cost, perSecond, seconds, run };
  });
  const shape = (s: typeof TYPICAL) => ({
    title: [[...s.title(0)].length, Buffer.byteLength(s.title(0))] as [number, number],
    description: [[...s.description].length, Buffer.byteLength(s.description)] as [number, number],
  });
  return {
    items: measured,
    operations,
    shapes: { typical: shape(TYPICAL), largest: shape(LARGEST) },
    bucket,
    smallTransaction: { items: 10, localUnits: await smallTransaction(10) },
    attempts: TRANSACTION_ATTEMPTS,
  };
}

if (require.main === module) {
  main().then(
    (measurement) => {
      process.stdout.write(`${JSON.stringify(measurement)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
