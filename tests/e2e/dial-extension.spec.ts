/**
 * Issue 9: the dial box reads an extension as the contact editor does. The main number is what the
 * simulator receives; the extension is shown to the dispatcher before and after the call is placed.
 */
import { expect, test } from './support/fixtures';

test('a number with an extension dials the main number and keeps the extension on screen', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('setup-caller-number').fill('13900139000');
  await page.getByTestId('setup-save').click();
  await expect(page.getByTestId('setup-prompt')).toBeHidden();

  const dial = page.getByTestId('dial-input');
  await dial.fill('010-62234302-396');
  await expect(page.getByTestId('dial-normalized')).toContainText('010 6223 4302');
  await expect(page.getByTestId('dial-extension')).toHaveText('· 接通后请转分机 396');
  await dial.press('Enter');
  await expect(page.getByTestId('call-strip-item').first()).toHaveAttribute('data-state', 'ended', { timeout: 20_000 });
  await expect(dial).toHaveValue('');
  await expect(page.getByTestId('dial-normalized')).toContainText('已呼叫 010 6223 4302');
  await expect(page.getByTestId('dial-extension')).toHaveAttribute('data-extension', '396');

  const sim = await app.simulator();
  const starts = sim.requests.filter((r) => r.path === '/call/ecp/startcall.action');
  expect(starts).toHaveLength(1);
  expect(starts[0]).toMatchObject({ signatureValid: true, params: { callee: '01062234302' } });

  // The next number typed replaces the reminder; a spoken extension works the same way.
  await dial.fill('0571-88886666 转 123');
  await expect(page.getByTestId('dial-extension')).toHaveText('· 接通后请转分机 123');
});
