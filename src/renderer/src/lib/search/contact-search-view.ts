/**
 * What the contact list shows: main's contacts (up to 50 000) as rows for the current query,
 * searchable per keystroke. Not a contact book: main owns the contacts; this is a read-only view
 * of them, plus the edits made here until the next reload.
 *
 * The "base" is the list as main sent it, in main's display order (shared/contact-order.ts), so
 * it is never sorted here. It arrives a page at a time (./view-loader.ts, driven by
 * state/contacts-store.ts) and each page gets its own search index (a "segment") when it arrives, so the first screen does not wait for
 * an index over everything, indexing happens in small pieces, and a search can already run over
 * the pages loaded so far. A query searches every segment and merges the hits in the ranking a
 * single index would give (see searchRanked).
 *
 * Later edits do not rebuild the base: an edited, added or restored contact goes into a small
 * "delta" (with its own small index, rebuilt in microseconds) and its base entry is marked dead;
 * a deleted one is just marked dead. Once the delta grows past DELTA_COMPACT_AT the whole view is
 * rebuilt (also when the list is reloaded, e.g. after import).
 *
 * Rows are "slots": base position p is slot p, delta position d is slot base.length + d. A query
 * answers the slots to show, in order; null means "every base slot in order" (nothing edited yet,
 * empty query), which saves allocating a 50 000-entry array on every render.
 *
 * Pure and immutable as far as callers can tell: every operation returns a new view and leaves
 * the old one intact. Views with the same base share caches that are filled on first use (the
 * id → slot map, sort keys, number counts); the base never changes under them.
 */
import { compareSortKeys, contactSortKey, hasUsableKeys } from '../../../../shared/contact-order';
import { SEARCH_KEYS_VERSION, normalizeSearchText, type ContactSearchKeys } from '../../../../shared/contact-search';
import type { ContactRecord } from '../../../../shared/domain';
import { RANK_BUCKETS, buildSearchIndex, searchRanked, searchRankedUnkept, type ContactSearchIndex, type RankedHits } from './contact-search-index';

export const DELTA_COMPACT_AT = 256;

/** One page's worth of the base with its own index; base slots [start, start + index size). */
export interface ViewSegment {
  readonly start: number;
  readonly index: ContactSearchIndex;
}

/** Derived from the base alone, so shared by every view over the same base; filled lazily. */
export interface BaseCaches {
  /** id → base slot; may know ids beyond a given view's base (a loader still appending). */
  slots: Map<string, number> | null;
  sortKeys: string[];
  /** Per base slot: lines the row needs (one per number, at least one). */
  lines: Uint8Array | null;
  /** Stored number → the first base slot holding it, over `numbersFor` slots; grown as the base grows. */
  numbers?: Map<string, number>;
  numbersFor?: number;
}

export interface SearchView {
  readonly base: readonly ContactRecord[];
  readonly segments: readonly ViewSegment[];
  /** 1 = the base entry was deleted or replaced by a delta entry. */
  readonly baseDead: Uint8Array;
  readonly deadCount: number;
  /** Sorted by sort key. */
  readonly delta: readonly ContactRecord[];
  readonly deltaSort: readonly string[];
  readonly deltaIndex: ContactSearchIndex;
  readonly deltaSlot: ReadonlyMap<string, number>;
  /** Live contacts. */
  readonly size: number;
  readonly caches: BaseCaches;
}

/**
 * Keys as main computed them; a record without usable keys (older data, a main-side bug) still
 * gets name, org and digit search, just no pinyin.
 */
export function ensureKeys(c: ContactRecord): ContactRecord {
  if (hasUsableKeys(c.keys)) return c;
  const keys: ContactSearchKeys = {
    v: SEARCH_KEYS_VERSION,
    name: normalizeSearchText(c.name ?? ''),
    py: '',
    ini: '',
    syl: [],
    digits: (c.numbers ?? [])
      .map((n) => n.number.replace(/\D/g, ''))
      .filter(Boolean)
      .join(' '),
    org: normalizeSearchText(c.org ?? ''),
  };
  return { ...c, keys };
}

/** Pinyin order (张三 sorts under z), names without any pinyin last, the id as a tie-break: main's order. */
export const sortKey = (c: ContactRecord): string => contactSortKey(c);

/** A record is a SearchEntry as it is (id, keys, favorite): no copy per contact. */
export function indexRecords(records: readonly ContactRecord[]): ContactSearchIndex {
  return buildSearchIndex(records);
}

export const EMPTY_INDEX = buildSearchIndex([]);

/** A view over `base` with no edits yet. */
export function viewOf(base: readonly ContactRecord[], segments: readonly ViewSegment[], caches: BaseCaches): SearchView {
  return {
    base,
    segments,
    baseDead: new Uint8Array(base.length),
    deadCount: 0,
    delta: [],
    deltaSort: [],
    deltaIndex: EMPTY_INDEX,
    deltaSlot: new Map(),
    size: base.length,
    caches,
  };
}

