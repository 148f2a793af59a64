/**
 * Click-to-dial from outside the window, through the browser preview: a dial request is injected
 * where main receives links and the clipboard hotkey (core.desktop.dialRequests, the same object
 * the Electron shell feeds) and reaches the window as a `dialRequested` event. A link never dials
 * by itself: Enter on the confirmation places exactly one call, Esc none, and a queued second link
 * never rings anyone twice.
 */
import type { Page } from '@playwright/test';
import { expect, test, type DispatchApp } from './support/fixtures';

const OWN_NUMBER = '13900139000';
const STARTCALL = '/call/ecp/startcall.action';

async function setUp(app: DispatchApp) {
  const handlers = app.runtime.core.handlers;
  expect((await handlers.settingsSet({ callerNumber: OWN_NUMBER })).ok).toBe(true);
  expect((await handlers.contactSave({ contact: { name: '王调度', numbers: [{ label: '手机', number: '13700000001' }] } })).ok).toBe(true);
  await app.reload();
  await expect(app.page.getByTestId('contact-list')).toHaveAttribute('data-status', 'ready');
}

const link = (app: DispatchApp, url: string) => app.runtime.core.desktop.dialRequests.fromLink(url, 'link');

async function calls(app: DispatchApp): Promise<string[]> {
  const starting = app.sandbox.simulator();
  if (!starting) return [];
  const sim = await starting;
  return sim.requests.filter((r) => r.path === STARTCALL).map((r) => String(r.params.callee));
}

async function expectStripCount(page: Page, n: number) {
  await expect(page.getByTestId('call-strip-item')).toHaveCount(n);
}

test('a tel: link shows the confirmation with the normalised number and the contact; Enter calls once', async ({ app }) => {
  const { page } = app;
  await setUp(app);
  link(app, 'tel:+86-137-0000-0001');
  const sheet = page.getByTestId('dial-request-sheet');
  await expect(sheet).toBeVisible();
  await expect(page.getByTestId('dial-request-number')).toHaveText('137 0000 0001');
  await expect(page.getByTestId('dial-request-contact')).toHaveText('王调度');
  await page.keyboard.press('Enter');
  await expect(sheet).toBeHidden();
  await expectStripCount(page, 1);
  await expect.poll(() => calls(app)).toEqual(['13700000001']);
  // A second Enter after the sheet closed calls nobody.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('call-strip-item').first()).toHaveAttribute('data-state', /ringing|answered|ended/, { timeout: 20_000 });
  expect(await calls(app)).toEqual(['13700000001']);
});

test('Esc cancels: nobody is called', async ({ app }) => {
  const { page } = app;
  await setUp(app);
  link(app, 'dispatchdesk://dial/13700000002');
  await expect(page.getByTestId('dial-request-sheet')).toBeVisible();
  await expect(page.getByTestId('dial-request-contact')).toHaveText('不在通讯录中');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dial-request-sheet')).toBeHidden();
  // Prove the channel still works and that the cancelled number was never sent: the next request is the only call.
  link(app, 'callto:13700000003');
  await expect(page.getByTestId('dial-request-number')).toHaveText('137 0000 0003');
  await page.keyboard.press('Enter');
  await expectStripCount(page, 1);
  await expect.poll(() => calls(app)).toEqual(['13700000003']);
});

test('links arriving while a confirmation is open queue; the same number twice rings once', async ({ app }) => {
  const { page } = app;
  await setUp(app);
  link(app, 'tel:13700000004');
  await expect(page.getByTestId('dial-request-number')).toHaveText('137 0000 0004');
  link(app, 'tel:13700000005');
  link(app, 'tel:137-0000-0004'); // the one shown: not queued again
  link(app, 'tel:13700000005'); // the one waiting: not queued again
  await expect(page.getByTestId('dial-request-waiting')).toContainText('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dial-request-number')).toHaveText('137 0000 0005');
  await expect(page.getByTestId('dial-request-waiting')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dial-request-sheet')).toBeHidden();
  await expectStripCount(page, 2);
  await expect.poll(async () => (await calls(app)).sort()).toEqual(['13700000004', '13700000005']);
});

test('a link with a bad number gets the normal clear error and no confirmation', async ({ app }) => {
  const { page } = app;
  await setUp(app);
  link(app, 'tel:+1-415-555-0100');
  await expect(page.getByTestId('toast').filter({ hasText: '+1-415-555-0100' })).toBeVisible();
  await expect(page.getByTestId('dial-request-sheet')).toHaveCount(0);
  expect(await calls(app)).toEqual([]);
});
