/**
 * What the browser bench installs in the page before any of its scripts: the first-render probe
 * and the keystroke-to-paint probe (see bench/browser.ts for how each figure is taken). The echo
 * page of bench/keystrokes.ts uses the same probe, so its floor is measured exactly as the app.
 */
import type { Page } from '@playwright/test';

/** One keystroke, from its keydown's timeStamp. */
export interface KeySample {
  /** To the first animation frame after the list or its count changed (or the first frame, when neither did). */
  ms: number;
  changed: boolean;
  rows: number;
  /** The search box's content once the keystroke was painted. */
  q: string;
  /** To the moment the list or its count changed in the DOM (the app's own work, before style, layout and the frame). */
  listMs?: number;
}

/** What the init script keeps on window. */
export interface PageProbe {
  firstRowAt: number | null;
  firstRowFrame: number | null;
  /** The first frame after the list said it holds every contact. */
  readyFrame: number | null;
  longTasks: Array<{ start: number; ms: number }>;
  samples: KeySample[];
}

/**
 * Runs in the page before any of its scripts. Plain JavaScript in a string: a TypeScript function
 * would be serialised as compiled by tsx, with helper calls (`__name`) the page does not have.
 */
export const PROBE_SCRIPT = `(() => {
  const probe = { firstRowAt: null, firstRowFrame: null, readyFrame: null, longTasks: [], samples: [] };
  window.__bench = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  // Everything loaded: the list's data-status turns ready (after the first page it is partial).
  const ready = new MutationObserver(() => {
    if (probe.readyFrame !== null || !document.querySelector('[data-testid="contact-list"][data-status="ready"]')) return;
    ready.disconnect();
    requestAnimationFrame(() => { probe.readyFrame = performance.now(); });
  });
  ready.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-status'] });
  const ROW_SEL = '[data-testid="contact-row"]';
  const rowCount = () => document.querySelectorAll(ROW_SEL).length;
  const boxValue = () => { const el = document.querySelector('[data-testid="search-input"]'); return el ? el.value : ''; };
  const hasRow = (n) => n instanceof Element && (n.matches(ROW_SEL) || n.querySelector(ROW_SEL) !== null);

  // First render: the first frame after the first row is inserted.
  const first = new MutationObserver((records) => {
    if (probe.firstRowAt !== null) return;
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (!hasRow(n)) continue;
        probe.firstRowAt = performance.now();
        requestAnimationFrame(() => { probe.firstRowFrame = performance.now(); });
        first.disconnect();
        return;
      }
    }
  });
  first.observe(document, { childList: true, subtree: true });

  // Keystroke to paint. A keystroke starts at its keydown (or, for a committed Chinese
  // character, which has none, at its beforeinput) and ends at the first frame after the list or
  // its match count changed; if neither changed by the second frame, at the first frame.
  let pending = null;
  const begin = (e) => {
    if (pending) return; // the beforeinput of a keystroke whose keydown already started it
    const target = e.target;
    if (!(target instanceof Element) || target.getAttribute('data-testid') !== 'search-input') return;
    const p = { start: e.timeStamp, changed: false };
    pending = p;
    let frames = 0;
    let firstFrame = 0;
    const tick = () => {
      if (pending !== p || p.changed) return;
      frames++;
      if (frames === 1) firstFrame = performance.now();
      if (frames >= 2) {
        pending = null;
        probe.samples.push({ ms: firstFrame - p.start, changed: false, rows: rowCount(), q: boxValue() });
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  document.addEventListener('keydown', begin, true);
  document.addEventListener('beforeinput', begin, true);
  const inList = (n) => {
    const el = n instanceof Element ? n : n.parentElement;
    return !!(el && el.closest('[data-testid="contact-list"], [data-testid="search-count"]'));
  };
  new MutationObserver((records) => {
    const p = pending;
    if (!p || p.changed) return;
    if (!records.some((r) => inList(r.target))) return;
    p.changed = true;
    const listMs = performance.now() - p.start;
    requestAnimationFrame(() => {
      if (pending !== p) return;
      pending = null;
      probe.samples.push({ ms: performance.now() - p.start, changed: true, rows: rowCount(), q: boxValue(), listMs });
    });
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;

export async function waitForSamples(page: Page, n: number): Promise<void> {
  await page.waitForFunction((k) => (window as unknown as { __bench: PageProbe }).__bench.samples.length >= k, n, { polling: 'raf', timeout: 10_000 });
}
