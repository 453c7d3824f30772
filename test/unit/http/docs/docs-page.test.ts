import { createHash } from 'node:crypto';
import { docsPage, inlineScript, inlineStyle } from '../../../../lib/http/docs/docs-page';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The text of each `<tag>…</tag>` block of a page. */
const blocks = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1] ?? '');

describe('the reference page', () => {
  const renderer = {
    script: 'window.SwaggerUIBundle = (o) => o; const tag = "</script><!-- <SCRIPT>";',
    style: '.a { color: red } /*# sourceMappingURL=swagger-ui.css.map*/',
  };
  const page = docsPage(renderer, '/openapi.json');

  it('allows each inlined script and style by its hash, and nothing else', () => {
    const scripts = blocks(page.html, 'script');
    const styles = blocks(page.html, 'style');
    expect(scripts).toHaveLength(2);
    expect(styles).toHaveLength(2);
    expect(page.contentSecurityPolicy).toBe(
      [
        "default-src 'none'",
        `script-src ${scripts.map(sha256).join(' ')}`,
        `style-src ${styles.map(sha256).join(' ')}`,
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
  });

  it('starts the renderer on the document the API serves, with no validator to call', () => {
    const start = blocks(page.html, 'script')[1] ?? '';
    expect(start).toContain('SwaggerUIBundle({"url":"/openapi.json","dom_id":"#reference"');
    expect(start).toContain('"validatorUrl":null');
    expect(page.html).toContain('<div id="reference"></div>');
    expect(page.html).toContain('<a href="/openapi.json">/openapi.json</a>');
  });

  it('keeps the renderer’s text from ending its element or changing how the parser reads it', () => {
    expect(inlineScript('a = "</script>"; b = /<!--/; c = "<Script>"')).toBe(
      'a = "\\x3C/script>"; b = /\\x3C!--/; c = "\\x3CScript>"',
    );
    expect(page.html.match(/<\/script>/g)).toHaveLength(2);
    expect(inlineStyle(renderer.style)).toBe('.a { color: red } ');
    expect(inlineStyle('a::after { content: "</style>" }')).toBe('a::after { content: "\\3C/style>" }');
  });

  it('asks for no icon (the browser would fetch /favicon.ico, a 404)', () => {
    expect(page.html).toContain('<link rel="icon" href="data:,">');
  });

  it('is a standards-mode HTML document in UTF-8, titled, sized for the device, styles in the head and scripts last', () => {
    const lines = page.html.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<title>Projects API reference</title>',
    ]);
    expect(lines.slice(-2)).toEqual(['</body>', '</html>']);
    const order = ['<style>', '</head>', '<body>', '<noscript>', '<div id="reference">', '<script>', '</body>'];
    const at = order.map((mark) => page.html.indexOf(mark));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('opens the operations as a list, with deep links and request durations, and the catalog table ruled', () => {
    const start = blocks(page.html, 'script')[1] ?? '';
    const options = JSON.parse(start.slice(start.indexOf('(') + 1, start.lastIndexOf(')'))) as Record<string, unknown>;
    expect(options).toMatchObject({ deepLinking: true, docExpansion: 'list', displayRequestDuration: true });
    expect(blocks(page.html, 'style')[1]).toMatch(/\.info th, \.info td \{ border: 1px solid/);
    expect(blocks(page.html, 'style')[1]).toMatch(/\.info table \{ border-collapse: collapse/);
  });
});
