/**
 * How the browser bench types, and the floor of its keystroke-to-paint measure.
 *
 * Two ways of sending the keys of TYPING_SCRIPTS, each measured with the same probe:
 * - as a hand types: each key 50–100 ms after the previous one was painted (a seeded jitter, so
 *   keys land anywhere in a frame). That is 8–14 keys a second, faster than anyone types a name.
 *   The budgeted figure.
 * - back to back: each key as soon as the previous one was painted. Such a key arrives a few
 *   milliseconds after the page's frame for that vsync, and Chromium then mostly holds the next
 *   main frame for the next vsync, whatever the page does (a trace shows the frame asked for
 *   within 0.3 ms of a keydown otherwise). So this figure sits near one frame even for a page
 *   that does nothing (the echo page below shows how near).
 *   Reported, not budgeted.
 *
 * For comparison, the same driver and probe on an echo page that only writes the box's content
 * into 15 rows (no search, no framework): typed by hand its p95 is a few milliseconds, and what
 * the app adds above it is the app's own cost; back to back it is near a frame like the app's.
 */
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { seededRandom } from './generate-contacts';
import { PROBE_SCRIPT, waitForSamples, type KeySample, type PageProbe } from './page-probe';
import { TYPING_SCRIPTS } from './search';

/** The pause after a key was painted before the next one, as a hand types. */
export const TYPIST_PAUSE_MS = { min: 50, max: 100 } as const;

export type Cadence = 'typist' | 'back-to-back';

const SEARCH = '[data-testid="search-input"]';

const samplesOf = (page: Page): Promise<KeySample[]> => page.evaluate(() => (window as unknown as { __bench: PageProbe }).__bench.samples);

/**
 * Types every script `rounds` times into the page's search box (Escape clears it after each) and
 * returns one sample per keystroke. The page must carry PROBE_SCRIPT and have the box focused.
 */
export async function typeScripts(page: Page, rounds: number, cadence: Cadence, seed = 1): Promise<KeySample[]> {
  await page.evaluate(() => ((window as unknown as { __bench: PageProbe }).__bench.samples.length = 0));
  const random = seededRandom(seed);
  let expected = 0;
  const type = async (key: string, press: boolean): Promise<void> => {
    expected++;
    if (press) await page.keyboard.press(key);
    else await page.keyboard.type(key);
    await waitForSamples(page, expected);
    if (cadence === 'typist') await page.waitForTimeout(TYPIST_PAUSE_MS.min + random() * (TYPIST_PAUSE_MS.max - TYPIST_PAUSE_MS.min));
  };
  for (let r = 0; r < rounds; r++) {
    for (const script of TYPING_SCRIPTS) {
      for (const ch of script) await type(ch === '\b' ? 'Backspace' : ch, ch === '\b');
      if ((await page.inputValue(SEARCH)) !== '') await type('Escape', true);
    }
  }
  return samplesOf(page);
}

/** Fifteen rows that show what was typed: the least a page can do in answer to a keystroke. */
const ECHO_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>
<input data-testid="search-input" autocomplete="off"><span data-testid="search-count"></span>
<div data-testid="contact-list"></div>
<script>
  const box = document.querySelector('[data-testid="search-input"]');
  const list = document.querySelector('[data-testid="contact-list"]');
  const count = document.querySelector('[data-testid="search-count"]');
  for (let i = 0; i < 15; i++) {
    const row = document.createElement('div');
    row.setAttribute('data-testid', 'contact-row');
    list.appendChild(row);
  }
  let n = 0;
  const show = () => {
    n++;
    count.textContent = String(box.value.length);
    for (const row of list.children) row.textContent = box.value + ' ' + n;
  };
  box.addEventListener('input', show);
  box.addEventListener('keydown', (e) => { if (e.key === 'Escape') { box.value = ''; show(); } });
</script></body></html>`;

/** The same keystrokes on the echo page, in a browser context of its own. */
export async function echoFloor(browser: Browser, rounds: number, viewport: { width: number; height: number }): Promise<Record<Cadence, KeySample[]>> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  try {
    await context.addInitScript({ content: PROBE_SCRIPT });
    const page = await context.newPage();
    const url = 'http://echo.bench/';
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: ECHO_PAGE }));
    await page.goto(url);
    await page.click(SEARCH);
    await typeScripts(page, 1, 'back-to-back'); // warm-up
    return { typist: await typeScripts(page, rounds, 'typist'), 'back-to-back': await typeScripts(page, rounds, 'back-to-back') };
  } finally {
    await context.close();
  }
}

/**
 * The Chinese fonts this machine has (fontconfig), or why none are listed. Without one, Chromium
 * draws boxes for the names and lays them out at another cost than a dispatcher's machine would.
 */
export function chineseFonts(): string {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return 'unknown (no fc-list)';
  // Simplified Chinese first: the stylesheet asks for those.
  const simplifiedFirst = (f: string) => (/\bSC\b|SC$/.test(f) ? 0 : 1);
  const families = [...new Set(r.stdout.split('\n').flatMap((l) => l.split(',')[0]?.trim() || []))].sort(
    (a, b) => simplifiedFirst(a) - simplifiedFirst(b) || a.localeCompare(b),
  );
  return families.length === 0
    ? 'none installed (Chinese text drawn as boxes)'
    : families.slice(0, 3).join(', ') + (families.length > 3 ? ` and ${families.length - 3} more` : '');
}
