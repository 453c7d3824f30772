import document from '../docs/openapi.json';
import { publicHttpHandler } from '../lib/http/public-handler';

/**
 * The document `npm run docs` generates from the schemas and the error catalog (a test fails
 * when the committed file differs from what they generate). Serialized once per cold start;
 * serving the generated file keeps the generator out of the function's bundle.
 */
const body = JSON.stringify(document);

/** GET /openapi.json: the OpenAPI 3.1 document, without authentication. */
async function getOpenApi() {
  return { status: 200, raw: body, headers: { 'cache-control': 'public, max-age=300' } };
}

export const handler = publicHttpHandler(getOpenApi, { route: 'GET /openapi.json' });
