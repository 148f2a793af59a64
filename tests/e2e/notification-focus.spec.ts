/**
 * Clicking a native notification (call failed / not answered / conference ended) brings the window
 * to the call log at that call's row. The Electron shell's click handler calls
 * core.desktop.focusLogEntry; here the test calls the same function through the preview (the
 * in-process core), and the window receives the event over the preview's event stream.
 */
import { expect, test } from './support/fixtures';

test('a notification click shows the log, scrolled to the entry and highlighted, clearing a filter that hid it', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1024, height: 640 });
  const handlers = app.runtime.core.handlers;
  expect((await handlers.settingsSet({ callerNumber: '13900139000' })).ok).toBe(true);
  const ids: string[] = [];
  for (let i = 0; i < 24; i++) {
    const placed = await handlers.startCall({ callee: `137000001${String(i).padStart(2, '0')}` });
    if (!placed.ok) throw new Error(placed.message);
    ids.push(placed.logId);
  }
  await app.reload();
  await expect(page.getByTestId('contact-list')).toBeVisible();
  // The oldest call: at the far end of the log, out of view once the log shows.
  const target = ids[0];
  expect(app.runtime.core.desktop.focusLogEntry('no-such-entry')).toBe(false);

  // A filter that hides the entry is cleared first.
  await page.getByTestId('tab-log').click();
  await page.getByTestId('log-filter-text').fill('13700000123');
  await expect(page.getByTestId('log-row')).toHaveCount(1);
  await page.getByTestId('tab-contacts').click();

  expect(app.runtime.core.desktop.focusLogEntry(target)).toBe(true);
  const row = page.locator(`[data-testid="log-row"][data-id="${target}"]`);
  await expect(page.getByTestId('tab-log')).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeInViewport();
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('log-filter-text')).toHaveValue('');
  await expect(page.locator('[data-testid="log-row"][aria-current="true"]')).toHaveCount(1);

  // Another notification, for the newest call: the highlight moves there.
  expect(app.runtime.core.desktop.focusLogEntry(ids[23])).toBe(true);
  await expect(page.locator(`[data-testid="log-row"][data-id="${ids[23]}"]`)).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('[data-testid="log-row"][aria-current="true"]')).toHaveCount(1);
});
