/**
 * `npm run docs`: writes docs/openapi.json and docs/errors.md from the code. A test fails
 * when the committed files differ from what this would write.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderErrorsMarkdown, renderOpenApiJson } from './lib/docs';

const root = join(__dirname, '..');
writeFileSync(join(root, 'docs', 'openapi.json'), renderOpenApiJson());
writeFileSync(join(root, 'docs', 'errors.md'), renderErrorsMarkdown());
process.stdout.write('wrote docs/openapi.json and docs/errors.md\n');
