/**
 * The application menu's "undo last import" (desktop only; the Electron menu itself is covered by
 * tests/unit/desktop): what it runs in main — core.desktop.undoLastImport, the same undo as the
 * toolbar's — and how its answer reaches the window: the words in a toast, the toolbar's offer
 * gone, the list re-read. Driven here through the preview's main, as the menu's click does.
 */
import { expect, test } from './support/fixtures';

const csv = (text: string) => ({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`, 'utf8') });

test('undoing the last import from main shows the result in the window and removes the toolbar offer', async ({ app }) => {
  const { page } = app;
  const core = app.runtime.core;
  expect(await core.desktop.lastImport()).toBeNull();

  await page.getByTestId('import-file').setInputFiles(csv('姓名,手机\n王五,13600136000\n赵六,13500135000\n'));
  const preview = page.getByTestId('import-preview');
  await preview.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('contact-row')).toHaveCount(2);
  await expect(page.getByTestId('import-undo-last')).toBeVisible();
  // What enables the menu item: main still holds an undoable import.
  expect(await core.desktop.lastImport()).toMatchObject({ counts: { added: 2 } });

  expect(await core.desktop.undoLastImport()).toEqual({ ok: true, removed: 2, restored: 0 });
  await expect(page.getByTestId('toast').filter({ hasText: '已撤销导入' })).toBeVisible();
  await expect(page.getByTestId('contact-row')).toHaveCount(0);
  await expect(page.getByTestId('import-undo-last')).toHaveCount(0);
  expect(await core.desktop.lastImport()).toBeNull();

  // Chosen again (a stale menu): main refuses and the window says why, nothing else changes.
  const again = await core.desktop.undoLastImport();
  expect(again.ok).toBe(false);
  await expect(page.locator('[data-testid="toast"][role="alert"]').filter({ hasText: '无法再撤销' })).toBeVisible();
});
