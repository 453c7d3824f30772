/**
 * `npm run mutate [-- --incremental] [-- --mutate 'lib/domain/**\/*.ts']`
 *
 * Mutation testing with StrykerJS (stryker.config.json): starts one DynamoDB Local for the
 * whole run (the test runs would otherwise start one each), runs Stryker over the domain,
 * use-case, DynamoDB, HTTP and error code, and writes docs/mutation.md: the score per folder
 * and every mutant left alive. `--incremental` reuses the results of the last run for the
 * code and tests that did not change (reports/mutation/stryker-incremental.json).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal } from './lib/dynamodb-local';

const ROOT = join(__dirname, '..');

/** The goals of issue 14, by folder. */
const GOALS: Record<string, number> = { 'lib/domain': 90, 'lib/dynamodb': 90, 'lib/http': 85 };

interface MutantResult {
  fileName: string;
  status: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number } };
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function folderOf(fileName: string): string {
  const relative = fileName.startsWith(ROOT) ? fileName.slice(ROOT.length + 1) : fileName;
  const parts = relative.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : 'lib (root)';
}

function relative(fileName: string): string {
  return fileName.startsWith(ROOT) ? fileName.slice(ROOT.length + 1) : fileName;
}

export function renderReport(results: readonly MutantResult[], seconds: number): string {
  const byFolder = new Map<string, { detected: number; undetected: number }>();
  for (const result of results) {
    const folder = folderOf(result.fileName);
    const tally = byFolder.get(folder) ?? { detected: 0, undetected: 0 };
    if (DETECTED.has(result.status)) tally.detected += 1;
    if (UNDETECTED.has(result.status)) tally.undetected += 1;
    byFolder.set(folder, tally);
  }
  const score = (t: { detected: number; undetected: number }) =>
    t.detected + t.undetected === 0 ? 100 : (100 * t.detected) / (t.detected + t.undetected);
  const total = [...byFolder.values()].reduce(
    (sum, t) => ({ detected: sum.detected + t.detected, undetected: sum.undetected + t.undetected }),
    { detected: 0, undetected: 0 },
  );
  const lines = [
    '# Mutation testing',
    '',
    '<!-- Written by `npm run mutate` (StrykerJS, scripts/mutate.ts); do not edit by hand. -->',
    '',
    `${results.length} mutants in ${(seconds / 60).toFixed(1)} min on this 2-core machine. A mutant is detected when`,
    'a test fails (or times out) with it; its score is detected / (detected + survived + not covered).',
    '',
    '| folder | detected | alive | score | goal |',
    '| --- | ---: | ---: | ---: | --- |',
    ...[...byFolder.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([folder, t]) => {
        const goal = GOALS[folder];
        const verdict = goal === undefined ? '' : `${goal}%: ${score(t) >= goal ? 'met' : 'missed'}`;
        return `| \`${folder}\` | ${t.detected} | ${t.undetected} | ${score(t).toFixed(1)}% | ${verdict} |`;
      }),
    `| all | ${total.detected} | ${total.undetected} | ${score(total).toFixed(1)}% | |`,
    '',
    '## Mutants left alive',
    '',
  ];
  const alive = results
    .filter((result) => UNDETECTED.has(result.status))
    .sort((a, b) => a.fileName.localeCompare(b.fileName) || a.location.start.line - b.location.start.line);
  if (alive.length === 0) lines.push('None.');
  for (const result of alive) {
    const replacement = (result.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80).replace(/\|/g, '\\|');
    lines.push(
      `- \`${relative(result.fileName)}:${result.location.start.line}\` ${result.mutatorName} (${result.status}): \`${replacement}\``,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { incremental: { type: 'boolean', default: false }, mutate: { type: 'string', multiple: true } },
  });
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dynamo = await startDynamoDbLocal();
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  // A few random rounds are enough to cover the code; each mutant would run them all.
  process.env.RANDOM_RUNS ??= '2';
  const started = performance.now();
  try {
    const { Stryker } = await import('@stryker-mutator/core');
    const stryker = new Stryker({
      configFile: join(ROOT, 'stryker.config.json'),
      incremental: values.incremental,
      ...(values.mutate ? { mutate: values.mutate } : {}),
    });
    const results = (await stryker.runMutationTest()) as unknown as MutantResult[];
    const report = renderReport(results, (performance.now() - started) / 1000);
    writeFileSync(join(ROOT, 'docs', 'mutation.md'), report);
    process.stdout.write(`wrote docs/mutation.md\n${report.split('## Mutants left alive')[0]}`);
    return 0;
  } finally {
    await dynamo.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`mutate failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
