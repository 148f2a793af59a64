/**
 * Issue 9 §4: the A–Z bar beside the contact list jumps to the first contact of a letter, in
 * pinyin order (syllable by syllable: 马晨 马伟 before 毛鹏), by mouse and by keyboard. The target
 * rows start far below the first screen, so a bar that does nothing leaves them unrendered.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const SURNAMES = ['安', '白', '陈', '丁', '范', '高', '何', '金', '李'];
const row = (page: Page, name: string) =>
  page.getByTestId('contact-row').filter({ has: page.getByTestId('contact-name-text').getByText(name, { exact: true }) });
const selectedName = (page: Page) => page.locator('[data-testid="contact-row"].selected [data-testid="contact-name-text"]');

/** The row lies wholly inside the list's visible box (not merely rendered in the overscan). */
async function expectShownInList(list: Locator, target: Locator) {
  await expect(target).toBeVisible();
  await expect
    .poll(async () => {
      const l = (await list.boundingBox())!;
      const r = (await target.boundingBox())!;
      return r.y >= l.y - 1 && r.y + r.height <= l.y + l.height + 1;
    })
    .toBe(true);
}

test('the A–Z bar jumps to the first contact of a letter, by click and by typing the letter', async ({ app }) => {
  const { page } = app;
  const handlers = app.runtime.core.handlers;
  await expect(page.getByTestId('contact-list')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  expect((await handlers.settingsSet({ callerNumber: '13900139000' })).ok).toBe(true);
  // 54 contacts from A to L first, then the M and W people the test jumps to; saved in a shuffled order.
  const names = [...SURNAMES.flatMap((s) => ['一', '二', '三', '四', '五', '六'].map((g) => `${s}${g}`)), '毛鹏', '马伟', '王五', '马晨', '张三'];
  let i = 0;
  for (const name of names.reverse()) {
    const saved = await handlers.contactSave({ contact: { name, numbers: [{ label: '手机', number: `1370000${String(i++).padStart(4, '0')}` }] } });
    expect(saved.ok).toBe(true);
  }
  await app.reload();
  const list = page.getByTestId('contact-list');
  await expect(list).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('search-count')).toHaveText(`共 ${names.length} 人`);
  // The first screen shows the A names (安二 first: an-er before an-liu … an-yi); 马晨 is far below and not on screen.
  await expect(row(page, '安二')).toBeVisible();
  await expect(row(page, '马晨')).not.toBeInViewport();

  // Mouse: M selects 马晨 (ma-chen before ma-wei before mao-peng) and brings it into view.
  await page.getByTestId('jump-m').click();
  await expect(selectedName(page)).toHaveText('马晨');
  await expectShownInList(list, row(page, '马晨'));
  await expect(row(page, '安二')).not.toBeInViewport();

  // Keyboard: W typed on the bar moves focus to W and jumps at once.
  await page.getByTestId('jump-m').press('w');
  await expect(page.getByTestId('jump-w')).toBeFocused();
  await expect(selectedName(page)).toHaveText('王五');
  await expectShownInList(list, row(page, '王五'));

  // Home goes to ★ without jumping; ↓ to A and Enter jumps back to the top.
  await page.keyboard.press('Home');
  await expect(page.getByTestId('jump-favorites')).toBeFocused();
  await expect(selectedName(page)).toHaveText('王五');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('jump-a')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(selectedName(page)).toHaveText('安二');
  await expectShownInList(list, row(page, '安二'));

  // A letter nobody's name starts with (E) is focused but marked empty: the selection stays.
  await page.keyboard.press('e');
  await expect(page.getByTestId('jump-e')).toBeFocused();
  await expect(page.getByTestId('jump-e')).toHaveAttribute('aria-disabled', 'true');
  await expect(selectedName(page)).toHaveText('安二');
});
