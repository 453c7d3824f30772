/** Stacks read against a bundle's source map when logged: a real esbuild bundle, minified as the functions are. */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { readableStack, withReadableStack } from '../../../lib/telemetry/readable-stack';

const work = mkdtempSync(join(tmpdir(), 'readable-stack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A bundle of one .ts file whose `fail` throws from line 3 (with a cause from line 2), and its map beside it. */
function bundle(name: string, map = true): { fail: () => never } {
  const source = join(work, `${name}.ts`);
  writeFileSync(
    source,
    [
      'export function fail(): never {',
      "  const cause = new Error('cause');",
      "  throw new Error('boom', { cause });",
      '}',
    ].join('\n'),
  );
  const outfile = join(work, 'out', `${name}.js`);
  buildSync({
    entryPoints: [source],
    outfile,
    bundle: true,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    platform: 'node',
    format: 'cjs',
  });
  if (!map) unlinkSync(`${outfile}.map`);
  return require(outfile);
}

function thrown(fail: () => never): Error {
  try {
    fail();
  } catch (error) {
    return error as Error;
  }
}

describe('readableStack', () => {
  it('names the .ts file, line and column of each frame of a bundle that has a map', () => {
    const error = thrown(bundle('mapped').fail);
    expect(error.stack).toMatch(/out\/mapped\.js:\d+:\d+/);
    const readable = readableStack(error.stack ?? '');
    expect(readable).toContain(`${join(work, 'mapped.ts')}:3:9`);
    expect(readable).not.toMatch(/mapped\.js:/);
    expect(readable.split('\n')[0]).toBe('Error: boom');
  });

  it('leaves frames it cannot read as they are: no map, or not a bundle', () => {
    const error = thrown(bundle('unmapped', false).fail);
    const stack = error.stack ?? '';
    expect(readableStack(stack)).toBe(stack);
    const internal = 'Error: x\n    at Module._compile (node:internal/modules/cjs/loader:1554:14)\n    at <anonymous>';
    expect(readableStack(internal)).toBe(internal);
  });

  it('reads a stack once: a readable stack stays as it is', () => {
    const readable = readableStack(thrown(bundle('twice').fail).stack ?? '');
    expect(readableStack(readable)).toBe(readable);
  });
});

describe('withReadableStack', () => {
  it('makes the error and its causes readable in place, and returns it', () => {
    const error = thrown(bundle('causes').fail);
    expect(withReadableStack(error)).toBe(error);
    expect(error.stack).toContain(`${join(work, 'causes.ts')}:3:9`);
    expect((error.cause as Error).stack).toContain(`${join(work, 'causes.ts')}:2:17`);
  });

  it('never throws: a frozen error, a stack behind a getter that throws, a stack that is not text', () => {
    const frozen = Object.freeze(thrown(bundle('frozen').fail));
    expect(withReadableStack(frozen)).toBe(frozen);
    const getter = new Error('getter');
    Object.defineProperty(getter, 'stack', {
      get() {
        throw new Error('no stack here');
      },
    });
    expect(withReadableStack(getter)).toBe(getter);
    const odd = Object.assign(new Error('odd'), { stack: 42 as unknown as string });
    expect(withReadableStack(odd).stack).toBe(42);
  });

  it('leaves anything thrown that is not an Error as it is', () => {
    expect(withReadableStack('text')).toBe('text');
    expect(withReadableStack(undefined)).toBeUndefined();
    const plain = { stack: 'at /x.js:1:1' };
    expect(withReadableStack(plain)).toEqual({ stack: 'at /x.js:1:1' });
  });
});
