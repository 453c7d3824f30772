/**
 * Section 1: bundle size and module init of every function, from the artifacts that
 * `serverless package` builds, against a reference bundle built in the same run with the
 * same esbuild settings (serverless.yml's custom.esbuild) holding only DynamoDBDocumentClient
 * and one TransactWriteCommand.
 *
 * Init: the time to require the bundle in a fresh Node process, median of INIT_RUNS
 * processes, every bundle and variant interleaved. It is measured on the Lambda runtime's
 * Node (bench/runtime-node.ts) as shipped, with the NODE_OPTIONS of serverless.yml's
 * provider.environment (whatever they are, none included), and with `--enable-source-maps`
 * toggled (added when the shipped options lack it, removed when they hold it), which is what
 * reading the map beside each bundle costs. Where the machine's Node is another version,
 * init as shipped on it too. The reference runs with the same options as each function.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { serverlessYml } from '../local-stack/serverless-yml';
import { isRuntimeNode, RUNTIME_NODE_VERSION, runtimeNode } from './runtime-node';
import { BENCH_ENV, median, QUICK } from './stats';
import { readZip } from './zip';

const ROOT = join(__dirname, '..');
export const INIT_RUNS = QUICK ? 5 : 31;
export const SOURCE_MAPS = '--enable-source-maps';

export interface BundleResult {
  name: string;
  bytes: number;
  /** The source map beside the bundle (0 for the reference, built without one). */
  mapBytes: number;
  /** The deployment package (zip), the map in it. */
  zipBytes: number;
  /** Whether the function's role may call DynamoDB (the packaged template's IAM policy). */
  dynamoDb: boolean;
  /** Init on the runtime's Node with the shipped NODE_OPTIONS. */
  initMs: number;
  /** Init on the runtime's Node with SOURCE_MAPS toggled in those options. */
  initToggledMs: number;
  /** Init on the machine's Node with the shipped NODE_OPTIONS, when it is another version. */
  initMachineMs?: number;
}

/** Medians, in milliseconds, of the invocations that answer an exception in a fresh instance. */
export interface FirstError {
  /** The first, which reads and parses the source map. */
  firstMs: number;
  /** The first, the same bundle without its map beside it. */
  firstWithoutMapMs: number;
  /** The second, the map already read. */
  secondMs: number;
}

export interface BundlesReport {
  reference: BundleResult;
  functions: BundleResult[];
  /** serverless.yml's provider.environment.NODE_OPTIONS, '' when unset. */
  nodeOptions: string;
  /** The same with SOURCE_MAPS toggled. */
  toggledOptions: string;
  runtimeVersion: string;
  /** Fresh processes per bundle and variant, of which init is the median. */
  runs: number;
  /** The machine's Node, when it is not the runtime's. */
  machineVersion?: string;
  /** The first logged exception of a fresh createProject, with its map and without, and the next one. */
  firstError: FirstError;
}

/** The NODE_OPTIONS the functions run with in Lambda: serverless.yml's provider.environment. */
export function shippedNodeOptions(): string {
  const value = serverlessYml().provider.environment?.NODE_OPTIONS ?? '';
  if (typeof value !== 'string') throw new Error('provider.environment.NODE_OPTIONS in serverless.yml is not a string');
  return value.trim().split(/\s+/).filter(Boolean).join(' ');
}

/** `options` with SOURCE_MAPS removed when present, added when not. */
export function toggleSourceMaps(options: string): string {
  const flags = options.split(' ').filter(Boolean);
  return (flags.includes(SOURCE_MAPS) ? flags.filter((f) => f !== SOURCE_MAPS) : [...flags, SOURCE_MAPS]).join(' ');
}

/**
 * Milliseconds to require `file` in a fresh process of `node` (the machine's by default) with
 * `flags`, in the benchmarks' environment (or `env`; its NODE_OPTIONS, if any, apply).
 */
