/**
 * Section 1: bundle size and module init of every function, from the artifacts that
 * `serverless package` builds, against a reference bundle built in the same run with the
 * same esbuild settings (serverless.yml's custom.esbuild) holding only DynamoDBDocumentClient
 * and one TransactWriteCommand. Init: the time to require the bundle in a fresh Node
 * process, median of RUNS processes, the functions and the reference interleaved; and the
 * price of the source maps each function ships: the map's size, and init with Node's
 * --enable-source-maps (as Lambda runs it, NODE_OPTIONS in serverless.yml) against without.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { serverlessYml } from '../local-stack/serverless-yml';
import { BENCH_ENV, median } from './stats';
import { readZip } from './zip';

const ROOT = join(__dirname, '..');
export const INIT_RUNS = 31;

export interface BundleResult {
  name: string;
  bytes: number;
  initMs: number;
  /** The source map beside the bundle (0 for the reference, built without one). */
  mapBytes: number;
  /** The deployment package (zip), the map in it. */
  zipBytes: number;
  /** Init with --enable-source-maps. */
  initMapsMs: number;
}

export interface BundlesReport {
  reference: BundleResult;
  functions: BundleResult[];
}

/** Milliseconds to require `file` in a fresh Node process with `flags`, in the benchmarks' environment (or `env`). */
export function initOnce(file: string, flags: string[] = [], env: Record<string, string> = BENCH_ENV): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  return Number(
    execFileSync(process.execPath, [...flags, '-e', script], { env: { ...process.env, ...env } }).toString(),
  );
}

export async function benchBundles(): Promise<BundlesReport> {
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
    const bundles: { name: string; file: string; mapBytes: number; zipBytes: number }[] = [];
    for (const [name, fn] of Object.entries(config.functions)) {
      const entry = `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.js`;
      const zipFile = join(work, 'artifacts', `${name}.zip`);
      const files = readZip(zipFile);
      const code = files.get(entry);
      const map = files.get(`${entry}.map`);
      if (!code || !map) throw new Error(`${entry} and its map are not in ${name}.zip`);
      // The bundle keeps its own name, so that its sourceMappingURL finds the map beside it.
      const file = join(work, name, entry);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, code);
      writeFileSync(`${file}.map`, map);
      bundles.push({ name, file, mapBytes: map.length, zipBytes: readFileSync(zipFile).length });
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
    const reference = { name: 'reference', file: referenceFile, mapBytes: 0, zipBytes: 0 };
    const all = [reference, ...bundles];
    const samples = new Map<string, number[]>(all.map(({ name }) => [name, []]));
    const withMaps = new Map<string, number[]>(all.map(({ name }) => [name, []]));
    for (const { file } of all) initOnce(file); // warm the file cache
    for (let run = 0; run < INIT_RUNS; run += 1) {
      for (const { name, file } of all) {
        samples.get(name)?.push(initOnce(file));
        withMaps.get(name)?.push(initOnce(file, ['--enable-source-maps']));
      }
    }
    const result = ({ name, file, mapBytes, zipBytes }: (typeof all)[number]): BundleResult => ({
      name,
      bytes: readFileSync(file).length,
      initMs: median(samples.get(name) ?? []),
      mapBytes,
      zipBytes,
      initMapsMs: median(withMaps.get(name) ?? []),
    });
    return { reference: result(reference), functions: bundles.map(result) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
