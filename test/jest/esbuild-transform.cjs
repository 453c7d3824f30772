// Jest transformer: TypeScript and ESM-only packages (middy, jose) to CommonJS with esbuild,
// the same compiler that bundles the functions for Lambda.
const { transformSync } = require('esbuild');
const { createHash } = require('node:crypto');
const { version } = require('esbuild/package.json');

/**
 * `import x from 'file' with { type: 'text' }` is the file's text, as esbuild bundles it for
 * Lambda; a transform of one file cannot inline it, so it reads the file when the module loads.
 */
const textImport = /import (\w+) from '([^']+)' with \{ type: 'text' \};/g;
const readsText = (source) =>
  source.replace(textImport, "const $1 = require('node:fs').readFileSync(require.resolve('$2'), 'utf8');");

module.exports = {
  canInstrument: false,
  getCacheKey(source, filename) {
    return createHash('sha256').update(version).update(filename).update('\0').update(source).digest('hex');
  },
  process(source, filename) {
    const loader = filename.endsWith('.ts') ? 'ts' : 'js';
    const result = transformSync(readsText(source), {
      loader,
      format: 'cjs',
      target: 'node20',
      platform: 'node',
      sourcemap: 'inline',
      // Every module here becomes CommonJS with an `__esModule` mark, so a `.mjs` file imports
      // as the others do, not with Node's interop (where `default` is the whole exports object).
      sourcefile: filename.replace(/\.mjs$/, '.js'),
      supported: { 'dynamic-import': false },
      logLevel: 'silent',
    });
    return { code: result.code };
  },
};
