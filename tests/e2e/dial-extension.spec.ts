/**
 * Issue 9: the dial box reads an extension as the contact editor does. The main number is what the
 * simulator receives; the extension is shown to the dispatcher before and after the call is placed.
 */
import { expect, test } from './support/fixtures';
import { withSwitchboardContact } from './support/switchboard';

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

/**
 * A tel: link with an extension (injected where main receives links, as in dial-links.spec.ts) and
 * a number with an extension typed in the contact search box: the confirmation shows the
 * extension, the simulator receives only the main number, and the strip item and the log row show
 * "转 …" while the phone rings and after.
 */
test('a tel: link and the search box read the extension: the main number is dialled, the strip and the log show it', async ({ app }) => {
  const { page } = app;
  await withSwitchboardContact(app);

  app.runtime.core.desktop.dialRequests.fromLink('tel:010-62234302-396', 'link');
  await expect(page.getByTestId('dial-request-number')).toContainText('010 6223 4302');
  await expect(page.getByTestId('dial-request-extension')).toHaveText('转 396');
  await expect(page.getByTestId('dial-request-contact')).toHaveText('王经理');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dial-request-sheet')).toBeHidden();
  const first = page.getByTestId('call-strip-item').first();
  await expect(first.getByTestId('call-strip-who')).toHaveText('王经理 010 6223 4302 转 396');

  await page.getByTestId('search-input').fill('0571-88886666 转 123');
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('dial-request-extension')).toHaveText('转 123');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('call-strip-item')).toHaveCount(2);
  await expect(page.getByTestId('call-strip-item').first().getByTestId('call-strip-who')).toHaveText('0571 8888 6666 转 123');

  const sim = await app.simulator();
  await expect
    .poll(() => sim.requests.filter((r) => r.path === '/call/ecp/startcall.action').map((r) => r.params.callee))
    .toEqual(['01062234302', '057188886666']);

  await page.getByTestId('tab-log').click();
  await expect(page.getByTestId('log-row')).toHaveCount(2);
  await expect(page.getByTestId('log-row').filter({ hasText: '王经理 010 6223 4302 转 396' })).toHaveCount(1);
  await expect(page.getByTestId('log-row').filter({ hasText: '0571 8888 6666 转 123' })).toHaveCount(1);
});
