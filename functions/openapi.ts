import { httpHandler } from '../lib/http';
import { openApiDocument } from '../lib/openapi';
import { version } from '../package.json';

/** Generated once per cold start, from the same schemas and catalog the functions use. */
const document = JSON.stringify(openApiDocument(version));

/** GET /openapi.json: the OpenAPI 3.1 document, without authentication. */
async function getOpenApi() {
  return { status: 200, raw: document, headers: { 'cache-control': 'public, max-age=300' } };
}

export const handler = httpHandler(getOpenApi, { route: 'GET /openapi.json', auth: false });
