// Finds a Chromium for the browser tests: an explicit path, Debian's package, or Playwright's own.
import { existsSync } from 'node:fs';

export const CHROMIUM_ENV = 'DISPATCH_CHROMIUM';

export async function findChromium() {
  const explicit = process.env[CHROMIUM_ENV];
  if (explicit) {
    if (existsSync(explicit)) return { path: explicit, source: `$${CHROMIUM_ENV}` };
    throw new Error(`${CHROMIUM_ENV}=${explicit} does not exist.`);
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']) {
    if (existsSync(candidate)) return { path: candidate, source: 'system package' };
  }
  try {
    const { chromium } = await import('playwright-core');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, source: "Playwright's own (npx playwright install chromium)" };
  } catch {
    // playwright-core not resolvable or no browser registry: fall through to the message.
  }
  return null;
}

export const NO_CHROMIUM_HELP = `No Chromium found for the end-to-end tests. Provide one of:
  - Debian/Ubuntu:  sudo apt-get install -y chromium     (gives /usr/bin/chromium)
  - any OS with internet:  npx playwright install chromium
  - an existing browser:  ${CHROMIUM_ENV}=/path/to/chromium npm test
The e2e suite is part of npm test and is never skipped silently.`;