/** A view from contacts in any order (tests, a rebuild after many edits): sorted here. */
export function createSearchView(input: readonly ContactRecord[]): SearchView {
  // Last one wins should the same id come twice.
  const byId = new Map<string, ContactRecord>();
  for (const c of input) byId.set(c.id, ensureKeys(c));
  const records = [...byId.values()];
  const keys = records.map(sortKey);
  const order = records.map((_, i) => i);
  order.sort((a, b) => compareSortKeys(keys[a], keys[b]));
  const base = order.map((i) => records[i]);
  return viewOf(base, [{ start: 0, index: indexRecords(base) }], { slots: null, sortKeys: order.map((i) => keys[i]), lines: null });
}

function baseSlots(view: SearchView): Map<string, number> {
  let slots = view.caches.slots;
  if (!slots) {
    slots = new Map();
    for (let i = 0; i < view.base.length; i++) slots.set(view.base[i].id, i);
    view.caches.slots = slots;
  }
  return slots;
}

/** The base slot of an id in this view (dead or alive), or undefined. */
function baseSlotOf(view: SearchView, id: string): number | undefined {
  const b = baseSlots(view).get(id);
  return b !== undefined && b < view.base.length ? b : undefined;
}

function baseSortKey(view: SearchView, b: number): string {
  const keys = view.caches.sortKeys;
  return (keys[b] ??= sortKey(view.base[b]));
}

/** The sort key (main's display order) of a slot, base or delta. */
export function slotSortKey(view: SearchView, slot: number): string {
  const n = view.base.length;
  return slot < n ? baseSortKey(view, slot) : view.deltaSort[slot - n];
}

/** The live slot of a contact, or -1. */
export function slotOf(view: SearchView, id: string): number {
  const d = view.deltaSlot.get(id);
  if (d !== undefined) return view.base.length + d;
  const b = baseSlotOf(view, id);
  return b !== undefined && !view.baseDead[b] ? b : -1;
}

export function contactAt(view: SearchView, slot: number): ContactRecord | undefined {
  const n = view.base.length;
  return slot < n ? view.base[slot] : view.delta[slot - n];
}

export function getContact(view: SearchView, id: string): ContactRecord | undefined {
  const s = slotOf(view, id);
  return s < 0 ? undefined : contactAt(view, s);
}

/** Lines the row of a slot needs: one per number, at least one. Cheap enough to call per row per query. */
export function linesAt(view: SearchView, slot: number): number {
  const n = view.base.length;
  if (slot >= n) return Math.max(1, view.delta[slot - n]?.numbers.length ?? 1);
  let lines = view.caches.lines;
  if (!lines || lines.length < n) {
    // The base only grows (a loader appending), so earlier counts stay right.
    const next = new Uint8Array(n);
    if (lines) next.set(lines);
    for (let i = lines?.length ?? 0; i < n; i++) next[i] = Math.min(255, Math.max(1, view.base[i].numbers.length));
    view.caches.lines = lines = next;
  }
  return lines[slot];
}

/**
 * The contact a number belongs to (stored numbers are normalised, so pass a normalised one), or
 * undefined: what makes a typed number "that contact" in the roster, the dial box and the log.
 * Edited contacts are looked at first; the base's numbers are mapped once per base, on first use.
 */
export function contactByNumber(view: SearchView, number: string): ContactRecord | undefined {
  for (const c of view.delta) if (c.numbers.some((n) => n.number === number)) return c;
  const caches = view.caches;
  const n = view.base.length;
  let map = caches.numbers;
  if (!map || (caches.numbersFor ?? 0) < n) {
    map ??= new Map();
    for (let b = caches.numbersFor ?? 0; b < n; b++) for (const x of view.base[b].numbers) if (!map.has(x.number)) map.set(x.number, b);
    caches.numbers = map;
    caches.numbersFor = n;
  }
  const b = map.get(number);
  if (b === undefined || b >= n) return undefined;
  if (!view.baseDead[b]) return view.base[b];
  // The first holder was deleted or edited (an edit is in the delta, checked above): another
  // live contact may still hold the number. Rare enough for a scan.
  for (let i = b + 1; i < n; i++) if (!view.baseDead[i] && view.base[i].numbers.some((x) => x.number === number)) return view.base[i];
  return undefined;
}

/** Every live contact, in display order of an empty query. */
export function liveContacts(view: SearchView): ContactRecord[] {
  const slots = queryView(view, '');
  if (slots === null) return view.base.slice();
  return Array.from(slots, (s) => contactAt(view, s) as ContactRecord);
}

