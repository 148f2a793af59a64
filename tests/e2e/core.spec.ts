/**
 * The core path through the bridge: a number typed in any common shape is normalised and called
 * with a correctly signed request; a number that is not a Chinese number never leaves the page.
 */
import { expect, test } from './support/fixtures';

test('first run in sandbox: a typed number is called with a signed request and the strip reaches ended', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('mode-badge')).toHaveText('沙箱 / Sandbox');
  await page.getByTestId('setup-caller-number').fill('+86 139 0013 9000');
  await page.getByTestId('setup-save').click();
  await expect(page.getByTestId('setup-prompt')).toBeHidden();

  await page.getByTestId('dial-input').fill('０１０－６５５２ ９９８８');
  await page.getByTestId('dial-input').press('Enter');
  const strip = page.getByTestId('call-strip-item').first();
  await expect(strip).toHaveAttribute('data-state', 'ended', { timeout: 20_000 });
  // One result in words; the raw cause stays beside it as data, not as the text.
  await expect(strip.getByTestId('call-strip-state')).toHaveText('已结束 · 已接通');
  await expect(strip.getByTestId('call-strip-reason')).toHaveAttribute('data-code', 'NORMAL_CLEARING');
  await expect(strip).not.toContainText('NORMAL_CLEARING');

  const sim = await app.simulator();
  expect(sim.requests.filter((r) => r.path === '/call/ecp/startcall.action')).toHaveLength(1);
  expect(sim.requests[0]).toMatchObject({ signatureValid: true, params: { caller: '13900139000', callee: '01065529988' } });
  expect(sim.requests.every((r) => r.signatureValid)).toBe(true);
});

test('a foreign number is refused with a message naming it, and nothing is sent', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('setup-caller-number').fill('13900139000');
  await page.getByTestId('setup-save').click();
  await page.getByTestId('dial-input').fill('+1 415 555 0100');
  await page.getByTestId('dial-input').press('Enter');
  await expect(page.getByTestId('dial-error')).toContainText('+1 415 555 0100');
  await expect(page.getByTestId('call-strip-item')).toHaveCount(0);
  expect(app.sandbox.simulator()).toBeNull();
});
