/**
 * `npm run bench`: the eight benchmarks, each against a baseline built in the same run.
 * Prints the tables; with `--write`, writes them to docs/benchmarks.md with the machine, versions
 * and date, and the capacity model (section 8) to docs/capacity.md. BENCH_QUICK=1 takes fewer
 * samples (bench/stats.ts), to try a change; its figures are not for the report.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal } from '../local-stack/dynamodb-local';
import { benchBundles } from './bundles';
import { capacityDoc } from './capacity-doc';
import { benchCapacity, type CapacityReport } from './capacity-report';
import { benchCheckThenInsert } from './check-then-insert';
import { benchLoad } from './load';
import { benchmarksMarkdown, SOAK_OPERATIONS } from './report';
import type { OperationCost } from './requests';
import { RUNTIME_NODE_VERSION } from './runtime-node';
import { type SoakResult, soak } from './soak';
import { benchTracing } from './tracing';
import { benchWarm } from './warm-section';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const ROOT = join(__dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

export const BENCH_USAGE = [
  'usage: npm run bench [-- --write]',
  '  runs the eight benchmarks (about 10 minutes) and prints their tables;',
  '  --write also writes them to docs/benchmarks.md, the committed report, and docs/capacity.md',
].join('\n');

/** `npm run bench`'s options: whether to write the committed report. */
export function benchOptions(argv: string[]): { write: boolean } {
  const { values } = parseArgs({ args: argv, options: { write: { type: 'boolean', default: false } } });
  return { write: values.write };
}

/** `npm run bench`: runs every benchmark, prints the report, and writes docs/benchmarks.md with --write. */
export async function runBench(argv: string[] = []): Promise<number> {
  const { write } = benchOptions(argv);
  const started = new Date();
  log(
    `1/8 bundles and module init on Node ${RUNTIME_NODE_VERSION} (serverless package, reference build, fresh processes)`,
  );
  const bundles = await benchBundles();
  log(`2/8 warm overhead on Node ${RUNTIME_NODE_VERSION}`);
  const warm = benchWarm();
  log('3/8 DynamoDB requests per operation; 5/8 check-then-insert side by side; 8/8 the capacity model');
  const dynamo = await startDynamoDbLocal();
  let costs: OperationCost[];
  let race: Awaited<ReturnType<typeof benchCheckThenInsert>>;
  let capacity: CapacityReport;
  try {
    const out = execFileSync(TSX, [join(__dirname, 'requests.ts'), dynamo.endpoint], { cwd: ROOT }).toString();
    costs = JSON.parse(out.trim().split('\n').pop() ?? '[]') as OperationCost[];
    race = await benchCheckThenInsert(dynamo.endpoint);
    capacity = benchCapacity(dynamo.endpoint);
  } finally {
    await dynamo.stop();
  }
  log('4/8 load on the local stack');
  const load = await benchLoad();
  log('6/8 the soak at 200 clients, quiet and with a busy core');
  const soaks: SoakResult[] = [];
  for (const busy of [false, true]) {
    soaks.push(await soak({ operations: SOAK_OPERATIONS, clients: 200, round: 4, busy, seed: 20261122 }));
  }
  log('7/8 what X-Ray tracing would cost');
  const tracing = await benchTracing();

  const markdown = benchmarksMarkdown({ started, bundles, warm, costs, race, capacity, load, soaks, tracing });
  process.stdout.write(`${markdown}\n`);
  const seconds = ((Date.now() - started.getTime()) / 1000).toFixed(0);
  if (write) {
    writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), markdown);
    writeFileSync(join(ROOT, 'docs', 'capacity.md'), capacityDoc(capacity, started));
    log(`wrote docs/benchmarks.md and docs/capacity.md in ${seconds} s`);
  } else {
    log(
      `done in ${seconds} s; docs/benchmarks.md and docs/capacity.md left as they are (npm run bench -- --write writes them)`,
    );
  }
  return 0;
}
