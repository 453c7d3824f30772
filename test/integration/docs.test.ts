/** GET /docs through its function: the page, its policy, compression and caching. */
import { gunzipSync } from 'node:zlib';
import { handler } from '../../functions/docs';
import { apiEvent, invoke, lambdaContext } from '../support/lambda';

const get = (headers: Record<string, string> = {}) =>
  invoke(handler, { method: 'GET', path: '/docs', owner: null, headers });

describe('GET /docs', () => {
  it('returns the page without a token, with its own policy and the other security headers', async () => {
    const reply = await get({ accept: 'text/html' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'sha256-/);
    expect(reply.headers['cache-control']).toBe('public, max-age=300');
    expect(reply.headers.vary).toBe('Accept-Encoding, Origin');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['x-request-id']).toMatch(/^[\w-]+$/);
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.body).toMatch(/^<!doctype html>/);
    // Swagger UI itself, inlined: the page loads no script from anywhere.
    expect(reply.body).toContain('SwaggerUIBundle');
    expect(reply.body).not.toMatch(/<script src=|<link rel="stylesheet"/);
  });

  it('is gzip-compressed for a client that takes it, to the same page in a quarter of the bytes', async () => {
    const plain = await get();
    const result = await handler(
      apiEvent({ method: 'GET', path: '/docs', owner: null, headers: { 'accept-encoding': 'gzip, deflate, br' } }),
      lambdaContext(),
    );
    expect(result.isBase64Encoded).toBe(true);
    expect(result.headers?.['content-encoding']).toBe('gzip');
    const bytes = Buffer.from(result.body ?? '', 'base64');
    expect(gunzipSync(bytes).toString('utf8')).toBe(plain.body);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(plain.body) / 3);
  });
});
