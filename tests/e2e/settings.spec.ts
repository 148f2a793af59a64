/**
 * The settings page as a new dispatcher meets it (issue 10 §1): Test connection tests exactly what
 * the form shows and says which — the sandbox, the saved account or the unsaved input — and the
 * sandbox never vouches for a real AppKey; one Save, always in view, that keeps an accid typed
 * while saving the account for the first time; the AppKey masked after a reload; armed and danger
 * buttons readable (computed contrast).
 */
import { startSimulator, type Simulator } from '../../src/simulator';
import { contrastRatio } from './support/contrast';
import { expect, test, type DispatchApp } from './support/fixtures';

const APP_KEY = 'e2eappkey00000000000000000000a1';
const APP_SECRET = 'e2esecret000000000000000000000a1';
const ACCID = 'ops_desk';
const GETUINFOS = '/nimserver/user/getUinfos.action';

let prod: Simulator;
test.beforeEach(async () => {
  prod = await startSimulator({ accounts: [{ appKey: APP_KEY, appSecret: APP_SECRET, accids: [ACCID] }], record: 100 });
});
test.afterEach(async () => {
  await prod.close();
});

const checksSeen = () => prod.requests.filter((r) => r.path === GETUINFOS).map((r) => r.headers.appkey);

async function openSettings({ page }: DispatchApp) {
  await page.getByTestId('tab-settings').click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
}

async function typeAccount({ page }: DispatchApp, appKey: string, appSecret: string) {
  await page.getByTestId('account-advanced').click();
  await page.getByTestId('account-base-url').fill(prod.url);
  await page.getByTestId('account-app-key').fill(appKey);
  await page.getByTestId('account-app-secret').fill(appSecret);
}

test.describe('Test connection is honest in each mode', () => {
  test('sandbox: tests the simulator and says so; a typed fake AppKey is tested as unsaved input and fails', async ({ app }) => {
    const { page } = app;
    await openSettings(app);
    const target = page.getByTestId('account-check-target');
    await expect(target).toHaveAttribute('data-target', 'sandbox');
    await expect(target).toContainText('测试的是：沙箱');
    await page.getByTestId('account-check').click();
    const ok = page.getByTestId('account-check-ok');
    await expect(ok).toHaveAttribute('data-target', 'sandbox');
    await expect(ok).toContainText('并不说明任何真实 AppKey 有效');
    await expect(ok).not.toContainText('均有效');

    // The case from the issue: a fake AppKey/AppSecret typed but not saved, in sandbox mode.
    await typeAccount(app, 'fakeappkey0000000000000000000000', 'fake-secret-000');
    await expect(target).toHaveAttribute('data-target', 'unsaved');
    await expect(target).toContainText('测试的是：未保存的输入');
    await page.getByTestId('account-check').click();
    await expect(page.getByTestId('account-failure')).toContainText('AppKey');
    await expect(ok).toHaveCount(0);
    // It went to the server typed with it (which does not know that key), once.
    expect(prod.requests.filter((r) => r.path === GETUINFOS)).toHaveLength(1);
    // Tested, not saved: still sandbox, no account.
    await expect(page.getByTestId('mode-badge')).toHaveText('沙箱 / Sandbox');
    await expect(page.getByTestId('account-status')).toContainText('未配置正式账号');
  });

  test('unsaved input that is right says so, for that input, and saves nothing', async ({ app }) => {
    const { page } = app;
    await openSettings(app);
    await page.getByTestId('settings-caller-acc').fill(ACCID);
    await typeAccount(app, APP_KEY, APP_SECRET);
    await page.getByTestId('account-check').click();
    const ok = page.getByTestId('account-check-ok');
    await expect(ok).toHaveAttribute('data-target', 'unsaved');
    await expect(ok).toContainText('尚未保存');
    await expect(ok).toContainText(ACCID);
    expect(checksSeen()).toEqual([APP_KEY]);
    await app.reload();
    await openSettings(app);
    await expect(page.getByTestId('account-status')).toContainText('未配置正式账号');
    await expect(page.getByTestId('mode-badge')).toHaveText('沙箱 / Sandbox');
  });

  test('saved account: one Save keeps the accid typed with it, the AppKey is masked after reload, the check tests the saved account', async ({ app }) => {
    const { page } = app;
    await openSettings(app);
    // First account save with an accid typed in the other section, not saved before.
    await page.getByTestId('settings-caller-acc').fill(ACCID);
    await typeAccount(app, APP_KEY, APP_SECRET);
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-saved')).toBeVisible();
    await expect(page.getByTestId('mode-badge')).toHaveText('正式 / Production');
    await expect(page.getByTestId('settings-caller-acc')).toHaveValue(ACCID);
    expect((await app.runtime.core.handlers.settingsGet({})).ok && app.runtime.core.desktop.settings().callerAcc).toBe(ACCID);

    await app.reload();
    await openSettings(app);
    const masked = `${APP_KEY.slice(0, 4)}…${APP_KEY.slice(-4)}`;
    await expect(page.getByTestId('account-status')).toContainText(masked);
    await expect(page.getByTestId('account-app-key')).toHaveValue('');
    await expect(page.getByTestId('account-app-key')).toHaveAttribute('placeholder', new RegExp(masked));
    expect(await page.content()).not.toContain(APP_KEY);

    const target = page.getByTestId('account-check-target');
    await expect(target).toHaveAttribute('data-target', 'saved');
    await expect(target).toContainText(`测试的是：已保存的账号（${masked}`);
    await page.getByTestId('account-check').click();
    await expect(page.getByTestId('account-check-ok')).toHaveAttribute('data-target', 'saved');
    await expect(page.getByTestId('account-check-ok')).toContainText('已保存的 AppKey');
    expect(checksSeen()).toEqual([APP_KEY]);
  });
});

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
]) {
  test(`one Save button, in view without scrolling at ${viewport.width}×${viewport.height}`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize(viewport);
    await openSettings(app);
    await expect(page.getByTestId('settings-page').locator('button[type="submit"]')).toHaveCount(1);
    const save = page.getByTestId('settings-save');
    const box = (await save.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    // Nothing covers it: the element at its centre is the button itself.
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.dataset.testid,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(hit).toBe('settings-save');
  });
}

