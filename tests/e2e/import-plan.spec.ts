/**
 * The import plan through the UI: a number shared under another name is a conflict the dispatcher
 * decides (and "replace" never removes that other person), and a whole import is undone in one
 * step — from the toast, or from "undo last import" in the contacts toolbar.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const csv = (text: string) => ({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`, 'utf8') });
const rows = (page: Page) => page.getByTestId('contact-row');

test('a same-number conflict is decided in the preview, and replace leaves the other person whole', async ({ app }) => {
  const { page } = app;
  const handlers = app.runtime.core.handlers;
  const saved = await handlers.contactSave({
    contact: {
      name: '白超',
      numbers: [
        { label: '手机', number: '13800138000' },
        { label: '办公室', number: '010-62234302-396' },
      ],
    },
  });
  expect(saved.ok).toBe(true);
  await app.reload();
  await expect(rows(page)).toHaveCount(1);
  // The office number is shown with its extension; the call button dials the main number only.
  await expect(page.getByTestId('contact-extension')).toHaveText('转 396');
  await expect(page.getByTestId('contact-call').nth(1)).toHaveAttribute('data-number', '01062234302');

  await page.getByTestId('import-file').setInputFiles(csv('姓名,手机,单位,备注,分组\n白超的司机,13800138000,车队,夜班,司机组\n白超的秘书,13800138000,,,\n'));
  const preview = page.getByTestId('import-preview');
  await preview.getByTestId('import-duplicate-policy').selectOption('replace');
  const conflicts = preview.locator('[data-testid="import-row"][data-status="conflict"]');
  await expect(conflicts).toHaveCount(2);
  await expect(conflicts.first().getByTestId('import-row-match')).toContainText('白超');
  await expect(conflicts.first().getByTestId('import-row-facts')).toContainText('车队');
  await expect(conflicts.first().getByTestId('import-row-facts')).toContainText('司机组');
  await expect(preview.getByTestId('import-conflicts-hint')).toBeVisible();
  // Keep the driver (the default), skip the secretary.
  await conflicts.nth(1).getByTestId('import-conflict-decision').selectOption('skip');
  await expect(preview.getByTestId('import-apply')).toHaveText('导入 1 条');
  await preview.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-summary')).toContainText('新增 1');
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('import-preview')).toHaveCount(0);

  await expect(rows(page)).toHaveCount(2);
  const bai = rows(page)
    .filter({ hasText: /^(?!.*司机)/ })
    .filter({ hasText: '白超' });
  await expect(bai.getByTestId('contact-call')).toHaveCount(2);
  await expect(rows(page).filter({ hasText: '白超的司机' })).toHaveCount(1);
  await expect(rows(page).filter({ hasText: '白超的秘书' })).toHaveCount(0);
});

test('an import is undone in one step, from the toast and from "undo last import"', async ({ app }) => {
  const { page } = app;
  const handlers = app.runtime.core.handlers;
  expect((await handlers.contactSave({ contact: { name: '张三', numbers: [{ label: '', number: '13900139000' }], notes: '老备注' } })).ok).toBe(true);
  await app.reload();
  await expect(rows(page)).toHaveCount(1);

  // First import, merged into 张三 and adding 李四: undone from the toast.
  await page.getByTestId('import-file').setInputFiles(csv('姓名,手机,备注\n张三,13900139000,新备注\n李四,13700137000,\n'));
  let preview = page.getByTestId('import-preview');
  await preview.getByTestId('import-duplicate-policy').selectOption('merge');
  await expect(preview.getByTestId('import-apply')).toHaveText('导入 2 条');
  await preview.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await expect(rows(page)).toHaveCount(2);
  await page.getByTestId('toast').filter({ hasText: '已导入' }).getByTestId('toast-undo').click();
  await expect(page.getByTestId('toast').filter({ hasText: '已撤销导入' })).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  const listed = await handlers.contactsList({});
  expect(listed.ok && listed.contacts).toEqual([expect.objectContaining({ name: '张三', notes: '老备注' })]);
  await expect(page.getByTestId('import-undo-last')).toHaveCount(0);

  // Second import: the toast is gone after a reload, "undo last import" in the toolbar is not.
  await page.getByTestId('import-file').setInputFiles(csv('姓名,手机\n王五,13600136000\n'));
  preview = page.getByTestId('import-preview');
  await preview.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await app.reload();
  await expect(rows(page)).toHaveCount(2);
  await page.getByTestId('import-undo-last').click();
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId('import-undo-last')).toHaveCount(0);
});
