import { startSimulator } from '../../src/main/simulator';
import { expect, test } from './support/fixtures';

const OWN_NUMBER = '139 0013 9000';

test('first run: sandbox by default, a callback call goes from submitted to ended with a signed request', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('mode-badge')).toHaveText('沙箱 / Sandbox');

  await page.getByTestId('settings-caller-number').fill(OWN_NUMBER);
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  // Main normalised what was typed.
  await expect(page.getByTestId('settings-caller-number')).toHaveValue('13900139000');

  await page.getByTestId('call-callee').fill('+86 138-0013-8000');
  await page.getByTestId('call-start').click();
  const status = page.getByTestId('session-status');
  await expect(status).toHaveAttribute('data-state', 'ended', { timeout: 15_000 });
  await expect(status).toContainText('NORMAL_CLEARING');

  const sim = await app.simulator();
  const calls = sim.requests.filter((r) => r.path === '/call/ecp/startcall.action');
  expect(calls).toHaveLength(1);
  expect(calls[0].signatureValid).toBe(true);
  expect(calls[0].params).toMatchObject({ caller: '13900139000', callee: '13800138000' });
  expect(sim.requests.every((r) => r.signatureValid)).toBe(true);
});

test('a conference rings every callee once; a bad number is refused before anything is sent', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('settings-caller-number').fill(OWN_NUMBER);
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();

  await page.getByTestId('conf-callees').fill('13800138000\n(010) 6552 9988\n400-810-0000');
  await expect(page.getByTestId('conf-count')).toHaveText('3 / 8');
  await page.getByTestId('conf-start').click();
  await expect(page.getByTestId('session-status')).toBeVisible();
  const sim = await app.simulator();
  const conf = sim.requests.find((r) => r.path === '/call/ecp/startconf.action');
  expect(JSON.parse(conf!.params.callee)).toEqual(['13800138000', '01065529988', '4008100000']);
  expect(conf!.signatureValid).toBe(true);

  const before = sim.requests.length;
  await page.getByTestId('call-callee').fill('+1 415 555 0100');
  await page.getByTestId('call-start').click();
  await expect(page.getByTestId('call-failure')).toContainText('+1 415 555 0100');
  expect(sim.requests.length).toBe(before);
});

test('a wrong AppSecret is explained, not shown as a bare code, and the secret never reaches the page', async ({ app }) => {
  const { page } = app;
  const appKey = 'e2eappkey0000000000000000000001';
  const realSecret = 'realsecret0000000000000000000001';
  const wrongSecret = 'WRONGSECRET-sentinel-7f3a9c';
  const prod = await startSimulator({ accounts: [{ appKey, appSecret: realSecret, accids: ['dispatcher'] }] });
  try {
    await page.getByTestId('settings-caller-number').fill(OWN_NUMBER);
    await page.getByTestId('settings-base-url').fill(prod.url);
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-saved')).toBeVisible();

    await page.getByTestId('account-app-key').fill(appKey);
    await page.getByTestId('account-app-secret').fill(wrongSecret);
    await page.getByTestId('account-save').click();
    await expect(page.getByTestId('mode-badge')).toHaveText('正式 / Production');
    await expect(page.getByTestId('account-app-secret')).toHaveValue('');

    await page.getByTestId('call-callee').fill('13800138000');
    await page.getByTestId('call-start').click();
    const failure = page.getByTestId('call-failure');
    await expect(failure).toHaveAttribute('data-code', '414');
    await expect(failure).toContainText('AppSecret');

    await page.getByTestId('account-check').click();
    await expect(page.getByTestId('account-failure')).toContainText('AppSecret');

    expect(prod.requests.length).toBeGreaterThanOrEqual(2);
    expect(prod.requests.every((r) => r.signatureValid === false)).toBe(true);
    expect(await page.content()).not.toContain(wrongSecret);
  } finally {
    await prod.close();
  }
});
