/**
 * The layers, as the folders say them: imports point one way (functions → http, app →
 * idempotency → domain ← dynamodb), only lib/dynamodb imports the AWS SDK, the use cases know
 * nothing of HTTP, only the composition root builds adapters, the functions hold no try/catch,
 * and no module imports itself through others.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const files = [...sources('lib'), ...sources('functions')];
const IMPORT = /^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms;

/** What a file imports: packages by name, our modules by path from the root (no extension). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map(([, specifier = '']) =>
    specifier.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), specifier)) : specifier,
  );
}

/** Libraries of HTTP: middy, http-errors and the Lambda event types. */
const HTTP_LIBRARIES = /^(@middy\/|http-errors$|aws-lambda$)/;

const graph = new Map(files.map((file) => [file.replace(/\.ts$/, ''), importsOf(file)]));
const importers = (predicate: (target: string) => boolean) =>
  [...graph].filter(([, targets]) => targets.some(predicate)).map(([file]) => file);

describe('the layers', () => {
  it('let only lib/dynamodb import the AWS SDK', () => {
    expect(importers((target) => target.startsWith('@aws-sdk/')).filter((f) => !f.startsWith('lib/dynamodb/'))).toEqual(
      [],
    );
  });

  it('let only lib/cursor/secrets read Secrets Manager (through Powertools Parameters)', () => {
    expect(importers((target) => target.startsWith('@aws-lambda-powertools/parameters'))).toEqual([
      'lib/cursor/secrets',
    ]);
  });

  it('keep the domain free of AWS, HTTP, use cases, idempotency and adapters', () => {
    const domain = [...graph].filter(([file]) => file.startsWith('lib/domain/'));
    for (const [file, targets] of domain) {
      const outside = targets.filter(
        (t) =>
          /^lib\/(app|dynamodb|http|idempotency|composition|validation|telemetry|cursor)\b/.test(t) ||
          t.startsWith('@aws-sdk/') ||
          HTTP_LIBRARIES.test(t),
      );
      expect({ file, outside }).toEqual({ file, outside: [] });
    }
  });

  it('keep idempotency free of AWS, HTTP, use cases and adapters: it has a port of its own', () => {
    const idempotency = [...graph].filter(([file]) => file.startsWith('lib/idempotency/'));
    expect(idempotency.map(([file]) => file).sort()).toEqual(
      ['key', 'lease', 'record', 'replay', 'store'].map((name) => `lib/idempotency/${name}`),
    );
    for (const [file, targets] of idempotency) {
      const outside = targets.filter(
        (t) =>
          /^lib\/(app|dynamodb|http|composition|validation|telemetry|cursor)\b/.test(t) ||
          t.startsWith('@aws-sdk/') ||
          t.startsWith('@aws-lambda-powertools/') ||
          HTTP_LIBRARIES.test(t),
      );
      expect({ file, outside }).toEqual({ file, outside: [] });
    }
  });

  it('let only the composition root build adapters: functions and use cases import none', () => {
    const adapters = /^lib\/(dynamodb|cursor\/secrets)\b/;
    const users = importers((target) => adapters.test(target)).filter(
      (file) => !/^lib\/(dynamodb|composition|cursor)\//.test(file),
    );
    expect(users).toEqual([]);
  });

  it('leave no loose file at the root of lib: every file is in a folder that says what it is', () => {
    const loose = readdirSync(join(ROOT, 'lib'), { withFileTypes: true }).filter((entry) => !entry.isDirectory());
    expect(loose.map((entry) => entry.name)).toEqual([]);
  });

  it('keep the use cases free of HTTP and of the DynamoDB adapter', () => {
    for (const [file, targets] of [...graph].filter(([f]) => f.startsWith('lib/app/'))) {
      const outside = targets.filter((t) => /^lib\/(http|dynamodb|composition)\b/.test(t) || HTTP_LIBRARIES.test(t));
      expect({ file, outside }).toEqual({ file, outside: [] });
    }
  });

  it('keep the use cases from statuses, headers, request schemas and languages: they return outcomes', () => {
    for (const [file, targets] of [...graph].filter(([f]) => f.startsWith('lib/app/'))) {
      const text = readFileSync(join(ROOT, `${file}.ts`), 'utf8');
      const http = targets.filter((t) => /^lib\/(validation|openapi|telemetry)\b/.test(t) || t === 'zod/mini');
      const words = text.match(/\b(errorCatalog|errorMessage|localize|Language|status|headers?)\b/g) ?? [];
      expect({ file, http, words }).toEqual({ file, http: [], words: [] });
    }
  });

  it('keep the adapter from the HTTP layer and the use cases', () => {
    for (const [file, targets] of [...graph].filter(([f]) => f.startsWith('lib/dynamodb/'))) {
      const outside = targets.filter((t) => /^lib\/(http|app)\b/.test(t));
      expect({ file, outside }).toEqual({ file, outside: [] });
    }
  });

  it('keep the functions short stories: no try/catch, no SDK', () => {
    for (const file of sources('functions')) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect({ file, tryCatch: /\btry\s*\{/.test(text), sdk: text.includes('@aws-sdk/') }).toEqual({
        file,
        tryCatch: false,
        sdk: false,
      });
    }
  });

  it('have no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'visiting');
      for (const target of graph.get(node) ?? []) if (graph.has(target)) visit(target, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('keep every file of lib and functions under 250 lines', () => {
    const long = files.filter((file) => readFileSync(join(ROOT, file), 'utf8').split('\n').length > 250);
    expect(long).toEqual([]);
  });
});
