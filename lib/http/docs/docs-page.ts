/**
 * The API reference page (`GET /docs`): Swagger UI rendering the OpenAPI document the API
 * serves, with its script and style inlined so that the page needs no network but the API
 * itself. Its Content-Security-Policy allows those inlined blocks by their hashes and nothing
 * else: no other script, no CDN, no inline event handler; the document and "Try it out"
 * requests go to this origin only.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { acceptsGzip } from '../negotiation';
import type { Answer } from '../types';

/** What the renderer is made of: its script (a UMD bundle that defines `SwaggerUIBundle`) and its style. */
export interface Renderer {
  script: string;
  style: string;
}

export interface DocsPage {
  html: string;
  contentSecurityPolicy: string;
}

// A string is hashed as UTF-8.
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Script text that cannot end its `<script>` element early: `</script`, and the `<!--` and
 * `<script` that would put the HTML parser into the script's "escaped" states, are written with
 * `\x3C` for `<`, which means the same inside the strings and regular expressions they occur in.
 */
export const inlineScript = (script: string) => script.replace(/<(!--|\/?script)/gi, '\\x3C$1');

/** Style text without a way out of its `<style>` element, and without a source map to fetch. */
export const inlineStyle = (style: string) =>
  style.replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '').replace(/<\/style/gi, '\\3C/style');

export function docsPage(renderer: Renderer, documentUrl: string): DocsPage {
  const start = `window.ui = SwaggerUIBundle(${JSON.stringify({
    url: documentUrl,
    dom_id: '#reference',
    deepLinking: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    displayRequestDuration: true,
    // No request to validator.swagger.io: the page works offline.
    validatorUrl: null,
  })});`;
  const scripts = [inlineScript(renderer.script), start];
  const styles = [
    inlineStyle(renderer.style),
    // The error catalog in the description is a plain HTML table: give it rules and room.
    'body { margin: 0; } .info table { border-collapse: collapse; font-size: 13px; } ' +
      '.info th, .info td { border: 1px solid #d8dde7; padding: 4px 8px; text-align: left; vertical-align: top; }',
  ];
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Projects API reference</title>',
    // An empty icon: without one, the browser asks for /favicon.ico, a 404.
    '<link rel="icon" href="data:,">',
    ...styles.map((style) => `<style>${style}</style>`),
    '</head>',
    '<body>',
    `<noscript>This reference needs JavaScript. The document it renders is <a href="${documentUrl}">${documentUrl}</a>.</noscript>`,
    '<div id="reference"></div>',
    ...scripts.map((script) => `<script>${script}</script>`),
    '</body>',
    '</html>',
  ].join('\n');
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src ${scripts.map(hash).join(' ')}`,
    `style-src ${styles.map(hash).join(' ')}`,
    // Swagger UI's icons are SVG data URLs in its style sheet.
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}

/**
 * The endpoint that answers with the page: gzip-compressed when the client takes it (about a
 * quarter of the size; compressed once per cold start, on first use), cached by browsers for
 * five minutes.
 */
export function servePage(page: DocsPage) {
  let compressed: string | undefined;
  return async ({ headers }: { headers: Readonly<Record<string, string | undefined>> }): Promise<Answer> => {
    const common = {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': page.contentSecurityPolicy,
      'cache-control': 'public, max-age=300',
      vary: 'Accept-Encoding, Origin',
    };
    if (!acceptsGzip(headers['accept-encoding'])) return { status: 200, raw: page.html, headers: common };
    compressed ??= gzipSync(page.html).toString('base64');
    return { status: 200, raw: compressed, base64: true, headers: { ...common, 'content-encoding': 'gzip' } };
  };
}
