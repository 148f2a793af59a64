/**
 * The contact list with many contacts: a click on "call" is never lost, and a large book arrives
 * in pages (first screen first) and ends up whole and searchable.
 */
import type { Page } from '@playwright/test';
import { expect, test, type DispatchApp } from './support/fixtures';

const OWN_NUMBER = '13900139000';
const STARTCALL = '/call/ecp/startcall.action';

/** Callees of the startcall requests the simulator has received (it starts with the first call). */
async function startCallees(app: DispatchApp): Promise<string[]> {
  const sim = await app.sandbox.simulator();
  return sim ? sim.requests.filter((r) => r.path === STARTCALL).map((r) => r.params.callee) : [];
}

/** n contacts 调度员00… with mobiles 1370000 0000…, saved through main's handler as another path would. */
async function saveDispatchers(handlers: DispatchApp['runtime']['core']['handlers'], n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const saved = await handlers.contactSave({
      contact: { name: `调度员${String(i).padStart(2, '0')}`, numbers: [{ label: '手机', number: `1370000${String(i).padStart(4, '0')}` }] },
    });
    expect(saved.ok).toBe(true);
  }
}

const listScrollTop = (page: Page) => page.getByTestId('contact-list').evaluate((el) => el.scrollTop);

test('a click on the call button of a row cut off at the bottom of the list places exactly one call', async ({ app }) => {
  const { page } = app;
  const handlers = app.runtime.core.handlers;
  expect((await handlers.settingsSet({ callerNumber: OWN_NUMBER })).ok).toBe(true);
  await saveDispatchers(handlers, 40);
  await app.reload();
  const list = page.getByTestId('contact-list');
  await expect(list).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('search-count')).toHaveText('共 40 人');

  // Scroll so that a row is cut by the list's bottom edge with its call button still showing:
  // the row top 30 px above the edge (its button sits 6–42 px into the row).
  const listBox = (await list.boundingBox())!;
  const rowHeight = (await page.getByTestId('contact-row').first().boundingBox())!.height;
  const visibleHeight = await list.evaluate((el) => el.clientHeight);
  const firstCut = Math.ceil((visibleHeight - 30) / rowHeight);
  await list.evaluate((el, top) => (el.scrollTop = top), firstCut * rowHeight - (visibleHeight - 30));
  await page.waitForTimeout(100);

  const bottom = listBox.y + visibleHeight;
  let target: { x: number; y: number; number: string } | null = null;
  for (const row of await page.getByTestId('contact-row').all()) {
    const box = (await row.boundingBox())!;
    if (box.y >= bottom || box.y + box.height <= bottom) continue; // wholly in or wholly out
    const button = row.getByTestId('contact-call').first();
    const b = (await button.boundingBox())!;
    const y = b.y + b.height / 2;
    if (y < bottom - 2) target = { x: b.x + b.width / 2, y, number: (await button.getAttribute('data-number'))! };
  }
  expect(target, 'a partly hidden row with its call button showing').not.toBeNull();
  const { x, y, number } = target!;
  const scrolledTo = await listScrollTop(page);

  // As a hand does it: press, a moment, release.
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.waitForTimeout(80);
  await page.mouse.up();

  await expect.poll(async () => (await startCallees(app)).length, { timeout: 10_000 }).toBe(1);
  expect(await startCallees(app)).toEqual([number]);
  // Selected by the click, but not scrolled away from under the pointer.
  await expect(page.locator('[data-testid="contact-row"].selected [data-testid="contact-call"]')).toHaveAttribute('data-number', number);
  expect(await listScrollTop(page)).toBe(scrolledTo);
  await page.waitForTimeout(500);
  expect(await startCallees(app)).toHaveLength(1);
});

test('a large book arrives in pages, first screen first, and ends up whole and searchable', async ({ app }) => {
  const { page } = app;
  const handlers = app.runtime.core.handlers;
  // The page's own first load must be over before the import: on a busy machine its first request
  // could otherwise be answered after the import and its follow-up pages counted as the reload's.
  await expect(page.getByTestId('contact-list')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  expect((await handlers.settingsSet({ callerNumber: OWN_NUMBER })).ok).toBe(true);
  const count = 9000;
  const rows = Array.from({ length: count }, (_, i) => `联系人${String(i).padStart(4, '0')},136${String(i).padStart(8, '0')}`);
  // The last name in pinyin order, so it comes with the last page.
  rows.push('左最后,13599999999');
  const csv = Buffer.from(['姓名,电话', ...rows].join('\r\n'), 'utf8').toString('base64');
  const preview = await handlers.contactsImportPreview({ fileName: 'many.csv', dataBase64: csv, duplicate: 'skip' });
  expect(preview.ok).toBe(true);
  if (!preview.ok) return;
  expect((await handlers.contactsImportApply({ importId: preview.preview.importId, duplicate: 'skip' })).ok).toBe(true);

  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/contactsList')) requests.push(r.postData() ?? '');
  });
  await app.reload();
  await expect(page.getByTestId('contact-list')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await expect(page.getByTestId('search-count')).toHaveText(`共 ${count + 1} 人`);
  expect(JSON.parse(requests[0])).toEqual({ limit: 200 });
  expect(requests.length).toBeGreaterThanOrEqual(3);

  await page.getByTestId('search-input').fill('zzh');
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expect(page.getByTestId('contact-row')).toContainText('左最后');
});

test('a change made elsewhere keeps the same contact selected and the rows on screen where they were', async ({ app }) => {
  const { page } = app;
  const handlers = app.runtime.core.handlers;
  await saveDispatchers(handlers, 60);
  await app.reload();
  const list = page.getByTestId('contact-list');
  await expect(list).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('search-count')).toHaveText('共 60 人');
  const rowHeight = (await page.getByTestId('contact-row').first().boundingBox())!.height;
  await list.evaluate((el, top) => (el.scrollTop = top), Math.round(rowHeight * 20.5));
  const target = page.locator('[data-testid="contact-row"][data-id]', { hasText: '调度员24' });
  await expect(target).toBeVisible();
  await target.getByTestId('contact-name-text').click();
  const selected = page.locator('[data-testid="contact-row"][aria-selected="true"]');
  await expect(selected).toHaveAttribute('data-id', (await target.getAttribute('data-id'))!);
  const id = (await target.getAttribute('data-id'))!;
  const before = (await target.boundingBox())!.y;

  // Another path (another desk's change in team mode, an import) adds a contact above and removes one above.
  const above = await handlers.contactSave({ contact: { name: '阿新', numbers: [{ label: '', number: '13700009998' }] } });
  expect(above.ok).toBe(true);
  await expect(page.getByTestId('search-count')).toHaveText('共 61 人');
  await expect(selected).toHaveAttribute('data-id', id);
  await expect.poll(async () => (await selected.boundingBox())!.y).toBeCloseTo(before, 0);

  const gone = (await handlers.contactsList({ limit: 200 })) as { ok: true; contacts: Array<{ id: string; name: string }> };
  const first = gone.contacts.find((c) => c.name === '调度员00')!;
  expect((await handlers.contactsDelete({ ids: [first.id, above.ok ? above.contact.id : ''] })).ok).toBe(true);
  await expect(page.getByTestId('search-count')).toHaveText('共 59 人');
  await expect(selected).toHaveAttribute('data-id', id);
  await expect.poll(async () => (await selected.boundingBox())!.y).toBeCloseTo(before, 0);
});
