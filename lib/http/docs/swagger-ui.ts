/**
 * Swagger UI (swagger-ui-dist), the renderer of the reference page, as text: esbuild inlines
 * both files into the docs function's bundle (`with { type: 'text' }`), so that function alone
 * carries them and the page needs no file beside the bundle and no CDN.
 */

import style from 'swagger-ui-dist/swagger-ui.css' with { type: 'text' };
import script from 'swagger-ui-dist/swagger-ui-bundle.js' with { type: 'text' };
import type { Renderer } from './docs-page';

export const swaggerUi: Renderer = { script, style };
