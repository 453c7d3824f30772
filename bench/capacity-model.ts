/**
 * The capacity model of section 8 and docs/capacity.md, from item sizes measured elsewhere
 * (bench/capacity.ts). Pure functions: DynamoDB's item size rule, the units an operation
 * consumes, what one partition and one table sustain, and a token bucket that shows where one
 * owner's partition starts to throttle.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** DynamoDB's documented limits the model uses (per second). */
export const LIMITS = {
  partitionWcu: 1_000,
  partitionRcu: 3_000,
  /** On-demand, per table and per global secondary index, per Region (a quota that can be raised). */
  tableUnits: 40_000,
  /** What a new on-demand table serves at once, before it has a peak of its own to double. */
  newTableWcu: 4_000,
  newTableRcu: 12_000,
};

const utf8 = (value: string) => Buffer.byteLength(value, 'utf8');

/** A number's size: 1 byte per two significant digits (leading and trailing zeros trimmed), plus 1. */
export function numberBytes(value: string): number {
  const digits = value
    .replace(/^[-+]/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(digits.length / 2) + 1;
}

/** An attribute value's size, by DynamoDB's documented rule. */
export function valueBytes(value: AttributeValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberBytes(value.N);
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberBytes(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.length, 0);
  // Lists and maps: 3 bytes, and 1 byte for each element beside its own size.
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + valueBytes(v) + 1, 0);
  if (value.M !== undefined)
    return 3 + Object.entries(value.M).reduce((sum, [k, v]) => sum + utf8(k) + valueBytes(v) + 1, 0);
  throw new Error(`unknown attribute value ${JSON.stringify(value)}`);
}

/** An item's size: the UTF-8 bytes of each attribute's name plus its value's size. */
export const itemBytes = (item: Record<string, AttributeValue>): number =>
  Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueBytes(value), 0);

/** Write units of one item write: 1 per KB started. */
export const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
/** Read units of a strongly consistent read of `bytes` (one item, or a Query's sum): 1 per 4 KB started. */
export const readUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 4096));

/** One item written by an operation: its size before and after (0: absent), and its index entry's. */
export interface ItemChange {
  kind: string;
  before: number;
  after: number;
  /** The gsi1 entry before and after (0: not in the index), and whether its key moved. */
  indexBefore: number;
  indexAfter: number;
  indexKeyMoved: boolean;
}

export interface OperationUnits {
  /** Write units on the table (the owner's partition), transactional writes doubled. */
  tableWcu: number;
  /** Write units on gsi1 (the owner's listing partition). */
  indexWcu: number;
  /** Read units (GetItem strongly consistent; Query of gsi1 eventually consistent). */
  rcu: number;
}

/**
 * The units of one request's writes: a transaction writes each item twice (prepare, commit)
 * at the larger of its sizes before and after; the index writes once per entry put, updated
 * or deleted, twice when the entry's key moves. `indexInTransaction` is the factor of the
 * index writes in a transaction: 1 as DynamoDB bills them, 2 as DynamoDB Local reports them.
 */
export function writeCost(changes: ItemChange[], transactional: boolean, indexInTransaction = 1) {
  let tableWcu = 0;
  let indexWcu = 0;
  for (const c of changes) {
    tableWcu += writeUnits(Math.max(c.before, c.after)) * (transactional ? 2 : 1);
    let index = 0;
    if (c.indexBefore && c.indexAfter && !c.indexKeyMoved) index = writeUnits(Math.max(c.indexBefore, c.indexAfter));
    else index = (c.indexBefore ? writeUnits(c.indexBefore) : 0) + (c.indexAfter ? writeUnits(c.indexAfter) : 0);
    indexWcu += index * (transactional ? indexInTransaction : 1);
  }
  return { tableWcu, indexWcu };
}

/**
 * The share of one second of an owner's table partition and of its gsi1 partition that one
 * request takes: a partition serves 1,000 WCU or 3,000 RCU a second, or a linear mix of both.
 */
function partitionShares(units: OperationUnits, indexReads: boolean) {
  const reads = units.rcu / LIMITS.partitionRcu;
  return {
    table: units.tableWcu / LIMITS.partitionWcu + (indexReads ? 0 : reads),
    index: units.indexWcu / LIMITS.partitionWcu + (indexReads ? reads : 0),
  };
}

