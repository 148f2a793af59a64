/**
 * Importing the files dispatch centres really have, through the dialog: a vCard, an .xlsx with two
 * sheets (the sheet picker), and a table whose columns the guess cannot place (the mapping step,
 * driven from the keyboard, then remembered for the same headers).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { test } from './support/fixtures';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/import', name));

test('a vCard 4.0 file becomes its contacts, with every number', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('import-file').setInputFiles({ name: 'contacts.vcf', mimeType: 'text/vcard', buffer: fixture('vcard40.vcf') });
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-source')).toHaveAttribute('data-format', 'vcard');
  // A vCard names its own fields: no column step.
  await expect(preview.getByTestId('import-columns-open')).toHaveCount(0);
  const rows = preview.getByTestId('import-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('毛鹏');
  await expect(rows.nth(0)).toContainText('+86-138-0013-8001');
  await expect(rows.nth(1)).toContainText('Wang Lei');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'new');
  await preview.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.getByTestId('import-done').click();
  await page.getByTestId('search-input').fill('Wang Lei');
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
});

test('an .xlsx with two sheets: the first is read, the other one is picked', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('import-file').setInputFiles({
    name: 'contacts.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: fixture('two-sheets.xlsx'),
  });
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-source')).toHaveAttribute('data-format', 'xlsx');
  const sheet = preview.getByTestId('import-sheet');
  await expect(sheet).toHaveValue('通讯录');
  await expect(preview.getByTestId('import-row')).toHaveCount(2);
  await expect(preview.getByTestId('import-row').first()).toContainText('胡伟');
  await sheet.selectOption('停用');
  await expect(sheet).toHaveValue('停用');
  await expect(preview.getByTestId('import-row')).toHaveCount(1);
  await expect(preview.getByTestId('import-row')).toContainText('吕强');
  await preview.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.getByTestId('import-done').click();
  await page.getByTestId('search-input').fill('吕强');
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
});

test('columns the guess cannot place: the mapping step opens, is driven from the keyboard, and is remembered', async ({ app }) => {
  const { page } = app;
  // 人员 and 联系方式 say nothing the guess knows; 联系方式 holds numbers, so it asks.
  const csv = Buffer.from('人员,联系方式,所在单位\r\n左一,13800138001,一队\r\n左二,13800138002,二队\r\n', 'utf8');
  await page.getByTestId('import-file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: csv });
  const preview = page.getByTestId('import-preview');
  const columns = preview.getByTestId('import-columns');
  await expect(columns).toBeVisible();
  await expect(preview.getByTestId('import-apply')).toBeDisabled();
  const column = (header: string) => columns.locator(`[data-testid="import-column"][data-header="${header}"]`);
  await expect(column('联系方式')).toContainText('13800138001');

  // The first column's select has the focus; the keyboard chooses, Tab moves on.
  const first = column('人员').getByTestId('import-column-role');
  await expect(first).toBeFocused();
  await first.selectOption('name');
  await page.keyboard.press('Tab');
  const second = column('联系方式').getByTestId('import-column-role');
  await expect(second).toBeFocused();
  await second.selectOption('number');
  await page.keyboard.press('Tab');
  const label = column('联系方式').getByTestId('import-column-label');
  await expect(label).toBeFocused();
  await page.keyboard.type('手机');
  await page.keyboard.press('Enter');

  await expect(columns).toHaveCount(0);
  await expect(preview.locator('[data-testid="import-row"][data-status="new"]')).toHaveCount(2);
  await expect(preview.getByTestId('import-row').first()).toContainText('左一');
  await preview.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.getByTestId('import-done').click();
  await page.getByTestId('search-input').fill('左二');
  await expect(page.getByTestId('contact-row')).toHaveCount(1);

  // The same headers again: read with the remembered columns, no step; the rows are now duplicates.
  await page.getByTestId('import-file').setInputFiles({ name: 'roster-2.csv', mimeType: 'text/csv', buffer: csv });
  await expect(preview.locator('[data-testid="import-row"][data-status="duplicate"]')).toHaveCount(2);
  await expect(preview.getByTestId('import-columns')).toHaveCount(0);
  // …and the step stays one click away, showing what was remembered.
  await preview.getByTestId('import-columns-open').click();
  await expect(column('联系方式').getByTestId('import-column-role')).toHaveValue('number');
  await expect(column('联系方式').getByTestId('import-column-label')).toHaveValue('手机');
});
