/**
 * The dispatcher's day in the console, end to end: the renderer in Chromium, the real main-side
 * handlers and stores in this Node process, and the sandbox simulator checking every signature.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator } from '../../src/simulator';
import { expect, test, type DispatchApp } from './support/fixtures';

const OWN_NUMBER = '13900139000';
const SCREENS = join(__dirname, '../../test-results/screens');

async function screenshot(app: DispatchApp, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  await app.page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

async function setOwnNumber(app: DispatchApp) {
  const { page } = app;
  await expect(page.getByTestId('setup-prompt')).toBeVisible();
  await page.getByTestId('setup-caller-number').fill('139-0013-9000');
  await page.getByTestId('setup-save').click();
  await expect(page.getByTestId('setup-prompt')).toBeHidden();
}

async function addContact(app: DispatchApp, name: string, number: string, org = '') {
  const { page } = app;
  await page.getByTestId('contact-new').click();
  const editor = page.getByTestId('contact-editor');
  await editor.getByTestId('contact-name').fill(name);
  await editor.getByTestId('contact-number-0').fill(number);
  if (org) await editor.getByTestId('contact-org').fill(org);
  await editor.getByTestId('contact-save').click();
  await expect(editor).toBeHidden();
}

test('first run, contacts, pinyin search, Enter to call, conference of 8, import, log after reload', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('mode-badge')).toHaveText('沙箱 / Sandbox');
  await setOwnNumber(app);

  await addContact(app, '张三', '+86 138-0013-8000', '调度一组');
  await addContact(app, '李四', '137 0013 7000', '调度二组');
  await addContact(app, '王小明', '(010) 6552 9988');
  await expect(page.getByTestId('contact-row')).toHaveCount(3);
  await screenshot(app, 'contacts');

  // Find 张三 by pinyin initials and call with Enter.
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type('zs');
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expect(page.getByTestId('contact-row')).toContainText('张三');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const strip = page.getByTestId('call-strip-item').first();
  await expect(strip).toContainText('张三');
  await expect(strip).toHaveAttribute('data-state', 'ended', { timeout: 20_000 });
  await screenshot(app, 'call-ended');

  const sim = await app.simulator();
  const calls = sim.requests.filter((r) => r.path === '/call/ecp/startcall.action');
  expect(calls).toHaveLength(1);
  expect(calls[0].params).toMatchObject({ caller: OWN_NUMBER, callee: '13800138000' });

  // Conference: 8 numbers are accepted, the 9th is refused in the UI.
  await page.getByTestId('search-input').fill('');
  const typed = Array.from({ length: 8 }, (_, i) => `1360013600${i}`);
  for (const n of typed) {
    await page.getByTestId('roster-number-input').fill(n);
    await page.getByTestId('roster-number-input').press('Enter');
  }
  await expect(page.getByTestId('roster-count')).toHaveText('8 / 8');
  await page.getByTestId('roster-number-input').fill('13600136099');
  await page.getByTestId('roster-number-input').press('Enter');
  await expect(page.getByTestId('roster-message')).toBeVisible();
  await expect(page.getByTestId('roster-count')).toHaveText('8 / 8');
  await expect(page.getByTestId('roster-item')).toHaveCount(8);

  await page.getByTestId('conf-start').click();
  const sheet = page.getByTestId('conf-confirm-sheet');
  await expect(sheet).toBeVisible();
  await screenshot(app, 'conference-confirm');
  await sheet.getByTestId('conf-confirm').click();
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId('call-strip-item').first()).toHaveAttribute('data-state', /submitted|ringing|answered|ended/);
  const conf = sim.requests.filter((r) => r.path === '/call/ecp/startconf.action');
  expect(conf).toHaveLength(1);
  expect(JSON.parse(conf[0].params.callee)).toEqual(typed);

  // CSV import with a bad row: GBK bytes as Excel saves them in China (姓名,电话 / 赵六 / bad).
  const gbk = Buffer.concat([
    Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]),
    Buffer.from(','),
    Buffer.from([0xb5, 0xe7, 0xbb, 0xb0]),
    Buffer.from('\r\n'),
    Buffer.from([0xd5, 0xd4, 0xc1, 0xf9]),
    Buffer.from(',13500135000\r\n'),
    Buffer.from([0xc7, 0xae, 0xc6, 0xdf]),
    Buffer.from(',12345\r\n'),
  ]);
  await page.getByTestId('import-file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: gbk });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('[data-testid="import-row"][data-status="new"]')).toHaveCount(1);
  await expect(preview.locator('[data-testid="import-row"][data-status="error"]')).toHaveCount(1);
  await expect(preview.locator('[data-testid="import-row"][data-status="error"]')).toContainText('12345');
  await screenshot(app, 'import-preview');
  await preview.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('search-input').fill('zl');
  await expect(page.getByTestId('contact-row')).toContainText('赵六');

  // Every request the simulator saw was correctly signed.
  expect(sim.requests.length).toBeGreaterThanOrEqual(2);
  expect(sim.requests.every((r) => r.signatureValid)).toBe(true);

  // The call log shows all of it, also after a reload.
  await page.reload();
  await page.getByTestId('tab-log').click();
  await expect(page.getByTestId('log-row')).toHaveCount(2);
  await expect(page.getByTestId('log-row').filter({ hasText: '张三' })).toHaveCount(1);
  await screenshot(app, 'call-log');
  await page.getByTestId('tab-settings').click();
  await screenshot(app, 'settings');
});

test('a wrong AppSecret shows the mapped message, and the secret never reaches the page', async ({ app }) => {
  const { page } = app;
  const appKey = 'e2eappkey0000000000000000000001';
  const wrongSecret = 'WRONGSECRET-sentinel-7f3a9c';
  const prod = await startSimulator({ accounts: [{ appKey, appSecret: 'realsecret0000000000000000000001', accids: ['dispatcher'] }] });
  try {
    await setOwnNumber(app);
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('account-advanced').click();
    await page.getByTestId('account-base-url').fill(prod.url);
    await page.getByTestId('account-app-key').fill(appKey);
    await page.getByTestId('account-app-secret').fill(wrongSecret);
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('mode-badge')).toHaveText('正式 / Production');
    await expect(page.getByTestId('account-app-secret')).toHaveValue('');

    await page.getByTestId('account-check').click();
    await expect(page.getByTestId('account-failure')).toContainText('AppSecret');

    await page.getByTestId('tab-contacts').click();
    await page.getByTestId('dial-input').fill('13800138000');
    await page.getByTestId('dial-call').click();
    const strip = page.getByTestId('call-strip-item').first();
    await expect(strip).toHaveAttribute('data-state', 'failed');
    await expect(strip.getByTestId('call-strip-error')).toContainText('AppSecret 与 AppKey 不匹配');
    expect(prod.requests.length).toBe(2);

    // Main sent a message code, not words: the same failure reads in English once the UI is English.
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('settings-language').selectOption('en');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-saved')).toBeVisible();
    await page.getByTestId('tab-contacts').click();
    await expect(strip.getByTestId('call-strip-error')).toContainText('The AppSecret does not match the AppKey');
    await expect(strip.getByTestId('call-strip-error')).not.toContainText('不匹配');
    expect(await page.content()).not.toContain(wrongSecret);
  } finally {
    await prod.close();
  }
});
