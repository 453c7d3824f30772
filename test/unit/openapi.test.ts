import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { errorCatalog } from '../../lib/errors/catalog';
import { gatewayAnswers } from '../../lib/errors/gateway';
import { ROUTES } from '../../lib/http/routes';
import { openApiDocument } from '../../lib/openapi';
import { renderErrorsMarkdown, renderOpenApiJson } from '../../lib/openapi/render';
import { expectDocumented } from '../support/openapi';

const ROOT = join(__dirname, '..', '..');
// biome-ignore lint/suspicious/noExplicitAny: the document is arbitrary JSON
const document = openApiDocument('test') as any;

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 for a real validator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, renderOpenApiJson());
      const { stdout } = await promisify(execFile)(process.execPath, ['scripts/validate-openapi.mjs', file], {
        cwd: ROOT,
      });
      expect(stdout).toContain('valid OpenAPI 3.1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists exactly the routes that serverless.yml deploys', () => {
    const config = parse(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')) as {
      functions: Record<string, { events: { httpApi: string | { method: string; path: string } }[] }>;
    };
    const deployed = Object.values(config.functions)
      .flatMap((fn) => fn.events.map((event) => event.httpApi))
      .filter((event): event is { method: string; path: string } => typeof event === 'object')
      .map((event) => `${event.method.toUpperCase()} ${event.path}`)
      .sort();
    const documented = Object.entries(document.paths as Record<string, object>)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(deployed);
    const table = ROUTES.map((route) => `${route.method} ${route.path}`).sort();
    expect(table).toEqual(deployed);
  });

  it('names every code of the catalog, and documents each but the catch-all’s on a route', () => {
    const catalog = Object.keys(errorCatalog).sort();
    expect([...document.components.schemas.ErrorCode.enum].sort()).toEqual(catalog);
    const used = new Set<string>();
    type Schema = { allOf?: { properties?: { code?: { enum: string[] } } }[]; oneOf?: Schema[]; $ref?: string };
    const gatewayCode = Object.fromEntries(gatewayAnswers.map(({ status, code }) => [String(status), code]));
    for (const operations of Object.values(document.paths as Record<string, Record<string, { responses: object }>>)) {
      for (const operation of Object.values(operations)) {
        for (const [status, response] of Object.entries(operation.responses) as [
          string,
          { content?: Record<string, { schema: Schema }> },
        ][]) {
          const schema = response.content?.['application/json']?.schema;
          // The function's envelope, the gateway's message, or either (`oneOf`).
          for (const one of schema?.oneOf ?? (schema ? [schema] : [])) {
            for (const code of one.allOf?.[1]?.properties?.code?.enum ?? []) used.add(code);
            if (one.$ref === '#/components/schemas/GatewayMessage')
              used.add(gatewayCode[status] ?? `no code for ${status}`);
          }
        }
      }
    }
    // The two answers of the catch-all route, for what no documented operation is.
    const catchAll = ['ROUTE_NOT_FOUND', 'METHOD_NOT_ALLOWED'];
    expect([...used].sort()).toEqual(catalog.filter((code) => !catchAll.includes(code)));
    expect(document.info.description).toContain('ROUTE_NOT_FOUND');
    expect(document.info.description).toContain('405 METHOD_NOT_ALLOWED');
    expect(document.components.responses.MethodNotAllowed.headers).toHaveProperty('Allow');
  });

  it('documents the headers clients send and the security scheme', () => {
    expect(Object.keys(document.components.parameters)).toEqual(
      expect.arrayContaining(['Idempotency-Key', 'If-Match', 'Accept-Language', 'ProjectId']),
    );
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/openapi.json'].get.security).toEqual([]);
  });

  it('refuses an answer it does not describe (the contract test can fail)', () => {
    const reply = (status: number, json: unknown) => ({
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(json),
      json,
    });
    expect(() => expectDocumented('POST', '/projects', reply(201, { status: 'Success', data: { id: 1 } }))).toThrow();
    expect(() => expectDocumented('POST', '/projects', reply(418, {}))).toThrow();
    expect(() =>
      expectDocumented(
        'GET',
        '/projects/{id}',
        reply(404, { status: 'Failed', code: 'PROJECT_TITLE_CONFLICT', message: 'x', requestId: 'r' }),
      ),
    ).toThrow();
    expect(() =>
      expectDocumented(
        'GET',
        '/projects/{id}',
        reply(404, { status: 'Failed', code: 'PROJECT_NOT_FOUND', message: 'x', requestId: 'r' }),
      ),
    ).not.toThrow();
  });
});

describe('the generated docs', () => {
  it('docs/openapi.json is current (run npm run docs)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'openapi.json'), 'utf8')).toBe(renderOpenApiJson());
  });

  it('client/schema.d.ts, the typed client’s types, is what the document generates (run npm run docs)', async () => {
    // openapi-typescript loads ES modules that jest cannot: generate in a process of its own.
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['--eval', "require('./lib/openapi/render').renderClientTypes().then((types) => process.stdout.write(types))"],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(readFileSync(join(ROOT, 'client', 'schema.d.ts'), 'utf8')).toBe(stdout);
  });

  it('docs/errors.md is current (run npm run docs)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'errors.md'), 'utf8')).toBe(renderErrorsMarkdown());
  });

  it('docs/errors.md gives every code with its status and both texts', () => {
    const markdown = renderErrorsMarkdown();
    for (const [code, entry] of Object.entries(errorCatalog)) {
      expect(markdown).toContain(`| \`${code}\` | ${entry.status} `);
      expect(markdown).toContain(entry.text.ko);
    }
  });
});