/** Requests a second one owner sustains (its reads of gsi1 when `indexReads`, else of the table). */
export function perOwner(units: OperationUnits, indexReads: boolean): number {
  const { table, index } = partitionShares(units, indexReads);
  return 1 / Math.max(table, index);
}

/** Which of the owner's partitions a request fills first. */
export function bindingPartition(units: OperationUnits, indexReads: boolean): 'table' | 'gsi1' {
  const { table, index } = partitionShares(units, indexReads);
  return table >= index ? 'table' : 'gsi1';
}

/**
 * Requests a second one on-demand table sustains with `quota` units a second of each kind,
 * which hold for the table and for gsi1 each (by default the Region's per-table quota).
 */
export function perTable(
  units: OperationUnits,
  indexReads: boolean,
  quota = { wcu: LIMITS.tableUnits, rcu: LIMITS.tableUnits },
): number {
  const reads = units.rcu / quota.rcu;
  const table = Math.max(units.tableWcu / quota.wcu, indexReads ? 0 : reads);
  const index = Math.max(units.indexWcu / quota.wcu, indexReads ? reads : 0);
  return 1 / Math.max(table, index);
}

export interface BucketRun {
  offered: number;
  served: number;
  firstTryThrottled: number;
  unavailable: number;
}

/**
 * One owner's partition as a token bucket of `rate` units a second holding at most one
 * second of them, under creates arriving at `perSecond` (Poisson) for `seconds`, each costing
 * `cost` units. A throttled create is tried again after `backoffMs(attempt)`, `attempts` tries
 * in all, then answered 503. Returns creates a second served, and the shares throttled.
 */
export function simulateBucket(options: {
  perSecond: number;
  cost: number;
  rate?: number;
  seconds?: number;
  attempts: number;
  backoffMs: (attempt: number) => number;
  random?: () => number;
}): BucketRun {
  const { perSecond, cost, attempts, backoffMs } = options;
  const rate = options.rate ?? LIMITS.partitionWcu;
  const seconds = options.seconds ?? 60;
  const random = options.random ?? Math.random;
  // Pending tries (ms, attempt) in a binary min-heap by time.
  const heap: [number, number][] = [];
  const push = (entry: [number, number]) => {
    heap.push(entry);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as [number, number])[0] <= entry[0]) break;
      [heap[i], heap[parent]] = [heap[parent] as [number, number], entry];
      i = parent;
    }
  };
  const pop = (): [number, number] | undefined => {
    const top = heap[0];
    const end = heap.pop();
    if (heap.length > 0 && end) {
      heap[0] = end;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let least = i;
        if (l < heap.length && (heap[l] as [number, number])[0] < (heap[least] as [number, number])[0]) least = l;
        if (r < heap.length && (heap[r] as [number, number])[0] < (heap[least] as [number, number])[0]) least = r;
        if (least === i) break;
        [heap[i], heap[least]] = [heap[least] as [number, number], heap[i] as [number, number]];
        i = least;
      }
    }
    return top;
  };
  let offered = 0;
  for (let t = 0; ; offered += 1) {
    t += (-Math.log(1 - random()) / perSecond) * 1000;
    if (t >= seconds * 1000) break;
    push([t, 1]);
  }
  let tokens = rate;
  let last = 0;
  let served = 0;
  let firstTryThrottled = 0;
  let unavailable = 0;
  for (let next = pop(); next; next = pop()) {
    const [time, attempt] = next;
    tokens = Math.min(rate, tokens + ((time - last) / 1000) * rate);
    last = time;
    if (tokens >= cost) {
      tokens -= cost;
      served += 1;
    } else {
      if (attempt === 1) firstTryThrottled += 1;
      if (attempt >= attempts) unavailable += 1;
      else push([time + backoffMs(attempt), attempt + 1]);
    }
  }
  return {
    offered: offered / seconds,
    served: served / seconds,
    firstTryThrottled: firstTryThrottled / offered,
    unavailable: unavailable / offered,
  };
}
