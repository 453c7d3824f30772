/**
 * Section 1 of docs/benchmarks.md, from bench/bundles.ts's report. Every statement about
 * the figures, the NODE_OPTIONS included, is made from the report, whatever it holds.
 */
import { type BundleResult, type BundlesReport, SOURCE_MAPS } from './bundles';
import { kib, mark, median, ratio, table } from './stats';

export const SIZE_TARGET = 1.1;
export const INIT_TARGET = 1.15;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const code = (options: string) => (options ? `\`NODE_OPTIONS=${options}\`` : 'no `NODE_OPTIONS`');

export function bundlesSection(b: BundlesReport): string {
  const ref = b.reference;
  const withMapsShipped = b.nodeOptions.split(' ').includes(SOURCE_MAPS);
  const toggledLabel = withMapsShipped ? `without \`${SOURCE_MAPS}\`` : `with \`${SOURCE_MAPS}\``;
  const initRatio = (fn: BundleResult) => fn.initMs / ref.initMs;
  const toggledRatio = (fn: BundleResult) => fn.initToggledMs / ref.initToggledMs;
  const target = (fn: BundleResult, ok: boolean) => (fn.dynamoDb ? mark(ok) : 'n/a');
  const dynamo = b.functions.filter((fn) => fn.dynamoDb);
  const exempt = b.functions.filter((fn) => !fn.dynamoDb).map((fn) => `\`${fn.name}\``);
  const missed = dynamo.filter((fn) => initRatio(fn) > INIT_TARGET);
  const metToggled = dynamo.filter((fn) => toggledRatio(fn) <= INIT_TARGET).length;
  const mapped = b.functions.filter((fn) => fn.mapBytes > 0);
  // Init with and without the maps read: the shipped options are one, the toggled ones the other.
  const initWith = (fn: BundleResult) => (withMapsShipped ? fn.initMs : fn.initToggledMs);
  const initWithout = (fn: BundleResult) => (withMapsShipped ? fn.initToggledMs : fn.initMs);
  const mapInitMedian = median(mapped.map((fn) => initWith(fn) / initWithout(fn)));

  const rows = b.functions.map((fn) => [
    fn.name,
    kib(fn.bytes),
    ratio(fn.bytes, ref.bytes),
    target(fn, fn.bytes / ref.bytes <= SIZE_TARGET),
    ms(fn.initMs),
    ratio(fn.initMs, ref.initMs),
    target(fn, initRatio(fn) <= INIT_TARGET),
    ms(fn.initToggledMs),
    ratio(fn.initToggledMs, ref.initToggledMs),
  ]);
  const machine = b.machineVersion
    ? `
### On this machine's Node (${b.machineVersion})

The same bundles as shipped, ${code(b.nodeOptions)}, on the Node that ran this report rather than Lambda's, for
comparison with reports measured on it: the reference's init ${ms(ref.initMachineMs ?? 0)}.

${table(
  ['function', `init on ${b.machineVersion}`, '× ref', `× ref on ${b.runtimeVersion}`],
  b.functions.map((fn) => [
    fn.name,
    ms(fn.initMachineMs ?? 0),
    ratio(fn.initMachineMs ?? 0, ref.initMachineMs ?? 1),
    ratio(fn.initMs, ref.initMs),
  ]),
)}
`
    : '';

  return `## 1. Bundle size and module init

The artifacts \`serverless package\` builds (esbuild: minify, \`mainFields: module,main\`, AWS SDK bundled),
against a reference bundle built in the same run with the same settings that holds only
\`DynamoDBDocumentClient\` and one \`TransactWriteCommand\`: ${kib(ref.bytes)}, init ${ms(ref.initMs)}.
Init is the time to \`require\` the bundle in a fresh Node process, median of ${b.runs} processes, the
functions and the reference interleaved, on Node ${b.runtimeVersion}, the Node of Lambda's \`nodejs22.x\` (the npm
registry's \`node-linux\` build, as CI tests on), as shipped: with ${code(b.nodeOptions)}, as serverless.yml's
\`provider.environment\` sets for Lambda, the reference likewise. The last two columns are the same ${toggledLabel}.
Targets, for the functions that call DynamoDB (their roles in the packaged template grant DynamoDB actions):
size ≤ ${SIZE_TARGET} × and init as shipped ≤ ${INIT_TARGET} × the reference.

${table(
  [
    'function',
    'size',
    '× ref',
    'size target',
    'init as shipped',
    '× ref',
    'init target',
    `init ${toggledLabel}`,
    '× ref',
  ],
  rows,
)}

As shipped, ${dynamo.length - missed.length} of ${dynamo.length} functions that call DynamoDB meet the init target${
    missed.length
      ? ` (missed: ${missed.map((fn) => `\`${fn.name}\` ${ratio(fn.initMs, ref.initMs)} ×`).join(', ')})`
      : ''
  }. ${withMapsShipped ? `Without \`${SOURCE_MAPS}\`` : `With \`${SOURCE_MAPS}\``}, ${metToggled} of ${dynamo.length} would.
