/**
 * Issue 9 §2 and §5 for conferences: numbers with an extension added to the roster keep it. A typed
 * number that is a contact's number with that extension is that contact; the same main number with
 * another extension is another person at the same switchboard; the same one twice is refused. Only
 * main numbers reach the simulator; the roster, the strip and the log row show "转 …".
 */
import { expect, test } from './support/fixtures';
import { withSwitchboardContact } from './support/switchboard';

test('a conference with extension numbers dials main numbers only and shows each extension on the roster, the strip and the log', async ({ app }) => {
  const { page } = app;
  const handlers = app.runtime.core.handlers;
  await withSwitchboardContact(app);

  const input = page.getByTestId('roster-number-input');
  const items = page.getByTestId('roster-item');
  const add = async (typed: string) => {
    await input.fill(typed);
    await input.press('Enter');
  };
  // The contact's number typed with its extension: that contact, with the extension shown.
  await add('010-62234302-396');
  await expect(items).toHaveCount(1);
  await expect(items.nth(0).locator('.roster-name')).toHaveText('王经理');
  await expect(items.nth(0).getByTestId('roster-extension')).toHaveText('转 396');
  await expect(items.nth(0)).toHaveAttribute('data-number', '01062234302');
  // Another extension at the same switchboard is another person.
  await add('010 6223 4302 转 401');
  await expect(items).toHaveCount(2);
  await expect(items.nth(1).getByTestId('roster-extension')).toHaveText('转 401');
  // The same main number and extension again is the same person: refused, naming who is in.
  await add('01062234302 ext. 396');
  await expect(page.getByTestId('roster-message')).toContainText('王经理');
  await expect(items).toHaveCount(2);
  await add('13700137001');
  await expect(items).toHaveCount(3);

  // The conference being built keeps the extensions across a reload (main holds the draft).
  await expect
    .poll(async () => {
      const r = await handlers.rosterDraftGet({});
      return r.ok ? r.members.map((m) => m.extension ?? '') : [];
    })
    .toEqual(['396', '401', '']);
  await app.reload();
  await expect(items).toHaveCount(3);
  await expect(items.nth(0).getByTestId('roster-extension')).toHaveText('转 396');

  await page.getByTestId('conf-start').click();
  const sheet = page.getByTestId('conf-confirm-sheet');
  await expect(sheet.getByTestId('conf-confirm-list')).toContainText('转 396');
  await sheet.getByTestId('conf-confirm').click();
  await expect(sheet).toBeHidden();

  const sim = await app.simulator();
  await expect.poll(() => sim.requests.filter((r) => r.path === '/call/ecp/startconf.action').length).toBe(1);
  const conf = sim.requests.find((r) => r.path === '/call/ecp/startconf.action')!;
  expect(JSON.parse(conf.params.callee)).toEqual(['01062234302', '01062234302', '13700137001']);
  // The extension digits never reach Yunxin, in any parameter.
  expect(JSON.stringify(conf.params)).not.toMatch(/396|401/);

  const strip = page.getByTestId('call-strip-item').first();
  await expect(strip.getByTestId('call-strip-who')).toContainText('王经理 010 6223 4302 转 396');
  await expect(strip.getByTestId('call-strip-who')).toContainText('010 6223 4302 转 401');
  await expect(strip.getByTestId('call-strip-who')).not.toContainText('王经理 010 6223 4302 转 401');

  await page.getByTestId('tab-log').click();
  const row = page.getByTestId('log-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('王经理 010 6223 4302 转 396');
  await expect(row).toContainText('010 6223 4302 转 401');
  // The colleague at extension 401 is not named after the contact at 396.
  await expect(row).not.toContainText('王经理 010 6223 4302 转 401');
});
