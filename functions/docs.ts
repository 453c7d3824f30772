import { docsPage, servePage } from '../lib/http/docs/docs-page';
import { swaggerUi } from '../lib/http/docs/swagger-ui';
import { publicHttpHandler } from '../lib/http/public-handler';

/** The page, built once per cold start around the document GET /openapi.json serves. */
const page = docsPage(swaggerUi, '/openapi.json');

/** GET /docs: the API reference, as a page for a browser, without authentication. */
export const handler = publicHttpHandler(servePage(page), { route: 'GET /docs' });
