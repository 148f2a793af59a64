import { useState } from 'react';
import { maxScrollTop, scrollToReveal, visibleRows, type RowRange, type RowStarts } from '../../lib/row-window';

interface Snapshot {
  top: number;
  height: number;
}

/**
 * A scrolling element's offset and height, reported as React state: the offset from scroll
 * events and the height from a ResizeObserver, so rendering never reads layout (a keystroke that
 * replaces the rows forces no synchronous layout). `attach` is the element's ref callback; it
 * reads the height once when the element appears. It reports through a state setter handed over
 * at creation (not a subscription made in an effect, which would come after the first paint):
 * an update made while React attaches refs is rendered before the frame is painted, so the list's
 * first frame has its rows.
 */
export interface Viewport {
  attach(el: HTMLElement | null): void;
  get(): Snapshot;
  /** Scrolls to `top` (already clamped by the caller) and reports it without reading it back. */
  scrollTo(top: number): void;
}

function createViewport(report: (snap: Snapshot) => void): Viewport {
  let snap: Snapshot = { top: 0, height: 0 };
  let el: HTMLElement | null = null;
  let detach = (): void => undefined;
  const set = (top: number, height: number): void => {
    if (top === snap.top && height === snap.height) return;
    snap = { top, height };
    report(snap);
  };
  return {
    attach(next) {
      detach();
      el = next;
      if (!next) return;
      const onScroll = (): void => set(next.scrollTop, snap.height);
      const resize = new ResizeObserver(() => set(snap.top, next.clientHeight));
      next.addEventListener('scroll', onScroll, { passive: true });
      resize.observe(next);
      detach = () => {
        next.removeEventListener('scroll', onScroll);
        resize.disconnect();
      };
      set(next.scrollTop, next.clientHeight);
    },
    get: () => snap,
    scrollTo(top) {
      if (!el) return;
      // Reading scrollTop back after the write would force a synchronous layout; the scroll
      // event that follows confirms the value.
      el.scrollTo({ top });
      set(top, snap.height);
    },
  };
}

export interface RowWindow {
  /** The rows to render (on screen plus overscan), or null before the viewport has a height. */
  range: RowRange | null;
  viewport: Viewport;
  /** The scrolling element's ref callback. */
  attach(el: HTMLElement | null): void;
}

/** The window of rows a virtual list with known row positions renders. */
export function useRowWindow(starts: RowStarts, overscan: number): RowWindow {
  const [{ top, height }, report] = useState<Snapshot>({ top: 0, height: 0 });
  const [viewport] = useState(() => createViewport(report));
  return { range: visibleRows(starts, top, height, overscan), viewport, attach: viewport.attach };
}

/** Scrolls to `top`, kept inside the list. */
export function scrollListTo(viewport: Viewport, starts: RowStarts, top: number): void {
  const target = Math.max(0, Math.min(top, maxScrollTop(starts, viewport.get().height)));
  if (Math.abs(target - viewport.get().top) >= 1) viewport.scrollTo(target);
}

/** Scrolls as little as needed to bring `row` fully into view. */
export function revealRow(viewport: Viewport, starts: RowStarts, row: number): void {
  const { top, height } = viewport.get();
  scrollListTo(viewport, starts, scrollToReveal(starts, row, top, height));
}
