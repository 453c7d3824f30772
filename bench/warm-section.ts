/**
 * Section 2 of docs/benchmarks.md: runs bench/warm.ts in a process of its own on Lambda's
 * Node (bench/runtime-node.ts), and on the machine's when that is another version, and
 * writes the section from the figures. The goals are read on Lambda's Node.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { isRuntimeNode, runtimeNode } from './runtime-node';
import { mark, table } from './stats';

const ROOT = join(__dirname, '..');
export const PEER_TARGET = 1.25;
export const MIDDY_TARGET = 1.5;
export const WARM_TARGET_US = 25;

export interface WarmResult {
  node: string;
  invocations: number;
  /** Invocations of one handler in a row before the next handler's. */
  block: number;
  fullUs: number;
  bareUs: number;
  middyUs: number;
  peerUs: number;
  /** Invocations of the full chain profiled, after the measurement. */
  profiled: number;
  /** Each part of the full chain's share of its profiled time (bench/warm-profile.ts). */
  shares: Record<string, number>;
}

export interface WarmReport {
  runtime: WarmResult;
  machine?: WarmResult;
}

const warmOn = (node: string): WarmResult =>
  JSON.parse(
    execFileSync(node, ['--import', 'tsx', join(__dirname, 'warm.ts')], { cwd: ROOT })
      .toString()
      .trim()
      .split('\n')
      .pop() ?? '{}',
  ) as WarmResult;

export function benchWarm(): WarmReport {
  const runtime = warmOn(runtimeNode());
  return isRuntimeNode() ? { runtime } : { runtime, machine: warmOn(process.execPath) };
}

const us = (value: number) => `${value.toFixed(1)} µs`;

export function warmSection({ runtime, machine }: WarmReport): string {
  const nodes = [runtime, ...(machine ? [machine] : [])];
  const head = [
    'handler',
    `Node ${runtime.node} (Lambda's)`,
    ...(machine ? [`Node ${machine.node} (this machine's)`] : []),
  ];
  const line = (label: string, cell: (w: WarmResult, goals: boolean) => string) => [
    label,
    ...nodes.map((w) => cell(w, w === runtime)),
  ];
  const peerRatio = runtime.fullUs / runtime.peerUs;
  const peerDiff = runtime.fullUs - runtime.peerUs;
  return `## 2. Warm overhead

\`POST /projects\` through its whole middleware chain (identity from the authorizer claims, body checks,
JSON parsing, zod validation, title key and lock digest, ULID, the envelope, the JSON log line and the
EMF metric, both serialized and written as in Lambda) with a stubbed DynamoDB client, against three handlers
making the same stubbed call: a bare async handler that parses the body; plain middy with
\`@middy/http-json-body-parser\` and \`@middy/http-error-handler\`; and the peer a user of these libraries would
write: middy with the JSON body parser, a \`zod/mini\` check of the body, Powertools Logger's
\`injectLambdaContext\` and one log line, Powertools Metrics' \`logMetrics\` and one metric, and
\`@middy/http-error-handler\`. Median per invocation over ${runtime.invocations.toLocaleString('en')} invocations of each, interleaved in
blocks of ${runtime.block}, in a process of its own on each Node; the goals are read on Lambda's.

${table(head, [
  line('bare handler', (w) => us(w.bareUs)),
  line('plain middy: http-json-body-parser + http-error-handler', (w) => us(w.middyUs)),
  line('Powertools peer: + zod, injectLambdaContext, logMetrics', (w) => us(w.peerUs)),
  line('full chain', (w) => us(w.fullUs)),
  line('full chain ÷ Powertools peer', (w, goals) =>
    goals
      ? `**${(w.fullUs / w.peerUs).toFixed(2)} ×** (goal ≤ ${PEER_TARGET} ×: ${mark(w.fullUs / w.peerUs <= PEER_TARGET)})`
      : `${(w.fullUs / w.peerUs).toFixed(2)} ×`,
  ),
  line('full chain ÷ plain middy', (w, goals) =>
    goals
      ? `${(w.fullUs / w.middyUs).toFixed(2)} × (goal ≤ ${MIDDY_TARGET} ×: ${mark(w.fullUs / w.middyUs <= MIDDY_TARGET)})`
      : `${(w.fullUs / w.middyUs).toFixed(2)} ×`,
  ),
  line('added by the chain (over the bare handler)', (w, goals) =>
    goals
      ? `**${us(w.fullUs - w.bareUs)}** (target ≤ ${WARM_TARGET_US} µs: ${mark(w.fullUs - w.bareUs <= WARM_TARGET_US)})`
      : us(w.fullUs - w.bareUs),
  ),
])}

Where the full chain's time goes on Lambda's Node: a CPU profile of ${runtime.profiled.toLocaleString('en')} invocations after the
measurement, each sample given to the part its function's file belongs to (\`bench/warm-profile.ts\`), and
that share of the chain's median. The peer pays for Powertools too, for its own line and metric.

${table(
  ['part of the chain', 'share', '≈ per invocation'],
  Object.entries(runtime.shares)
    .sort(([, a], [, b]) => b - a)
    .map(([part, share]) => [part, `${(share * 100).toFixed(1)} %`, us(share * runtime.fullUs)]),
)}

The Powertools peer writes what the chain writes per request, a log line and an EMF metric; against it the
chain ${peerRatio <= PEER_TARGET ? 'is within the goal' : 'misses the goal'}, at ${us(peerDiff)} more per request. That difference is what the
chain does and the peer does not: the body checks before parsing (size, media type, UTF-8, repeated keys,
depth), strict objects and the title rules, the title key (NFKC, case folding, SHA-256), the ULID, the
contract's envelope and security headers, and the request's fields in the log line. Already done: one shared
Metrics instance instead of a \`singleMetric()\` per request (which built a Metrics object and a Console each
time), ULID randomness drawn 4 KiB at a time, the title key computed once per project.
`;
}
