// Validates an OpenAPI document (default docs/openapi.json) against the official OpenAPI
// JSON schema, with @seriousme/openapi-schema-validator. Prints the errors; exit 1 if invalid.
import { Validator } from '@seriousme/openapi-schema-validator';

const file = process.argv[2] ?? 'docs/openapi.json';
const validator = new Validator({ strict: true });
const result = await validator.validate(file);
if (!result.valid) {
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
console.log(`${file}: valid OpenAPI ${validator.version}`);