function withChanges(view: SearchView, dead: Uint8Array, deadCount: number, deltaById: Map<string, ContactRecord>): SearchView {
  if (deltaById.size > DELTA_COMPACT_AT) {
    const live: ContactRecord[] = [];
    view.base.forEach((c, i) => {
      if (!dead[i]) live.push(c);
    });
    return createSearchView(live.concat([...deltaById.values()]));
  }
  const delta = [...deltaById.values()];
  const keyed = delta.map((c) => [sortKey(c), c] as const);
  keyed.sort((a, b) => compareSortKeys(a[0], b[0]));
  const sorted = keyed.map((k) => k[1]);
  const deltaSlot = new Map<string, number>();
  sorted.forEach((c, i) => deltaSlot.set(c.id, i));
  return {
    ...view,
    baseDead: dead,
    deadCount,
    delta: sorted,
    deltaSort: keyed.map((k) => k[0]),
    deltaIndex: sorted.length ? indexRecords(sorted) : EMPTY_INDEX,
    deltaSlot,
    size: view.base.length - deadCount + sorted.length,
  };
}

/** Adds or replaces contacts (a save, a restore). */
export function upsertContacts(view: SearchView, records: readonly ContactRecord[]): SearchView {
  if (records.length === 0) return view;
  const dead = view.baseDead.slice();
  let deadCount = view.deadCount;
  const deltaById = new Map(view.delta.map((c) => [c.id, c] as const));
  for (const r of records) {
    const b = baseSlotOf(view, r.id);
    if (b !== undefined && !dead[b]) {
      dead[b] = 1;
      deadCount++;
    }
    deltaById.set(r.id, ensureKeys(r));
  }
  return withChanges(view, dead, deadCount, deltaById);
}

export function removeContacts(view: SearchView, ids: readonly string[]): SearchView {
  const dead = view.baseDead.slice();
  let deadCount = view.deadCount;
  const deltaById = new Map(view.delta.map((c) => [c.id, c] as const));
  let changed = false;
  for (const id of ids) {
    if (deltaById.delete(id)) changed = true;
    const b = baseSlotOf(view, id);
    if (b !== undefined && !dead[b]) {
      dead[b] = 1;
      deadCount++;
      changed = true;
    }
  }
  return changed ? withChanges(view, dead, deadCount, deltaById) : view;
}

/** A merged answer of a view's segments, kept while the box still starts with its query. */
interface KeptAnswer {
  raw: string;
  slots: Int32Array;
}

/**
 * The box's recent prefixes and their merged answers, per set of segments (a view after an edit
 * shares its segments, and their answers, with the view before). Kept here rather than in each
 * page's index: one large array per prefix lives outside the young generation, where dozens of
 * small per-page arrays would be copied by every scavenge (that was the paged view's p99 tail).
 */
const keptAnswers = new WeakMap<readonly ViewSegment[], KeptAnswer[]>();
/** Slots held by the kept answers of one view, as a multiple of its size (cf. the index's own). */
const KEPT_MAX_SHARE = 3;

/**
 * Hits of segments [from, …) in rank order as base slots; null for an empty query. With every
 * segment this is exactly what one index over the whole base would answer.
 */
function searchSegments(view: SearchView, query: string, from = 0): Int32Array | null {
  const segments = view.segments;
  if (from === 0 && segments.length === 1) {
    const only = searchRanked(segments[0].index, query);
    return only && only.order;
  }
  const kept = from === 0 ? keptFor(segments, query) : null;
  if (kept !== null && kept.length > 0 && kept[kept.length - 1].raw === query) return kept[kept.length - 1].slots;
  const parts: Array<RankedHits | null> = [];
  let total = 0;
  for (let s = from; s < segments.length; s++) {
    const hits = searchRankedUnkept(segments[s].index, query);
    if (hits === null) {
      if (kept !== null) kept.length = 0;
      return null;
    }
    parts.push(hits);
    total += hits.order.length;
  }
  const out = new Int32Array(total);
  let k = 0;
  for (let b = 0; b < RANK_BUCKETS; b++) {
    for (let p = 0; p < parts.length; p++) {
      const { order, ends } = parts[p] as RankedHits;
      const start = segments[from + p].start;
      for (let i = b === 0 ? 0 : ends[b - 1]; i < ends[b]; i++) out[k++] = start + order[i];
    }
  }
  if (kept !== null) {
    kept.push({ raw: query, slots: out });
    let held = 0;
    for (const a of kept) held += a.slots.length;
    while (kept.length > 1 && held > view.base.length * KEPT_MAX_SHARE) held -= (kept.shift() as KeptAnswer).slots.length;
  }
  return out;
}

