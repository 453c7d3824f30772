/**
 * The API reference page, as a person sees it: GET /docs from the real local stack, opened in
 * headless Chromium. The screenshot goes to reports/screenshots/ (kept by the run, not committed).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import openApi from '../../docs/openapi.json';
import { errorCatalog } from '../../lib/errors/catalog';
import { type LocalStack, startStack } from '../../local-stack/stack';
import { launchChromium } from '../support/browser';

jest.setTimeout(180_000);

const SCREENSHOTS = join(__dirname, '..', '..', 'reports', 'screenshots');
const dataDir = mkdtempSync(join(tmpdir(), 'projects-api-docs-'));

describe('GET /docs', () => {
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const violations: string[] = [];
  const elsewhere: string[] = [];
  const failed: string[] = [];

  beforeAll(async () => {
    // The browser first: when Chromium is missing, the failure says how to install it.
    browser = await launchChromium();
    stack = await startStack({ dataDir, inMemory: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (event) => {
        console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI);
      });`,
    });
    // Nothing but the API itself: any other request is recorded and refused, as with no network.
    const origin = new URL(stack.baseUrl).origin;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || new URL(url).origin === origin) return route.continue();
      elsewhere.push(url);
      return route.abort('internetdisconnected');
    });
    await page.goto(`${stack.baseUrl}/docs`, { waitUntil: 'networkidle' });
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'docs.png') });
    for (const message of consoleErrors) if (message.startsWith('CSP violation')) violations.push(message);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is an HTML page served without a token, under a policy that allows its own inlined blocks only', async () => {
    const response = await fetch(`${stack.baseUrl}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/^default-src 'none'; script-src ('sha256-[\w+/=]+' ?)+; style-src ('sha256-[\w+/=]+' ?)+;/);
    expect(policy).not.toMatch(/unsafe|https?:|\*/);
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    const json = await fetch(`${stack.baseUrl}/openapi.json`);
    expect(json.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('renders in Chromium with no console error, no CSP violation and no request beyond the API', () => {
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(elsewhere).toEqual([]);
    expect(failed).toEqual([]);
  });

  it('shows every route of the OpenAPI document, method and path', async () => {
    const shown = await page.$$eval('.opblock-summary', (blocks) =>
      blocks.map((block) => {
        const method = block.querySelector('.opblock-summary-method')?.textContent ?? '';
        const path = block.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? '';
        return `${method.trim().toUpperCase()} ${path}`;
      }),
    );
    const documented = Object.entries(openApi.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(shown.sort()).toEqual(documented.sort());
  });

  it('explains PROJECT_TITLE_CONFLICT: its status, what to do, and its English and Korean texts', async () => {
    const row = await page.locator('#error-PROJECT_TITLE_CONFLICT').innerText();
    const { text } = errorCatalog.PROJECT_TITLE_CONFLICT;
    expect(row).toContain('409 Conflict');
    expect(row).toContain('Choose another title');
    expect(row).toContain(`[Conflict] ${text.en}`);
    expect(row).toContain(`[Conflict] ${text.ko}`);
    await page.locator('#error-PROJECT_TITLE_CONFLICT').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'docs-errors.png') });
  });

  it('shows how to authenticate and how to use Idempotency-Key and If-Match', async () => {
    const info = await page.locator('.info').innerText();
    expect(info).toContain('Authorization: Bearer <JWT>');
    expect(info).toMatch(/Retrying safely: Idempotency-Key/);
    expect(info).toMatch(/Changing safely: ETag and If-Match/);
    expect(await page.locator('.btn.authorize').count()).toBe(1);
  });
});
