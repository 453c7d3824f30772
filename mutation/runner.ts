/**
 * `npm run mutate [-- --incremental [--force]] [-- --mutate 'lib/domain/**\/*.ts']`
 *
 * Mutation testing with StrykerJS (stryker.config.json): starts one DynamoDB Local for the
 * whole run (the test runs would otherwise start one each), runs Stryker over the domain,
 * use-case, DynamoDB, HTTP and error code, and writes docs/mutation.md: the score per folder
 * and every mutant left alive. `--incremental` reuses the results of the last run for the
 * code and tests that did not change (reports/mutation/stryker-incremental.json).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal } from '../local-stack/dynamodb-local';

const ROOT = join(__dirname, '..');

/** The mutation score each folder is held to. */
const GOALS: Record<string, number> = {
  'lib/domain': 90,
  'lib/app': 96.3,
  'lib/idempotency': 96.3,
  'lib/dynamodb': 90,
  'lib/http': 85,
};

interface MutantResult {
  fileName: string;
  status: string;
  mutatorName: string;
  replacement?: string;
  /** For an ignored mutant, the reason its `// Stryker disable` comment gives. */
  statusReason?: string;
  location: { start: { line: number; column: number } };
}

/** The mutants of a report in Stryker's JSON schema (the json reporter's mutation.json). */
function fromSchemaReport(file: string): MutantResult[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    files: Record<string, { mutants: Omit<MutantResult, 'fileName'>[] }>;
  };
  return Object.entries(report.files).flatMap(([fileName, { mutants }]) =>
    mutants.map((mutant) => ({ ...mutant, fileName })),
  );
}

/** The results of every run so far, by file: a run over some files replaces theirs only. */
const ALL_RESULTS = join(ROOT, 'reports', 'mutation', 'all-results.json');

function mergeResults(latest: readonly MutantResult[]): MutantResult[] {
  const files = new Set(latest.map((result) => relative(result.fileName)));
  let earlier: MutantResult[] = [];
  try {
    earlier = JSON.parse(readFileSync(ALL_RESULTS, 'utf8')) as MutantResult[];
  } catch {
    // No earlier run on this machine.
  }
  const merged = [...earlier.filter((result) => !files.has(relative(result.fileName))), ...latest];
  mkdirSync(dirname(ALL_RESULTS), { recursive: true });
  writeFileSync(ALL_RESULTS, JSON.stringify(merged));
  return merged;
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

/** The `!` patterns of stryker.config.json's `mutate`: files never mutated, never reported. */
const EXCLUSIONS = (
  JSON.parse(readFileSync(join(ROOT, 'stryker.config.json'), 'utf8')) as { mutate: string[] }
).mutate.filter((pattern) => pattern.startsWith('!'));
const EXCLUDED_FILES = new Set(EXCLUSIONS.map((pattern) => pattern.slice(1)));

/** The files of a folder that stryker.config.json mutates (its `!` patterns left out). */
function mutatedFilesIn(folder: string): string[] {
  const dir = folder === 'lib (root)' ? 'lib' : folder;
  return readdirSync(join(ROOT, dir))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => `${dir}/${name}`)
    .filter((file) => !EXCLUDED_FILES.has(file));
}

export function renderReport(all: readonly MutantResult[], seconds: number): string {
  const results = all.filter((result) => !EXCLUDED_FILES.has(relative(result.fileName)));
  const byFolder = new Map<string, { detected: number; undetected: number; files: Set<string> }>();
  for (const result of results) {
    const folder = folderOf(result.fileName);
    const tally = byFolder.get(folder) ?? { detected: 0, undetected: 0, files: new Set<string>() };
    tally.files.add(relative(result.fileName));
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
    '<!-- Written by `npm run mutate` (StrykerJS, mutation/runner.ts); do not edit by hand. -->',
    '',
    `${results.length} mutants${seconds > 0 ? `; the last run took ${(seconds / 60).toFixed(1)} min on this 2-core machine` : ''} (a run over some`,
    'folders keeps the results of the others from earlier runs). A mutant is detected when a test fails (or times',
    'out) with it; its score is detected / (detected + survived + not covered). "Files measured" counts the',
    'files with results against those the configuration mutates (a file of types only has no mutants).',
    '',
    '| folder | files measured | detected | alive | score | goal |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...[...byFolder.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([folder, t]) => {
        const goal = GOALS[folder];
        const verdict = goal === undefined ? '' : `${goal}%: ${score(t) >= goal ? 'met' : 'missed'}`;
        const files = `${t.files.size} of ${mutatedFilesIn(folder).length}`;
        return `| \`${folder}\` | ${files} | ${t.detected} | ${t.undetected} | ${score(t).toFixed(1)}% | ${verdict} |`;
      }),
    `| all | | ${total.detected} | ${total.undetected} | ${score(total).toFixed(1)}% | |`,
    '',
    '## Mutants left alive',
    '',
  ];
  const alive = results
    .filter((result) => UNDETECTED.has(result.status))
    .sort((a, b) => a.fileName.localeCompare(b.fileName) || a.location.start.line - b.location.start.line);
  if (alive.length === 0) lines.push('None.');
  const describe = (result: MutantResult) => {
    const replacement = (result.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80).replace(/`/g, "'");
    return `\`${relative(result.fileName)}:${result.location.start.line}\` ${result.mutatorName}: \`${replacement}\``;
  };
  for (const result of alive) lines.push(`- ${describe(result)} (${result.status})`);
  const equivalent = results.filter((result) => result.status === 'Ignored' && result.statusReason);
  lines.push(
    '',
    '## Equivalent mutants',
    '',
    'Mutants that cannot change what the code does, each marked where it stands with a',
    '`// Stryker disable next-line <mutator>: <why>` comment (Stryker leaves them out of the score):',
    '',
  );
  if (equivalent.length === 0) lines.push('None.');
  for (const result of equivalent) lines.push(`- ${describe(result)}: ${result.statusReason}`);
  return `${lines.join('\n')}\n`;
}

export const MUTATE_USAGE = [
  'usage: npm run mutate [-- --incremental [--force]] [--mutate GLOB …] [--import FILE]',
  '  mutation testing (StrykerJS) of the code, and docs/mutation.md written from its results;',
  '  --import renders docs/mutation.md from a report Stryker wrote, without a run',
].join('\n');

/** `npm run mutate`: the options from the command line; resolves to the exit code. */
export async function mutateCommand(argv: string[] = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      incremental: { type: 'boolean', default: false },
      /** With --incremental: test every mutant again, and keep the results for the next run. */
      force: { type: 'boolean', default: false },
      mutate: { type: 'string', multiple: true },
      /** Merge a report Stryker wrote (mutation.json) and render docs/mutation.md, without a run. */
      import: { type: 'string' },
    },
  });
  if (values.import) {
    const report = renderReport(mergeResults(fromSchemaReport(values.import)), 0);
    writeFileSync(join(ROOT, 'docs', 'mutation.md'), report);
    return 0;
  }
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
      force: values.force,
      // The files asked for, less those the configuration never mutates (its `!` patterns).
      ...(values.mutate ? { mutate: [...values.mutate, ...EXCLUSIONS] } : {}),
    });
    await stryker.runMutationTest();
    const results = mergeResults(fromSchemaReport(join(ROOT, 'reports', 'mutation', 'mutation.json')));
    const report = renderReport(results, (performance.now() - started) / 1000);
    writeFileSync(join(ROOT, 'docs', 'mutation.md'), report);
    process.stdout.write(`wrote docs/mutation.md\n${report.split('## Mutants left alive')[0]}`);
    return 0;
  } finally {
    await dynamo.stop();
  }
}
