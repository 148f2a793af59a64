/**
 * Builds a search view from main's pages as they arrive, in main's order (the paging itself is
 * state/contacts-store.ts). Not immutable: `add` appends in place; `view()` hands out an immutable
 * view over what has arrived so far.
 */
import type { ContactRecord } from '../../../../shared/domain';
import {
  EMPTY_INDEX,
  countContact,
  ensureKeys,
  indexRecords,
  viewOf,
  type BaseCaches,
  type SearchView,
  type ViewSegment,
  type ViewStats,
} from './contact-search-view';

export class SearchViewLoader {
  private readonly base: ContactRecord[] = [];
  private readonly segments: ViewSegment[] = [];
  private readonly caches: BaseCaches = { slots: new Map(), sortKeys: [], lines: null };
  /** Counted page by page, so showing the counts after each page does not recount everything. */
  private readonly counts: ViewStats = { favorites: 0, groups: {} };
  /** Contacts main has sent, duplicates included: the offset of the next page. */
  received = 0;

  /** Appends one page (in main's order) as a new segment. */
  add(page: readonly ContactRecord[]): void {
    this.received += page.length;
    const slots = this.caches.slots as Map<string, number>;
    const start = this.base.length;
    const records: ContactRecord[] = [];
    for (const c of page) {
      // Pages of one revision never repeat a contact; should main ever send one twice, the first stays.
      if (slots.has(c.id)) continue;
      slots.set(c.id, start + records.length);
      records.push(ensureKeys(c));
    }
    if (records.length === 0) return;
    for (const c of records) {
      this.base.push(c);
      countContact(this.counts, c);
    }
    this.segments.push({ start, index: indexRecords(records) });
  }

  /** viewStats of view(), without going over every contact again. */
  stats(): ViewStats {
    return { favorites: this.counts.favorites, groups: { ...this.counts.groups } };
  }

  get loaded(): number {
    return this.base.length;
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  view(): SearchView {
    const segments = this.segments.length > 0 ? this.segments.slice() : [{ start: 0, index: EMPTY_INDEX }];
    return viewOf(this.base.slice(), segments, this.caches);
  }
}
