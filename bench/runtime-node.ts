/**
 * The Node that Lambda's nodejs22.x runtime runs, for the benchmarks that measure what a
 * function costs there (module init, warm invocations).
 *
 * `runtimeNode()` returns the path of a real Node binary of RUNTIME_NODE_VERSION: the npm
 * registry's `node-linux-<arch>` package (arch from `process.arch`, x64 or arm64), fetched
 * once with `npm pack` and unpacked into node_modules/.cache/bench-node/<version>, then
 * reused. The same packages CI runs the tests on (.ci/run). Nothing else is downloaded.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Lambda's nodejs22.x, as .ci/run tests on it. */
export const RUNTIME_NODE_VERSION = '22.23.5';

const CACHE = join(__dirname, '..', 'node_modules', '.cache', 'bench-node');

const versionOf = (node: string) => execFileSync(node, ['--version']).toString().trim();

/** Whether `node` (default: the one running now) is RUNTIME_NODE_VERSION. */
export const isRuntimeNode = (version: string = process.version) => version === `v${RUNTIME_NODE_VERSION}`;

/** The path of Node RUNTIME_NODE_VERSION's binary, fetched into the cache on first use. */
export function runtimeNode(version: string = RUNTIME_NODE_VERSION): string {
  const dir = join(CACHE, version);
  const node = join(dir, 'package', 'bin', 'node');
  if (existsSync(node) && versionOf(node) === `v${version}`) return node;

  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch as string];
  if (process.platform !== 'linux' || !arch) {
    throw new Error(
      `no node-linux package for ${process.platform}/${process.arch}: the benchmarks need Linux on x64 or arm64`,
    );
  }
  mkdirSync(CACHE, { recursive: true });
  // Unpacked beside the cache entry, then renamed into place: a broken fetch leaves no half entry.
  const work = mkdtempSync(join(CACHE, `.${version}-`));
  try {
    execFileSync('npm', ['pack', '--silent', `node-linux-${arch}@${version}`], { cwd: work, stdio: 'ignore' });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack node-linux-${arch}@${version} left no tarball`);
    execFileSync('tar', ['xzf', tarball], { cwd: work });
    rmSync(join(work, tarball));
    rmSync(dir, { recursive: true, force: true });
    renameSync(work, dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const found = versionOf(node);
  if (found !== `v${version}`) throw new Error(`${node} is ${found}, not v${version}`);
  return node;
}

if (require.main === module) process.stdout.write(`${runtimeNode()}\n`);
