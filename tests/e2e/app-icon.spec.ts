/** The browser preview shows the app's own icon, and loading the page asks for nothing that is missing. */
import { expect, test } from './support/fixtures';

test('the favicon is the app icon and a page load has no 404', async ({ app }) => {
  const { page } = app;
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  const favicon = page.waitForResponse((response) => new URL(response.url()).pathname === '/favicon.png');
  await page.reload();
  await expect(page.getByTestId('mode-badge')).toBeVisible();
  const icon = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!link) return null;
    const res = await fetch(link.href);
    return { status: res.status, type: res.headers.get('content-type'), bytes: (await res.arrayBuffer()).byteLength };
  });
  expect(icon).toMatchObject({ status: 200, type: 'image/png' });
  expect(icon!.bytes).toBeGreaterThan(100);
  expect((await favicon).status()).toBe(200);
  expect(failed).toEqual([]);
});
