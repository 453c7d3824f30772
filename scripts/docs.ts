/**
 * `npm run docs`: writes docs/openapi.json, docs/errors.md and the typed client's types
 * (client/schema.d.ts) from the code. A test fails when the committed files differ from what
 * this would write.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderClientTypes, renderErrorsMarkdown, renderOpenApiJson } from '../lib/openapi/render';

const root = join(__dirname, '..');
writeFileSync(join(root, 'docs', 'openapi.json'), renderOpenApiJson());
writeFileSync(join(root, 'docs', 'errors.md'), renderErrorsMarkdown());
renderClientTypes().then((types) => {
  writeFileSync(join(root, 'client', 'schema.d.ts'), types);
  process.stdout.write('wrote docs/openapi.json, docs/errors.md and client/schema.d.ts\n');
});
