/**
 * The layout for long shifts: how many contacts a dispatcher sees at the common laptop sizes, the
 * roster's start button in view with a full roster, nothing spilling out of its box in either
 * language at 1024×640, a one-line idle strip, and the view choices (dark, large text) kept
 * across a reload.
 */
import type { Page } from '@playwright/test';
import { expect, test, type DispatchApp } from './support/fixtures';

const OWN_NUMBER = '13900139000';

/** `n` contacts of one number each; with `switchboard`, the first (pinned on top) also has a landline with an extension. */
async function seedContacts(app: DispatchApp, n: number, { switchboard = false } = {}): Promise<void> {
  const handlers = app.runtime.core.handlers;
  expect((await handlers.settingsSet({ callerNumber: OWN_NUMBER })).ok).toBe(true);
  for (let i = 0; i < n; i++) {
    const mobile = { label: i % 2 ? 'mobile' : '手机', number: `1370000${String(i).padStart(4, '0')}` };
    const saved = await handlers.contactSave({
      contact: {
        name: i % 3 === 0 ? `Dispatcher on night duty ${i}` : `调度员${String(i).padStart(2, '0')}`,
        // The longest number line there is.
        numbers: switchboard && i === 0 ? [{ label: '办公', number: '057188886666', extension: '396' }, mobile] : [mobile],
        org: i % 2 ? 'Emergency Medical Services, Western District' : '消防支队',
        favorite: switchboard && i === 0,
      },
    });
    expect(saved.ok).toBe(true);
  }
}

async function setLanguage(app: DispatchApp, language: 'zh-CN' | 'en'): Promise<void> {
  expect((await app.runtime.core.handlers.settingsSet({ language })).ok).toBe(true);
  await app.reload();
  await expect(app.page.locator('html')).toHaveAttribute('lang', language);
}

/** Rows whose whole box is inside the list's visible area. */
async function rowsFullyVisible(page: Page): Promise<number> {
  return page.getByTestId('contact-list').evaluate((list) => {
    const box = list.getBoundingClientRect();
    const bottom = box.top + list.clientHeight;
    return [...list.querySelectorAll('[data-testid="contact-row"]')].filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= box.top - 0.5 && b.bottom <= bottom + 0.5;
    }).length;
  });
}

/**
 * Every element matching `selector` inside the nearest ancestor matching `container`, and its text
 * not cut off (content no wider than the box). Returns a description of each one that is not.
 */