test('armed and danger buttons are readable: contrast at least 4.5:1, hovered too', async ({ app }) => {
  const { page } = app;
  await openSettings(app);
  await typeAccount(app, APP_KEY, APP_SECRET);
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();

  const clear = page.getByTestId('account-clear');
  // Not armed, with and without the pointer over it.
  await page.mouse.move(0, 0);
  expect((await contrastRatio(clear)).ratio).toBeGreaterThanOrEqual(4.5);
  await clear.hover();
  expect((await contrastRatio(clear)).ratio).toBeGreaterThanOrEqual(4.5);
  // Armed: the pointer that armed it is still over it.
  await clear.click();
  await expect(clear).toHaveText('确认清除（无法撤销）');
  const armed = await contrastRatio(clear);
  expect(armed.ratio, `armed: ${armed.color} on ${armed.background}`).toBeGreaterThanOrEqual(4.5);
  await page.mouse.move(0, 0);
  expect((await contrastRatio(clear)).ratio).toBeGreaterThanOrEqual(4.5);

  // Every other enabled button on the page too, at rest.
  for (const button of await page.getByTestId('settings-page').locator('button:not([disabled])').all()) {
    const c = await contrastRatio(button);
    expect(c.ratio, `${await button.textContent()}: ${c.color} on ${c.background}`).toBeGreaterThanOrEqual(4.5);
  }
});

test.describe('desktop settings in the browser preview', () => {
  test('the section shows every desktop setting, says each applies only in the desktop app, and stores what is saved', async ({ app }) => {
    const { page } = app;
    await openSettings(app);
    const section = page.getByTestId('settings-section-desktop');
    await expect(section).toHaveAttribute('data-runtime', 'preview');
    await expect(page.getByTestId('desktop-preview-note')).toContainText('只在桌面应用中生效');
    for (const key of ['hotkeyDialClipboard', 'hotkeyToggleWindow', 'closeToTray', 'notifications', 'startAtLogin']) {
      await expect(page.getByTestId(`desktop-only-${key}`)).toHaveText('仅在桌面应用中生效');
    }
    await expect(page.getByTestId('desktop-hotkeyDialClipboard')).toHaveValue('Ctrl+Alt+D');

    // A combination pressed in the field is recorded; a bad one typed gets a sentence and nothing is stored.
    await page.getByTestId('desktop-hotkeyDialClipboard').press('Control+Alt+K');
    await expect(page.getByTestId('desktop-hotkeyDialClipboard')).toHaveValue('Ctrl+Alt+K');
    await page.getByTestId('desktop-hotkeyToggleWindow').fill('Shift+S');
    await page.getByTestId('desktop-notifications').uncheck();
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('desktop-settings-failure')).toContainText('须含 Ctrl、Alt 或 Win/Command');
    expect(app.runtime.core.desktop.desktopSettings.current()).toMatchObject({ hotkeyDialClipboard: 'Ctrl+Alt+D', notifications: true });

    await page.getByTestId('desktop-hotkeyToggleWindow').press('Backspace');
    await expect(page.getByTestId('desktop-hotkeyToggleWindow')).toHaveValue('');
    await page.getByTestId('desktop-hotkeyToggleWindow').press('Enter');
    await expect(page.getByTestId('settings-saved')).toBeVisible();
    expect(app.runtime.core.desktop.desktopSettings.current()).toMatchObject({
      hotkeyDialClipboard: 'Ctrl+Alt+K',
      hotkeyToggleWindow: '',
      notifications: false,
    });

    await app.reload();
    await openSettings(app);
    await expect(page.getByTestId('desktop-hotkeyDialClipboard')).toHaveValue('Ctrl+Alt+K');
    await expect(page.getByTestId('hotkeyToggleWindow-status')).toHaveAttribute('data-status', 'off');
    await expect(page.getByTestId('desktop-notifications')).not.toBeChecked();
  });
});
