/**
 * Click on a call button → the call strip shows the call accepted, and → its row appears in the
 * call log. Both timed inside the page, from the pointerup event's timeStamp to the first
 * animation frame after the DOM shows it (a MutationObserver installed before the click), so the
 * figures are what the dispatcher sees, on the page's own clock.
 *
 * The button is the redial button of a call-log row (the log tab must be open for its rows to
 * exist, and a redial is a call like any other: the same store action, the same operation).
 * "Accepted": the strip's newest card (a new element, prepended by the click) leaves
 * `submitting` for any state but `failed`. "Row": the log's first row is a new element (newest
 * first). Numbers rotate over the visible rows, and a number is not clicked again within 2.3 s
 * (the renderer ignores a repeat within 2 s).
 */
import type { Page } from '@playwright/test';

interface ClickProbe {
  armed: boolean;
  start: number;
  accepted: number;
  row: number;
  failed: boolean;
}

/**
 * Installs the probe (idempotent); each arming times the next pointerup on a log-redial button.
 * Passed as source text: tsx compiles functions with a `__name` helper the page does not have.
 */
const PROBE_SCRIPT = `(() => {
  if (window.__clickProbe) return;
  const probe = { armed: false, start: 0, accepted: 0, row: 0, failed: false, firstCard: null, firstRow: null };
  window.__clickProbe = probe;
  const firstCard = () => document.querySelector('[data-testid="call-strip-item"]');
  const firstRow = () => document.querySelector('[data-testid="log-row"]');
  const check = () => {
    if (!probe.armed || probe.start === 0) return;
    const card = firstCard();
    if (!probe.accepted && card && card !== probe.firstCard) {
      const state = card.getAttribute('data-state');
      if (state === 'failed') probe.failed = true;
      if (state && state !== 'submitting') {
        probe.accepted = -1; // seen; the frame time follows
        requestAnimationFrame(() => (probe.accepted = performance.now()));
      }
    }
    const row = firstRow();
    if (!probe.row && row && row !== probe.firstRow) {
      probe.row = -1;
      requestAnimationFrame(() => (probe.row = performance.now()));
    }
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  document.addEventListener('pointerup', (e) => {
    if (!probe.armed || probe.start !== 0) return;
    if (!(e.target instanceof Element) || !e.target.closest('[data-testid="log-redial"]')) return;
    probe.start = e.timeStamp;
    probe.firstCard = firstCard();
    probe.firstRow = firstRow();
  }, true);
})()`;

async function installProbe(page: Page): Promise<void> {
  await page.evaluate(PROBE_SCRIPT);
}

export interface ClickToLogResult {
  accepted: number[];
  row: number[];
  failed: number;
  lost: number;
  rowsUsed: number;
}

export async function measureClickToLog(page: Page, calls: number, warmup = 3): Promise<ClickToLogResult> {
  await page.click('[data-testid="tab-log"]');
  await page.waitForSelector('[data-testid="log-redial"]');
  await installProbe(page);
  const buttons = page.locator('[data-testid="log-redial"]');
  const rowsUsed = Math.min(await buttons.count(), 8);
  const lastClick = new Map<string, number>();
  const result: ClickToLogResult = { accepted: [], row: [], failed: 0, lost: 0, rowsUsed };
  for (let k = 0; k < calls + warmup; k++) {
    const button = buttons.nth(k % rowsUsed);
    const number = (await button.locator('xpath=ancestor::*[@data-testid="log-row"]').locator('.log-who').textContent()) ?? String(k);
    const since = performance.now() - (lastClick.get(number) ?? -Infinity);
    if (since < 2300) await page.waitForTimeout(2300 - since);
    const box = await button.boundingBox();
    if (!box) throw new Error('redial button vanished');
    await page.evaluate(() => {
      const p = (window as unknown as { __clickProbe: ClickProbe }).__clickProbe;
      Object.assign(p, { armed: true, start: 0, accepted: 0, row: 0, failed: false });
    });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.waitForTimeout(50);
    await page.mouse.up();
    lastClick.set(number, performance.now());
    const seen = await page
      .waitForFunction(
        () => {
          const p = (window as unknown as { __clickProbe: ClickProbe }).__clickProbe;
          return p.accepted > 0 && p.row > 0 ? { start: p.start, accepted: p.accepted, row: p.row, failed: p.failed } : null;
        },
        null,
        { timeout: 5000 },
      )
      .then((h) => h.jsonValue())
      .catch(() => null);
    await page.evaluate(() => ((window as unknown as { __clickProbe: ClickProbe }).__clickProbe.armed = false));
    if (!seen) {
      result.lost++;
      continue;
    }
    if (seen.failed) result.failed++;
    if (k >= warmup) {
      result.accepted.push(seen.accepted - seen.start);
      result.row.push(seen.row - seen.start);
    }
    // The answer is back and the strip settled before the next click.
    await page.waitForFunction(() => !document.querySelector('[data-testid="call-strip-item"][data-state="submitting"]'), null, { timeout: 10_000 });
    await page.waitForTimeout(100);
  }
  return result;
}