async function overflowing(page: Page, selector: string, container: string, { strict = false } = {}): Promise<string[]> {
  return page.evaluate(
    ({ selector, container, strict }) => {
      const bad: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>(selector)) {
        if (el.getClientRects().length === 0) continue; // not rendered
        const outer = el.parentElement?.closest<HTMLElement>(container);
        if (!outer) continue;
        const a = el.getBoundingClientRect();
        const b = outer.getBoundingClientRect();
        const name = `${selector} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
        if (a.left < b.left - 0.5 || a.right > b.right + 0.5 || a.top < b.top - 0.5 || a.bottom > b.bottom + 0.5)
          bad.push(
            `${name} [${a.left.toFixed(0)},${a.top.toFixed(0)} ${a.width.toFixed(0)}×${a.height.toFixed(0)}] outside ${container} [${b.left.toFixed(0)},${b.top.toFixed(0)} ${b.width.toFixed(0)}×${b.height.toFixed(0)}]`,
          );
        // A deliberate ellipsis (names, organisations) is not a spill, unless the text must show whole.
        const style = getComputedStyle(el);
        const ellipsis = style.textOverflow === 'ellipsis' && !strict;
        if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'auto' && !ellipsis) bad.push(`${name} text cut: ${el.scrollWidth} > ${el.clientWidth}`);
      }
      return bad;
    },
    { selector, container, strict },
  );
}

/** Number lines whose number (with its extension) reaches under their call button. */
async function numberOverlapsButton(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.number-line')].flatMap((line) => {
      const number = line.querySelector('.number-main')?.getBoundingClientRect();
      const button = line.querySelector('.call-button')?.getBoundingClientRect();
      return number && button && number.right > button.left + 0.5
        ? [`${(line.textContent ?? '').trim()}: ${number.right.toFixed(0)} > ${button.left.toFixed(0)}`]
        : [];
    }),
  );
}

/** The placeholder's text fits the input (a placeholder overflows without changing scrollWidth). */
async function placeholderFits(page: Page, testId: string): Promise<{ text: number; room: number }> {
  return page.getByTestId(testId).evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: ctx.measureText(input.placeholder).width, room };
  });
}

test('at 1366×768 at least 12 contacts are in view, at 1024×640 at least 7', async ({ app }) => {
  const { page } = app;
  await seedContacts(app, 30);
  for (const [width, height, least] of [
    [1366, 768, 12],
    [1024, 640, 7],
  ] as const) {
    await page.setViewportSize({ width, height });
    await app.reload();
    await expect(page.getByTestId('contact-list')).toHaveAttribute('data-status', 'ready');
    const strip = (await page.getByTestId('call-strip').boundingBox())!;
    expect(strip.height, 'the idle strip is one line').toBeLessThanOrEqual(36);
    const rows = await rowsFullyVisible(page);
    console.log(`rows fully visible at ${width}×${height}: ${rows}; idle strip ${strip.height.toFixed(0)} px`);
    expect(rows).toBeGreaterThanOrEqual(least);
  }
});

test('with 8 in the roster the start button is in view at 1024×640 and 1366×768', async ({ app }) => {
  const { page } = app;
  await seedContacts(app, 3);
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.reload();
  const input = page.getByTestId('roster-number-input');
  for (let i = 0; i < 8; i++) {
    await input.fill(`1360013${String(6000 + i)}`);
    await input.press('Enter');
  }
  await expect(page.getByTestId('roster-item')).toHaveCount(8);
  for (const [width, height] of [
    [1024, 640],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    const start = page.getByTestId('conf-start');
    await expect(start).toBeInViewport({ ratio: 1 });
    const box = (await start.boundingBox())!;
    const panel = (await page.locator('.side-panel').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(panel.y + panel.height);
    // The last member can still be reached (the list scrolls inside the panel).
    await page.getByTestId('roster-item').last().scrollIntoViewIfNeeded();
    await expect(page.getByTestId('roster-item').last()).toBeInViewport();
  }
});

for (const language of ['zh-CN', 'en'] as const) {
  test(`nothing spills out of its box at 1024×640 (${language})`, async ({ app }) => {
    const { page } = app;
    await seedContacts(app, 12, { switchboard: true });
    await page.setViewportSize({ width: 1024, height: 640 });
    await setLanguage(app, language);
    await expect(page.getByTestId('contact-list')).toHaveAttribute('data-status', 'ready');

    // Idle: the strip is one line and its sentence fits.
    expect(await overflowing(page, '.strip-empty', '.call-strip', { strict: true })).toEqual([]);
    expect(await overflowing(page, '.brand, .tabs, .header-end', '.app-header')).toEqual([]);
    expect(await overflowing(page, '.tab, .view-controls > *, .help-button, .own-number', '.app-header')).toEqual([]);
    const tabs = (await page.locator('.tabs').boundingBox())!;
    const end = (await page.locator('.header-end').boundingBox())!;
    expect(tabs.x + tabs.width, 'the tabs end before the header controls').toBeLessThanOrEqual(end.x + 0.5);
    expect(await overflowing(page, '.contacts-toolbar > *', '.contacts-toolbar')).toEqual([]);
    expect(await overflowing(page, '.contact-name, .contact-org, .number-line, .cell-actions', '.contact-row')).toEqual([]);
    // A number with its extension: whole, on its line, and left of its call button (not under it).
    await expect(page.getByTestId('contact-extension').first()).toBeVisible();
    expect(await overflowing(page, '.number-main, .number-digits, .number-extension, .call-button', '.number-line', { strict: true })).toEqual([]);
    expect(await numberOverlapsButton(page)).toEqual([]);
    expect(await overflowing(page, '.dial-panel h2, .dial-form, .dial-form > *, #dial-feedback', '.dial-panel')).toEqual([]);
    expect(await overflowing(page, '.roster-panel > *', '.roster-panel')).toEqual([]);
    expect(await overflowing(page, '.side-panel > *', '.side-panel')).toEqual([]);
    for (const input of ['dial-input', 'search-input', 'roster-number-input', 'roster-save-name']) {
      const placeholder = await placeholderFits(page, input);
      expect(placeholder.text, `the placeholder of ${input} fits its box`).toBeLessThanOrEqual(placeholder.room);
    }

    // A call on the strip: the card's lines stay inside the card.
    await page.getByTestId('dial-input').fill('13800138000');
    await page.getByTestId('dial-input').press('Enter');
    await expect(page.getByTestId('call-strip-item')).toHaveAttribute('data-state', 'ended', { timeout: 20_000 });
    expect(await overflowing(page, '.strip-card > *, .strip-head > *', '.strip-card')).toEqual([]);
    expect(await overflowing(page, '.strip-card', '.call-strip')).toEqual([]);

    // The other tabs.
    await page.getByTestId('tab-log').click();
    expect(await overflowing(page, '.log-toolbar > *', '.log-toolbar')).toEqual([]);
    await page.getByTestId('tab-reports').click();
    await expect(page.getByTestId('report-kpis')).toBeVisible();
    expect(await overflowing(page, '.reports-toolbar > *, .preset-buttons > *', '.reports-toolbar')).toEqual([]);
    expect(await overflowing(page, '.kpis > div', '.kpis')).toEqual([]);
    expect(await overflowing(page, '.chart-card', '.chart-grid')).toEqual([]);
    expect(await overflowing(page, '.chart-head h3, .chart-actions', '.chart-card')).toEqual([]);
  });
}

test('dark mode follows the system until chosen; dark and large text survive a reload', async ({ app }) => {
  const { page } = app;
  await seedContacts(app, 3);
  await app.reload();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');

  await page.getByTestId('view-theme').selectOption('dark');
  await page.getByTestId('view-large-text').click();
  await expect(page.getByTestId('view-large-text')).toHaveAttribute('aria-pressed', 'true');
  const normalRow = 50;
  await app.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(html).toHaveAttribute('data-text-size', 'large');
  await expect(page.getByTestId('view-theme')).toHaveValue('dark');
  // Dark for real: the page background is dark, the text light.
  const colours = await page.locator('.contacts-main').evaluate((el) => {
    const lum = (c: string) => {
      const [r, g, b] = c.match(/\d+(\.\d+)?/g)!.map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const s = getComputedStyle(el);
    return { bg: lum(s.backgroundColor), text: lum(getComputedStyle(document.querySelector('.contact-name')!).color) };
  });
  expect(colours.bg).toBeLessThan(60);
  expect(colours.text).toBeGreaterThan(180);
  // Large text: the rows (and their text) are drawn larger.
  const row = (await page.getByTestId('contact-row').first().boundingBox())!;
  expect(row.height).toBeGreaterThan(normalRow * 1.2);
  const font = await page
    .locator('.contact-name')
    .first()
    .evaluate((el) => el.getBoundingClientRect().height);
  expect(font).toBeGreaterThan(15 * 1.5 * 1.2);

  // And back: the system again, normal text, still after a reload.
  await page.getByTestId('view-theme').selectOption('system');
  await page.getByTestId('view-large-text').click();
  await app.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(html).toHaveAttribute('data-text-size', 'normal');
});

test('D goes to the dial box; a whole number typed in the search box offers to dial it', async ({ app }) => {
  const { page } = app;
  await seedContacts(app, 3);
  await app.reload();
  await page.getByTestId('tab-log').click();
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('d');
  await expect(page.getByTestId('dial-input')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.getByTestId('tab-log').click();
  await page.keyboard.press('Control+d');
  await expect(page.getByTestId('dial-input')).toBeFocused();

  const search = page.getByTestId('search-input');
  await search.fill('137-0000-0001');
  await search.press('Enter');
  const sheet = page.getByTestId('dial-request-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId('dial-request-number')).toHaveText('137 0000 0001');
  await expect(sheet.getByTestId('dial-request-contact')).toHaveText('调度员01');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('call-strip-item')).toHaveCount(1);
  await expect(page.getByTestId('call-strip-item')).toContainText('137 0000 0001');
  const sim = await app.simulator();
  expect(sim.requests.filter((r) => r.path.endsWith('startcall.action')).map((r) => r.params.callee)).toEqual(['13700000001']);

  // A partial number is still a search: Enter calls the selected contact, no confirmation.
  await search.fill('张');
  await search.fill('0002');
  await search.press('Enter');
  await expect(sheet).toBeHidden();
});

test('the first call grows the strip without moving the rows under the pointer', async ({ app }) => {
  const { page } = app;
  await seedContacts(app, 20);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.reload();
  const row = page.getByTestId('contact-row').nth(2);
  const before = (await row.boundingBox())!;
  expect((await page.getByTestId('call-strip').boundingBox())!.height).toBeLessThanOrEqual(36);
  await row.getByTestId('contact-call').first().click();
  await expect(page.getByTestId('call-strip-item')).toHaveCount(1);
  expect((await page.getByTestId('call-strip').boundingBox())!.height).toBeGreaterThan(100);
  expect(await row.boundingBox()).toEqual(before);
});
