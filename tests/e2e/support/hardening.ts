/**
 * Helpers for tests/e2e/hardening*.spec.ts: the dispatcher's own steps (set up, dial, build a
 * roster, save an account) and what the simulators saw.
 */
import type { Locator, Page } from '@playwright/test';
import { createServer } from 'node:net';
import { PATHS, SANDBOX_CALLER_ACC, type Simulator } from '../../../src/simulator';
import { formatPhone } from '../../../src/renderer/src/lib/phone-format';
import { expect, type DispatchApp } from './fixtures';

export const OWN_NUMBER = '13900139000';

/** Starts the sandbox simulator before the first call, so a fault can be in place for it. */
export async function sandboxSimulator(app: DispatchApp): Promise<Simulator> {
  await app.sandbox.ensure(SANDBOX_CALLER_ACC);
  return app.simulator();
}

export async function setOwnNumber(page: Page): Promise<void> {
  await expect(page.getByTestId('setup-prompt')).toBeVisible();
  await page.getByTestId('setup-caller-number').fill(OWN_NUMBER);
  await page.getByTestId('setup-save').click();
  await expect(page.getByTestId('setup-prompt')).toBeHidden();
}

export async function addContact(page: Page, name: string, number: string): Promise<void> {
  await page.getByTestId('contact-new').click();
  const editor = page.getByTestId('contact-editor');
  await editor.getByTestId('contact-name').fill(name);
  await editor.getByTestId('contact-number-0').fill(number);
  await editor.getByTestId('contact-save').click();
  await expect(editor).toBeHidden();
}

/** startcall requests the simulator received for `callee` (every one, whatever its answer). */
export function startCallsTo(sim: Simulator, callee: string): number {
  return sim.requests.filter((r) => r.path === PATHS.startCall && r.params.callee === callee).length;
}

/** startconf requests the simulator received for exactly these callees (in any order). */
export function startConfsOf(sim: Simulator, callees: readonly string[]): number {
  const want = [...callees].sort().join(',');
  return sim.requests.filter((r) => {
    if (r.path !== PATHS.startConf) return false;
    try {
      return (JSON.parse(r.params.callee) as string[]).slice().sort().join(',') === want;
    } catch {
      return false;
    }
  }).length;
}

/** The strip cards naming `number` (as the strip formats it). */
export function stripItemsFor(page: Page, number: string): Locator {
  return page.getByTestId('call-strip-item').filter({ has: page.getByTestId('call-strip-who').filter({ hasText: formatPhone(number) }) });
}

/** Conference strip cards whose first shown party is `first`. */
export function confStripItems(page: Page, first: string): Locator {
  return page
    .locator('[data-testid="call-strip-item"][data-kind="conf"]')
    .filter({ has: page.getByTestId('call-strip-who').filter({ hasText: formatPhone(first) }) });
}

export async function fillRoster(page: Page, numbers: readonly string[]): Promise<void> {
  if (await page.getByTestId('roster-clear').isEnabled()) await page.getByTestId('roster-clear').click();
  await expect(page.getByTestId('roster-count')).toHaveText(/^0 \//);
  for (const n of numbers) {
    await page.getByTestId('roster-number-input').fill(n);
    await page.getByTestId('roster-number-input').press('Enter');
  }
  await expect(page.getByTestId('roster-count')).toHaveText(new RegExp(`^${numbers.length} /`));
}

/**
 * Saves a production account through Settings, the way a dispatcher does. The API address is part
 * of the account form: main accepts a new one only together with the AppSecret.
 */
export async function saveAccount(page: Page, baseUrl: string, appKey: string, appSecret: string): Promise<void> {
  await page.getByTestId('tab-settings').click();
  const field = page.getByTestId('account-base-url');
  if (!(await field.isVisible())) await page.getByTestId('account-advanced').click();
  await field.fill(baseUrl);
  await page.getByTestId('account-app-key').fill(appKey);
  await page.getByTestId('account-app-secret').fill(appSecret);
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('mode-badge')).toHaveText('正式 / Production');
  await expect(page.getByTestId('account-app-secret')).toHaveValue('');
  await expect(page.getByTestId('account-failure')).toHaveCount(0);
}

/** A loopback port nothing listens on: bound, then released. */
export async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Some Chinese text, not a bare code: at least `min` CJK characters. */
export function isReadableChinese(text: string, min = 6): boolean {
  return (text.match(/[\u4e00-\u9fff]/g) ?? []).length >= min;
}
