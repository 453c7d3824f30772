/**
 * `npm run docs`: writes docs/openapi.json, docs/errors.md and the typed client's types
 * (client/schema.d.ts) from the code. A test fails when the committed files differ from what
 * this would write.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runScript } from '../cli/run-script';
import { renderClientTypes, renderErrorsMarkdown, renderOpenApiJson } from '../lib/openapi/render';

const USAGE = 'usage: npm run docs\n  writes docs/openapi.json, docs/errors.md and client/schema.d.ts from the code';

runScript('docs', USAGE, async (argv) => {
  parseArgs({ args: argv, options: {} });
  const root = join(__dirname, '..');
  writeFileSync(join(root, 'docs', 'openapi.json'), renderOpenApiJson());
  writeFileSync(join(root, 'docs', 'errors.md'), renderErrorsMarkdown());
  writeFileSync(join(root, 'client', 'schema.d.ts'), await renderClientTypes());
  process.stdout.write('wrote docs/openapi.json, docs/errors.md and client/schema.d.ts\n');
  return 0;
});