${exempt.length ? `${exempt.join(', ')} call no DynamoDB, and the targets do not apply to them.` : ''}
${machine}
### Source maps

${mapped.length} of ${b.functions.length} bundles ship a source map beside them. What one costs: its size in the package (the zip
holds it), and init with Node reading it (\`${SOURCE_MAPS}\`) against init without, the same bundle,
interleaved. ${
    withMapsShipped
      ? 'The functions run with it: Node reads the map in every cold start, and the stack of an error names the `.ts` file and line.'
      : `The functions run without it (${code(b.nodeOptions)}): Node does not read the map in a cold start.`
  }

${table(
  ['function', 'map', 'zip (with the map)', `init without \`${SOURCE_MAPS}\``, 'init with it', '×'],
  mapped.map((fn) => [
    fn.name,
    kib(fn.mapBytes),
    kib(fn.zipBytes),
    ms(initWithout(fn)),
    ms(initWith(fn)),
    ratio(initWith(fn), initWithout(fn)),
  ]),
)}

Median: init × ${mapInitMedian.toFixed(2)} with \`${SOURCE_MAPS}\`, ${withMapsShipped ? 'paid in every cold start as shipped' : 'not paid as shipped'}.

The stack of a logged exception names the \`.ts\` file and line all the same: \`lib/telemetry/readable-stack.ts\`
reads the map beside the bundle (\`node:module\`'s \`SourceMap\`) when the first exception of an instance is
logged, and keeps it for the next (\`test/e2e/package.test.ts\` checks the logged stack of the packaged
bundle). What that costs, \`createProject\`, median of ${b.runs} fresh instances on ${b.runtimeVersion}, each answering an
exception of its own twice: the first answered in ${ms(b.firstError.firstMs)}, against ${ms(b.firstError.firstWithoutMapMs)}
for the same bundle without its map (reading the map: ${ms(b.firstError.firstMs - b.firstError.firstWithoutMapMs)}, once per
instance, and only in one that meets an exception); the next in ${ms(b.firstError.secondMs)}.

\`getDocs\` is the reference page: it carries Swagger UI (1.7 MB of script and 0.2 MB of style, inlined as text);
no other function carries any of it (\`test/e2e/package.test.ts\`).

Where the targets are missed, and why. Over the reference, a function that takes a body carries zod
(\`zod/mini\`, about 24 KiB, the validation the contract requires and the OpenAPI document is generated from),
Powertools Logger and Metrics (about 32 KiB, the structured log line and EMF metrics of every request),
middy with \`@middy/http-error-handler\` and \`http-errors\` (about 10 KiB, the error path the design card
asks for), the Unicode case-folding table of the title key, and our own code (the error catalog in two
languages, the middlewares, the DynamoDB adapter). Functions without a body or query (get, delete, restore)
load neither zod nor the body checks. \`listProjects\` also carries the Secrets Manager client and Powertools
Parameters, which read the cursor key at run time instead of from the configuration. What a cold start does
not need is already out of it: the docs-only text (the catalog's guidance, the schemas' descriptions),
the parts of the repository a function does not use, the body checks where there is no body, \`depd\`
(aliased to a no-op), \`http-errors\` until the first rejection, and the source map until the first
exception. What is left runs in every cold start's first request anyway: deferring the schemas, the
case-folding table or Powertools to that request would move their milliseconds from init to it, not save
them (and with provisioned concurrency, which runs init ahead of time, it would add them to a request). It is
the price of the stack's own choices (zod, Powertools, middy); the only way under the target would be to drop them.
`;
}
