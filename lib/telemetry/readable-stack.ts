/**
 * Stacks that name the .ts file and line, read against the bundle's source map only when an
 * unexpected error is logged. Node's `--enable-source-maps` would read and parse the map
 * (650 to 770 KiB) at every cold start, whether an error ever comes or not; here the first
 * logged exception of an instance pays for it once (docs/benchmarks.md, section 1), and the
 * map is kept for the next.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';

/** `    at name (file:line:column)` or `    at file:line:column`. */
const FRAME = /^(\s*at (?:.+? \()?)(\/[^():]+\.js):(\d+):(\d+)(\)?)$/;

/** The source map beside each bundle file, read once; null where there is none. */
const maps = new Map<string, SourceMap | null>();

function mapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  return map;
}

/** A frame of a bundle as the .ts file and line it was built from; any other line as it is. */
function readableFrame(line: string): string {
  const [, head, file, row, column, tail] = FRAME.exec(line) ?? [];
  const map = file === undefined ? null : mapOf(file);
  if (!map) return line;
  const entry = map.findEntry(Number(row) - 1, Number(column) - 1) as Partial<{
    originalSource: string;
    originalLine: number;
    originalColumn: number;
  }>;
  if (entry.originalSource === undefined || entry.originalLine === undefined) return line;
  const source = resolve(dirname(file as string), entry.originalSource.replace(/^file:\/\//, ''));
  return `${head}${source}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}${tail}`;
}

/** The stack with every frame of a bundle that has a source map read as the .ts file and line. */
export function readableStack(stack: string): string {
  return stack.split('\n').map(readableFrame).join('\n');
}

/**
 * The error, its stack (and its causes' stacks) made readable in place, for the one log line
 * that carries it. Anything thrown that is not an Error is left as it is.
 */
export function withReadableStack<T>(error: T): T {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 8; depth += 1) {
    if (current.stack) current.stack = readableStack(current.stack);
    current = current.cause;
  }
  return error;
}
