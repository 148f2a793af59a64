/**
 * Row positions for a virtual list whose row heights are known without measuring (the contact
 * list: one line per number). A prefix table of row starts replaces a general virtualizer's
 * per-row measurement objects: building it for 50 000 rows is a tight loop over a typed array,
 * and everything else (what is on screen, where a row is, where to scroll to reveal one) is a
 * binary search or a lookup.
 */

/** Where each row starts: `starts[i]` for row i, `starts[count]` is the total height. */
export type RowStarts = Float64Array;

export function rowStarts(count: number, heightOf: (row: number) => number): RowStarts {
  const starts = new Float64Array(count + 1);
  let y = 0;
  for (let i = 0; i < count; i++) {
    starts[i] = y;
    y += heightOf(i);
  }
  starts[count] = y;
  return starts;
}

export const rowCountOf = (starts: RowStarts): number => starts.length - 1;
export const totalHeight = (starts: RowStarts): number => starts[starts.length - 1];

/** The row that covers `y` (the last row starting at or above it), clamped to the rows there are; -1 without rows. */
export function rowAt(starts: RowStarts, y: number): number {
  const count = rowCountOf(starts);
  if (count === 0) return -1;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first row that reaches below `y` (its end is past it), or -1 when none does. */
export function firstRowBelow(starts: RowStarts, y: number): number {
  const count = rowCountOf(starts);
  if (count === 0 || totalHeight(starts) <= y) return -1;
  const row = rowAt(starts, y);
  return starts[row + 1] > y ? row : row + 1;
}

export interface RowRange {
  first: number;
  last: number;
}

/**
 * The rows to render for a viewport of `height` scrolled to `scrollTop`: those it shows, plus
 * `overscan` rows either side (drawn ahead, so a scroll does not show blank space before the next
 * render). Null while the viewport has no height yet or there are no rows.
 */
export function visibleRows(starts: RowStarts, scrollTop: number, height: number, overscan: number): RowRange | null {
  const count = rowCountOf(starts);
  if (count === 0 || height <= 0) return null;
  const top = Math.max(0, Math.min(scrollTop, totalHeight(starts) - height));
  const first = rowAt(starts, top);
  let last = first;
  while (last < count - 1 && starts[last + 1] < top + height) last++;
  return { first: Math.max(0, first - overscan), last: Math.min(count - 1, last + overscan) };
}

/** The largest scroll offset: the list's bottom at the viewport's bottom. */
export const maxScrollTop = (starts: RowStarts, height: number): number => Math.max(0, totalHeight(starts) - height);

/**
 * Where to scroll so `row` is fully in view, moving as little as possible: its bottom to the
 * viewport's bottom when it is below (or cut by) the bottom edge, its top to the top when it is
 * above; `scrollTop` itself when the row is already in view.
 */
export function scrollToReveal(starts: RowStarts, row: number, scrollTop: number, height: number): number {
  const count = rowCountOf(starts);
  if (count === 0) return scrollTop;
  const i = Math.max(0, Math.min(row, count - 1));
  const start = starts[i];
  const end = starts[i + 1];
  let target = scrollTop;
  if (end >= scrollTop + height) target = end - height;
  else if (start <= scrollTop) target = start;
  return Math.max(0, Math.min(target, maxScrollTop(starts, height)));
}
