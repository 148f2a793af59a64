import { describe, expect, it } from 'vitest';
import { firstRowBelow, maxScrollTop, rowAt, rowStarts, scrollToReveal, totalHeight, visibleRows } from '../../../src/renderer/src/lib/row-window';

// Rows of 50 px, except row 2 (92 px: two numbers) — starts 0, 50, 100, 192, 242, …
const heights = [50, 50, 92, 50, 50, 50, 50, 50, 50, 50];
const starts = rowStarts(heights.length, (i) => heights[i]);

describe('row window', () => {
  it('lays rows end to end from their heights', () => {
    expect([...starts.slice(0, 5)]).toEqual([0, 50, 100, 192, 242]);
    expect(totalHeight(starts)).toBe(542);
    expect(totalHeight(rowStarts(0, () => 50))).toBe(0);
  });

  it('finds the row covering an offset, and the first row reaching below it', () => {
    expect(rowAt(starts, 0)).toBe(0);
    expect(rowAt(starts, 49.5)).toBe(0);
    expect(rowAt(starts, 50)).toBe(1);
    expect(rowAt(starts, 191)).toBe(2);
    expect(rowAt(starts, 10_000)).toBe(9);
    expect(
      rowAt(
        rowStarts(0, () => 50),
        0,
      ),
    ).toBe(-1);
    expect(firstRowBelow(starts, 50)).toBe(1);
    expect(firstRowBelow(starts, 100)).toBe(2);
    expect(firstRowBelow(starts, 541)).toBe(9);
    expect(firstRowBelow(starts, 542)).toBe(-1);
  });

  it('renders the rows on screen plus the overscan, clamped to the list', () => {
    // 120 px from the top: rows 0–2 are on screen (row 2 reaches to 192).
    expect(visibleRows(starts, 0, 120, 0)).toEqual({ first: 0, last: 2 });
    expect(visibleRows(starts, 0, 120, 3)).toEqual({ first: 0, last: 5 });
    // Scrolled to 200: row 3 (192–242) is cut at the top; 200–320 reaches into row 5 (292–342).
    expect(visibleRows(starts, 200, 120, 0)).toEqual({ first: 3, last: 5 });
    expect(visibleRows(starts, 200, 120, 3)).toEqual({ first: 0, last: 8 });
    // An offset past the end (the list just got shorter) shows the last screenful.
    expect(visibleRows(starts, 5000, 120, 0)).toEqual({ first: 7, last: 9 });
    // A bottom edge that falls exactly on a row boundary does not pull in the row below it.
    expect(visibleRows(starts, 0, 100, 0)).toEqual({ first: 0, last: 1 });
    expect(visibleRows(starts, 0, 0, 3)).toBeNull();
    expect(
      visibleRows(
        rowStarts(0, () => 50),
        0,
        500,
        3,
      ),
    ).toBeNull();
  });

  it('scrolls as little as needed to reveal a row', () => {
    // Viewport of 120 at offset 200 shows 200–320.
    expect(scrollToReveal(starts, 4, 200, 120)).toBe(200); // 242–292: already in view
    expect(scrollToReveal(starts, 6, 200, 120)).toBe(272); // 342–392: bottom to the bottom edge
    expect(scrollToReveal(starts, 1, 200, 120)).toBe(50); // 50–100: top to the top edge
    expect(scrollToReveal(starts, 3, 200, 120)).toBe(192); // cut at the top
    expect(scrollToReveal(starts, 99, 200, 120)).toBe(maxScrollTop(starts, 120)); // past the end: the last row
    expect(scrollToReveal(starts, 0, 0, 120)).toBe(0);
    expect(maxScrollTop(starts, 1000)).toBe(0);
  });
});
