/**
 * The call strip grows at the bottom of the window when calls start; the rows it would cover are
 * where a dispatcher's pointer is when clicking down the list. A click aimed at a row before the
 * strip changed must still call that row's contact, not land on the strip.
 */
import type { Locator } from '@playwright/test';
import { expect, test, type DispatchApp } from './support/fixtures';

async function seedContacts(app: DispatchApp, n: number): Promise<void> {
  const handlers = app.runtime.core.handlers;
  expect((await handlers.settingsSet({ callerNumber: '13900139000' })).ok).toBe(true);
  for (let i = 0; i < n; i++) {
    const saved = await handlers.contactSave({
      contact: { name: `调度员${String(i).padStart(2, '0')}`, numbers: [{ label: '手机', number: `1370000${String(i).padStart(4, '0')}` }] },
    });
    expect(saved.ok).toBe(true);
  }
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
]) {
  test(`at ${size.width}×${size.height} a click aimed before the first call lands on the row it was aimed at`, async ({ app }) => {
    const { page } = app;
    await seedContacts(app, 30);
    await page.setViewportSize(size);
    await app.reload();
    const strip = page.getByTestId('call-strip');
    const idle = (await strip.boundingBox())!;
    expect(idle.height, 'the idle strip is one line').toBeLessThanOrEqual(36);

    // The two lowest rows whose call button is on screen: where the busy strip would reach.
    const list = (await page.getByTestId('contact-list').boundingBox())!;
    const rows = page.getByTestId('contact-row');
    const onScreen: number[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const c = await centre(rows.nth(i).getByTestId('contact-call').first());
      if (c.y > list.y && c.y < list.y + list.height) onScreen.push(i);
    }
    const [first, next] = onScreen.slice(-2);
    const firstButton = rows.nth(first).getByTestId('contact-call').first();
    const nextButton = rows.nth(next).getByTestId('contact-call').first();
    const nextNumber = await nextButton.getAttribute('data-number');
    const aimed = await centre(nextButton);

    await page.mouse.click(...(Object.values(await centre(firstButton)) as [number, number]));
    await expect(page.getByTestId('call-strip-item')).toHaveCount(1);
    // The strip has its card; the second click goes where the next row's button was before.
    await page.mouse.click(aimed.x, aimed.y);
    const sim = await app.simulator();
    await expect
      .poll(() => sim.requests.filter((r) => r.path.endsWith('startcall.action')).map((r) => r.params.callee))
      .toEqual([await firstButton.getAttribute('data-number'), nextNumber]);
    await expect(page.getByTestId('call-strip-item')).toHaveCount(2);

    // Once the pointer leaves the rows the strip would cover, it takes its full height.
    await page.mouse.move(aimed.x, 10);
    await expect.poll(async () => (await page.getByTestId('call-strip-dock').boundingBox())!.height).toBeGreaterThan(100);
    expect((await strip.boundingBox())!.height).toBeGreaterThan(100);
  });
}
