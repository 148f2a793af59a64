/**
 * The A–Z bar's sections over the rows shown: favourites (pinned on top), a … z by the pinyin
 * of the name, and # for names without any. Rows of an empty query are in main's display order
 * (shared/contact-order.ts: the sort key starts with the favourite flag, then the syllables), so a
 * section's first row is found by binary search on the sort keys; ranked search results have no
 * sections.
 */
import { sortKeySection } from '../../../../shared/contact-order';
import { slotSortKey, type SearchView } from './contact-search-view';

export const SECTIONS: readonly string[] = ['*', ...'abcdefghijklmnopqrstuvwxyz', '#'];

/** The smallest sort key a section's contacts can have. */
function sectionFloor(section: string): string {
  if (section === '*') return '0';
  if (section === '#') return '1\u007f';
  return `1${section}`;
}

const slotAt = (rows: Int32Array | null, row: number): number => (rows ? rows[row] : row);

/** The first row of `section`, or -1 when no row shown belongs to it. */
export function sectionStartRow(view: SearchView, rows: Int32Array | null, rowCount: number, section: string): number {
  const floor = sectionFloor(section);
  let lo = 0;
  let hi = rowCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (slotSortKey(view, slotAt(rows, mid)) < floor) lo = mid + 1;
    else hi = mid;
  }
  return lo < rowCount && sortKeySection(slotSortKey(view, slotAt(rows, lo))) === section ? lo : -1;
}

/** The section of a row (for the bar's "you are here" and the separators between sections). */
export function sectionOfRow(view: SearchView, rows: Int32Array | null, row: number): string {
  return sortKeySection(slotSortKey(view, slotAt(rows, row)));
}
