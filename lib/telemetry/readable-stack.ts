/**
 * Stacks that name the .ts file and line, read against the bundle's source map only when an
 * unexpected error is logged. Node's `--enable-source-maps` would read and parse the map
 * (650 to 770 KiB) at every cold start, whether an error ever comes or not; here the first
 * logged exception of an instance pays for it once (docs/benchmarks.md, section 1), and the
 * map is kept for the next. Reading a stack never throws: what cannot be read stays as it is.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  try {
    const { originalSource, originalLine, originalColumn } = map.findEntry(Number(row) - 1, Number(column) - 1) as {
      originalSource?: unknown;
      originalLine?: number;
      originalColumn?: number;
    };
    if (typeof originalSource !== 'string' || originalLine === undefined) return line;
    const path = originalSource.startsWith('file:') ? fileURLToPath(originalSource) : originalSource;
    const source = resolve(dirname(file as string), path);
    return `${head}${source}:${originalLine + 1}:${(originalColumn ?? 0) + 1}${tail}`;
  } catch {
    return line;
  }
}

/** The stack with every frame of a bundle that has a source map read as the .ts file and line. */
export function readableStack(stack: string): string {
  return stack.split('\n').map(readableFrame).join('\n');
}

/**
 * The error, its stack (and its causes' stacks) made readable in place, for the one log line
 * that carries it. Anything thrown that is not an Error, and a stack that cannot be read or
 * replaced (a frozen error, say), is left as it is: logging an error never throws.
 */
export function withReadableStack<T>(error: T): T {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth += 1) {
    try {
      if (typeof current.stack === 'string') current.stack = readableStack(current.stack);
      current = current.cause;
    } catch {
      break;
    }
  }
  return error;
}
