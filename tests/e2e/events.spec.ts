/**
 * The window follows main through its event stream (the preview's Server-Sent Events, carried by
 * the bridge script's `subscribe`): the call strip and the call log move with the call without
 * the window asking again, and a contact list changed by another path shows without a reload.
 * Requests are counted where they leave the page: the bridge's fetches, from the document's own
 * resource timing (so exactly this document's requests, from its first one).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** How many times this document's bridge has sent operation `name`. */
function sent(page: Page, name: string): Promise<number> {
  return page.evaluate((path) => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === path).length, `/__preview/op/${name}`);
}

test('a call moves on the strip and in the log with no callLogList after the initial one', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('setup-caller-number').fill('13900139000');
  await page.getByTestId('setup-save').click();
  await expect(page.getByTestId('setup-prompt')).toBeHidden();
  // The initial read.
  await expect.poll(() => sent(page, 'callLogList')).toBe(1);

  await page.getByTestId('dial-input').fill('13800138000');
  await page.getByTestId('dial-input').press('Enter');
  const strip = page.getByTestId('call-strip-item').first();
  // submitted → ringing → answered → ended, each learned by main's session tracker and pushed
  // (fast in the test sandbox, so only the last state is awaited).
  await expect(strip).toHaveAttribute('data-state', 'ended', { timeout: 20_000 });
  // One result in words; the raw cause stays beside it as data, not as the text.
  await expect(strip.getByTestId('call-strip-state')).toHaveText('已结束 · 已接通');
  await expect(strip.getByTestId('call-strip-reason')).toHaveAttribute('data-code', 'NORMAL_CLEARING');
  await expect(strip).not.toContainText('NORMAL_CLEARING');

  await page.getByTestId('tab-log').click();
  const row = page.getByTestId('log-row');
  await expect(row).toHaveCount(1);
  await expect(row.first()).toHaveAttribute('data-state', 'ended');
  await expect(row.first()).toContainText('138 0013 8000');

  expect(await sent(page, 'startCall')).toBe(1);
  expect(await sent(page, 'callLogList')).toBe(1);
});

test('contacts imported by another path show without a reload', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('setup-caller-number').fill('13900139000');
  await page.getByTestId('setup-save').click();
  await expect(page.getByTestId('contact-list')).toHaveAttribute('data-status', 'ready');
  // Survives only as long as the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  // Not through the window: straight into main, as a second window or a future hub sync would.
  const handlers = app.runtime.core.handlers;
  const csv = Buffer.from('姓名,电话\r\n外部导入甲,13700137001\r\n外部导入乙,13700137002\r\n', 'utf8').toString('base64');
  const preview = await handlers.contactsImportPreview({ fileName: 'other.csv', dataBase64: csv, duplicate: 'skip' });
  if (!preview.ok) throw new Error(preview.message);
  expect(await handlers.contactsImportApply({ importId: preview.preview.importId, duplicate: 'skip' })).toMatchObject({ ok: true, added: 2 });

  await expect(page.getByTestId('contact-row').filter({ hasText: '外部导入甲' })).toHaveCount(1);
  await expect(page.getByTestId('contact-row').filter({ hasText: '外部导入乙' })).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