export function initOnce(
  file: string,
  flags: string[] = [],
  env: Record<string, string> = BENCH_ENV,
  node: string = process.execPath,
): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  return Number(execFileSync(node, [...flags, '-e', script], { env: { ...process.env, ...env } }).toString());
}

/**
 * An event that makes the function throw an exception of its own (a body that is not text),
 * answered 500 and logged at ERROR with its stack.
 */
const FAILING_EVENT = {
  headers: null,
  body: 5,
  requestContext: { requestId: 'bench', authorizer: { jwt: { claims: { sub: 'bench' } } } },
};

/**
 * Milliseconds of the first and of the second logged exception of a fresh instance of the
 * bundle `file`: the first reads the source map beside it, when there is one.
 */
export function firstErrorOnce(
  file: string,
  node: string,
  env: Record<string, string>,
): { first: number; second: number } {
  const script = `
    const { handler } = require(${JSON.stringify(file)});
    const event = ${JSON.stringify(FAILING_EVENT)};
    const context = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 10000 };
    (async () => {
      const times = [];
      for (let i = 0; i < 2; i += 1) {
        const t = process.hrtime.bigint();
        const { statusCode } = await handler(event, context);
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (statusCode !== 500) throw new Error('expected a 500, got ' + statusCode);
      }
      process.stdout.write('\\nfirst-error ' + JSON.stringify({ first: times[0], second: times[1] }) + '\\n');
    })();`;
  // The figures come on stdout, marked as theirs; the ERROR lines on stderr, as Powertools writes them.
  const run = spawnSync(node, ['-e', script], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${file} failed:\n${run.stderr}`);
  const out = `${run.stdout}\n${run.stderr}`;
  const lines = out.split('\n');
  const figures = lines.find((line) => line.startsWith('first-error '));
  const errorLines = lines.filter((line) => line.includes('"level":"ERROR"'));
  if (!figures || errorLines.length !== 2) throw new Error(`${file} did not log two exceptions:\n${out}`);
  if (existsSync(`${file}.map`) && !errorLines.every((line) => /\.ts:\d+:\d+/.test(line))) {
    throw new Error(`the stacks logged by ${file} name no .ts file:\n${out}`);
  }
  const { first, second } = JSON.parse(figures.slice('first-error '.length)) as { first: number; second: number };
  return { first, second };
}

/** The functions whose role the packaged template lets call DynamoDB. */
function dynamoDbFunctions(templateFile: string): Set<string> {
  const template = JSON.parse(readFileSync(templateFile, 'utf8')) as {
    Resources: Record<
      string,
      { Properties?: { Policies?: { PolicyDocument: { Statement: { Action: unknown }[] } }[] } }
    >;
  };
  const found = new Set<string>();
  for (const [name, fn] of Object.entries(serverlessYml().functions)) {
    const policies = (fn.role && template.Resources[fn.role]?.Properties?.Policies) || [];
    const actions = policies.flatMap((p) => p.PolicyDocument.Statement.flatMap((s) => [s.Action].flat()));
    if (actions.some((action) => String(action).startsWith('dynamodb:'))) found.add(name);
  }
  return found;
}

interface Bundle {
  name: string;
  file: string;
  mapBytes: number;
  zipBytes: number;
  dynamoDb: boolean;
}

export async function benchBundles(): Promise<BundlesReport> {
  const runtime = runtimeNode();
  const work = mkdtempSync(join(tmpdir(), 'projects-api-bench-'));
  try {
    execFileSync(
      process.execPath,
      [
        require.resolve('serverless/bin/serverless.js'),
        'package',
        '--stage',
        'bench',
        '--package',
        join(work, 'artifacts'),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
        stdio: 'ignore',
      },
    );
    const config = serverlessYml();
    const talks = dynamoDbFunctions(join(work, 'artifacts', 'cloudformation-template-update-stack.json'));
    const bundles: Bundle[] = [];
    for (const [name, fn] of Object.entries(config.functions)) {
      const entry = `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.js`;
      const zipFile = join(work, 'artifacts', `${name}.zip`);
      const files = readZip(zipFile);
      const code = files.get(entry);
      const map = files.get(`${entry}.map`);
      if (!code) throw new Error(`${entry} is not in ${name}.zip`);
      // The bundle keeps its own name, so that its sourceMappingURL finds the map beside it.
      const file = join(work, name, entry);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, code);
      if (map) writeFileSync(`${file}.map`, map);
      const zipBytes = readFileSync(zipFile).length;
      bundles.push({ name, file, mapBytes: map?.length ?? 0, zipBytes, dynamoDb: talks.has(name) });
    }
    const esbuild = config.custom.esbuild;
    const referenceFile = join(work, 'reference', 'index.js');
    await build({
      entryPoints: [join(__dirname, 'reference-handler.ts')],
      outfile: referenceFile,
      bundle: true,
      minify: esbuild.minify,
      target: esbuild.target,
      platform: esbuild.platform,
      mainFields: esbuild.mainFields,
      format: 'cjs',
      logLevel: 'silent',
    });
    const reference: Bundle = { name: 'reference', file: referenceFile, mapBytes: 0, zipBytes: 0, dynamoDb: true };
    const all = [reference, ...bundles];

    const nodeOptions = shippedNodeOptions();
    const toggledOptions = toggleSourceMaps(nodeOptions);
    const machine = isRuntimeNode() ? undefined : process.execPath;
    const variants = {
      shipped: { node: runtime, options: nodeOptions },
      toggled: { node: runtime, options: toggledOptions },
      ...(machine ? { machine: { node: machine, options: nodeOptions } } : {}),
    };
    const samples = new Map<string, number[]>();
    const add = (name: string, variant: string, ms: number) => {
      const key = `${name} ${variant}`;
      samples.set(key, [...(samples.get(key) ?? []), ms]);
    };
    const sample = (name: string, variant: string) => median(samples.get(`${name} ${variant}`) ?? []);
    const init = (file: string, { node, options }: { node: string; options: string }) =>
      initOnce(file, [], { ...BENCH_ENV, NODE_OPTIONS: options }, node);
    for (const { file } of all) init(file, variants.shipped); // warm the file cache
    for (let run = 0; run < INIT_RUNS; run += 1) {
      for (const { name, file } of all) {
        for (const [variant, how] of Object.entries(variants)) add(name, variant, init(file, how));
      }
    }
    // The first logged exception, with the map and without: the same bundle in another folder.
    const create = bundles.find((bundle) => bundle.name === 'createProject');
    if (!create) throw new Error('no createProject bundle');
    const bare = join(work, 'without-map', 'create-project.js');
    mkdirSync(join(bare, '..'), { recursive: true });
    copyFileSync(create.file, bare);
    const errors = { first: [] as number[], bare: [] as number[], second: [] as number[] };
    const env = { ...BENCH_ENV, NODE_OPTIONS: nodeOptions };
    for (let run = 0; run < INIT_RUNS; run += 1) {
      const withMap = firstErrorOnce(create.file, runtime, env);
      errors.first.push(withMap.first);
      errors.second.push(withMap.second);
      errors.bare.push(firstErrorOnce(bare, runtime, env).first);
    }
    const firstError = {
      firstMs: median(errors.first),
      firstWithoutMapMs: median(errors.bare),
      secondMs: median(errors.second),
    };
    const result = ({ name, file, mapBytes, zipBytes, dynamoDb }: Bundle): BundleResult => ({
      name,
      bytes: readFileSync(file).length,
      mapBytes,
      zipBytes,
      dynamoDb,
      initMs: sample(name, 'shipped'),
      initToggledMs: sample(name, 'toggled'),
      ...(machine ? { initMachineMs: sample(name, 'machine') } : {}),
    });
    return {
      reference: result(reference),
      functions: bundles.map(result),
      nodeOptions,
      toggledOptions,
      runtimeVersion: `v${RUNTIME_NODE_VERSION}`,
      runs: INIT_RUNS,
      ...(machine ? { machineVersion: process.version } : {}),
      firstError,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchBundles().then((report) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`));
}
