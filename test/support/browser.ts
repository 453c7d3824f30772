/**
 * Headless Chromium for the browser tests: Debian's `chromium` package driven by
 * playwright-core (Playwright's own browser downloads cannot work on these machines).
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Where Chromium is: `CHROMIUM_PATH`, or where Debian and Ubuntu put it. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path || !existsSync(path)) {
    throw new Error(
      'The browser tests need Chromium, and none was found. Install it (Debian: sudo apt-get install -y chromium; ' +
        'Ubuntu: sudo apt-get install -y chromium-browser) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // No sandbox when run as root (CI containers); nothing of Chromium's own reaches the network,
    // so that the test proves the page needs none.
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