/** The kept answers of these segments still valid for `query` (its prefixes), shortest first. */
function keptFor(segments: readonly ViewSegment[], query: string): KeptAnswer[] {
  let kept = keptAnswers.get(segments);
  if (kept === undefined) {
    kept = [];
    keptAnswers.set(segments, kept);
  }
  let valid = 0;
  while (valid < kept.length && query.startsWith(kept[valid].raw)) valid++;
  kept.length = valid;
  return kept;
}

/**
 * Slots matching `query`, best first. Contacts changed since the base was built come first among
 * the hits (the index cannot rank them against the base; a just-edited contact on top is what a
 * dispatcher expects anyway). Empty query: everyone in pinyin order. null = every base slot.
 * The array may be one the index keeps for the next keystrokes: read it, never modify it.
 */
export function queryView(view: SearchView, query: string): Int32Array | null {
  const baseHits = searchSegments(view, query);
  const n = view.base.length;
  if (baseHits === null) {
    if (view.deadCount === 0 && view.delta.length === 0) return null;
    return mergeAll(view);
  }
  const deltaHits = view.delta.length ? searchRanked(view.deltaIndex, query)?.order : null;
  // Nothing edited (the usual case): the hits as they are, not a copy of tens of thousands.
  if (!deltaHits && view.deadCount === 0) return baseHits;
  const out = new Int32Array((deltaHits?.length ?? 0) + baseHits.length);
  let k = 0;
  if (deltaHits) for (let i = 0; i < deltaHits.length; i++) out[k++] = n + deltaHits[i];
  const dead = view.baseDead;
  for (let i = 0; i < baseHits.length; i++) if (!dead[baseHits[i]]) out[k++] = baseHits[i];
  return k === out.length ? out : out.slice(0, k);
}

/**
 * Live slots of the segments from `fromSegment` on that match `query` (all of them for an empty
 * query), in rank order among themselves: what a newly arrived page adds to results already on
 * screen without moving them. Only for views without edits (nothing is edited while loading).
 */
export function queryNewSegments(view: SearchView, query: string, fromSegment: number): Int32Array {
  const hits = searchSegments(view, query, fromSegment);
  if (hits !== null) return hits;
  const start = view.segments[fromSegment]?.start ?? view.base.length;
  return Int32Array.from({ length: view.base.length - start }, (_, i) => start + i);
}

/** Live base slots and delta slots merged by sort key. */
function mergeAll(view: SearchView): Int32Array {
  const n = view.base.length;
  const out = new Int32Array(view.size);
  const { baseDead: dead, deltaSort } = view;
  // Where each delta entry goes: a binary search over the base (dead entries still sit in
  // order), so only a few dozen base sort keys are ever computed.
  const at = deltaSort.map((key) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (baseSortKey(view, mid) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
  let k = 0;
  let d = 0;
  for (let b = 0; b < n; b++) {
    while (d < deltaSort.length && at[d] <= b) out[k++] = n + d++;
    if (!dead[b]) out[k++] = b;
  }
  while (d < deltaSort.length) out[k++] = n + d++;
  return out;
}

export type ContactFilter = { kind: 'all' } | { kind: 'favorites' } | { kind: 'group'; id: string };

/** Applies a favourites/group filter to query results (null = all base slots). */
export function filterSlots(view: SearchView, slots: Int32Array | null, filter: ContactFilter): Int32Array | null {
  if (filter.kind === 'all') return slots;
  const keep = filter.kind === 'favorites' ? (c: ContactRecord) => c.favorite : (c: ContactRecord) => c.groupIds.includes(filter.id);
  const count = slots ? slots.length : view.base.length;
  const out = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < count; i++) {
    const s = slots ? slots[i] : i;
    if (keep(contactAt(view, s) as ContactRecord)) out[k++] = s;
  }
  return out.slice(0, k);
}

export interface ViewStats {
  favorites: number;
  /** Group id → members. */
  groups: Record<string, number>;
}

/** Adds one contact to the counts (the loader counts page by page, viewStats all at once). */
export function countContact(stats: ViewStats, c: ContactRecord): void {
  if (c.favorite) stats.favorites++;
  for (const g of c.groupIds) stats.groups[g] = (stats.groups[g] ?? 0) + 1;
}

export function viewStats(view: SearchView): ViewStats {
  const stats: ViewStats = { favorites: 0, groups: {} };
  view.base.forEach((c, i) => {
    if (!view.baseDead[i]) countContact(stats, c);
  });
  for (const c of view.delta) countContact(stats, c);
  return stats;
}

/** Row of a slot in a result list, or -1. */
export function rowOfSlot(rows: Int32Array | null, slot: number, baseLength: number): number {
  if (slot < 0) return -1;
  if (rows === null) return slot < baseLength ? slot : -1;
  for (let i = 0; i < rows.length; i++) if (rows[i] === slot) return i;
  return -1;
}
