/**
 * The renderer's contact book: up to 50 000 contacts, searchable per keystroke.
 *
 * Building the search index over everything costs a few hundred milliseconds, so it is built
 * once, when the list is loaded (the "base"). Later edits do not rebuild it: an edited, added or
 * restored contact goes into a small "delta" (with its own small index, rebuilt in microseconds)
 * and its base entry is marked dead; a deleted one is just marked dead. Once the delta grows past
 * DELTA_COMPACT_AT the whole book is rebuilt (also when the list is reloaded, e.g. after import).
 *
 * Rows are "slots": base position p is slot p, delta position d is slot base.length + d. A query
 * answers the slots to show, in order; null means "every base slot in order" (nothing edited yet,
 * empty query), which saves allocating a 50 000-entry array on every render.
 *
 * Pure and immutable: every operation returns a new book and leaves the old one intact.
 */
import {
  SEARCH_KEYS_VERSION,
  buildSearchIndex,
  normalizeSearchText,
  searchPositions,
  type ContactSearchIndex,
  type ContactSearchKeys,
} from '../../../shared/contact-search';
import type { ContactRecord } from '../../../shared/domain';

export const DELTA_COMPACT_AT = 256;

export interface ContactBook {
  readonly base: readonly ContactRecord[];
  readonly baseIndex: ContactSearchIndex;
  /** Sort key per base slot (the base is sorted by it). */
  readonly baseSort: readonly string[];
  readonly baseSlot: ReadonlyMap<string, number>;
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
}

/**
 * Keys as main computed them; a record without usable keys (older data, a main-side bug) still
 * gets name, org and digit search, just no pinyin.
 */
export function ensureKeys(c: ContactRecord): ContactRecord {
  const k = c.keys as ContactSearchKeys | undefined;
  if (k && typeof k.name === 'string' && typeof k.py === 'string' && Array.isArray(k.syl) && typeof k.digits === 'string' && typeof k.org === 'string') {
    return c;
  }
  const keys: ContactSearchKeys = {
    v: SEARCH_KEYS_VERSION,
    name: normalizeSearchText(c.name ?? ''),
    py: '',
    ini: '',
    syl: [],
    digits: (c.numbers ?? []).map((n) => n.number.replace(/\D/g, '')).filter(Boolean).join(' '),
    org: normalizeSearchText(c.org ?? ''),
  };
  return { ...c, keys };
}

/** Pinyin order (张三 sorts under z), names without any pinyin last, the id as a tie-break. */
export function sortKey(c: ContactRecord): string {
  const py = c.keys.py;
  return `${py === '' ? '\u007f' : py}\u0001${c.keys.name}\u0001${c.id}`;
}

function indexOf(records: readonly ContactRecord[]): ContactSearchIndex {
  return buildSearchIndex(records.map((c) => ({ id: c.id, keys: c.keys, favorite: c.favorite })));
}

const EMPTY_INDEX = buildSearchIndex([]);

export function createBook(input: readonly ContactRecord[]): ContactBook {
  // Last one wins should main ever send an id twice.
  const byId = new Map<string, ContactRecord>();
  for (const c of input) byId.set(c.id, ensureKeys(c));
  const records = [...byId.values()];
  const keys = records.map(sortKey);
  const order = records.map((_, i) => i);
  order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const base = order.map((i) => records[i]);
  const baseSort = order.map((i) => keys[i]);
  const baseSlot = new Map<string, number>();
  base.forEach((c, i) => baseSlot.set(c.id, i));
  return {
    base,
    baseIndex: indexOf(base),
    baseSort,
    baseSlot,
    baseDead: new Uint8Array(base.length),
    deadCount: 0,
    delta: [],
    deltaSort: [],
    deltaIndex: EMPTY_INDEX,
    deltaSlot: new Map(),
    size: base.length,
  };
}

/** The live slot of a contact, or -1. */
export function slotOf(book: ContactBook, id: string): number {
  const d = book.deltaSlot.get(id);
  if (d !== undefined) return book.base.length + d;
  const b = book.baseSlot.get(id);
  return b !== undefined && !book.baseDead[b] ? b : -1;
}

export function contactAt(book: ContactBook, slot: number): ContactRecord | undefined {
  const n = book.base.length;
  return slot < n ? book.base[slot] : book.delta[slot - n];
}

export function getContact(book: ContactBook, id: string): ContactRecord | undefined {
  const s = slotOf(book, id);
  return s < 0 ? undefined : contactAt(book, s);
}

/** Every live contact, in display order of an empty query. */
export function liveContacts(book: ContactBook): ContactRecord[] {
  const slots = queryBook(book, '');
  if (slots === null) return book.base.slice();
  return Array.from(slots, (s) => contactAt(book, s) as ContactRecord);
}

function withChanges(book: ContactBook, dead: Uint8Array, deadCount: number, deltaById: Map<string, ContactRecord>): ContactBook {
  if (deltaById.size > DELTA_COMPACT_AT) {
    const live: ContactRecord[] = [];
    book.base.forEach((c, i) => {
      if (!dead[i]) live.push(c);
    });
    return createBook(live.concat([...deltaById.values()]));
  }
  const delta = [...deltaById.values()];
  const keyed = delta.map((c) => [sortKey(c), c] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const sorted = keyed.map((k) => k[1]);
  const deltaSlot = new Map<string, number>();
  sorted.forEach((c, i) => deltaSlot.set(c.id, i));
  return {
    ...book,
    baseDead: dead,
    deadCount,
    delta: sorted,
    deltaSort: keyed.map((k) => k[0]),
    deltaIndex: sorted.length ? indexOf(sorted) : EMPTY_INDEX,
    deltaSlot,
    size: book.base.length - deadCount + sorted.length,
  };
}

/** Adds or replaces contacts (a save, a restore). */
export function upsertContacts(book: ContactBook, records: readonly ContactRecord[]): ContactBook {
  if (records.length === 0) return book;
  const dead = book.baseDead.slice();
  let deadCount = book.deadCount;
  const deltaById = new Map(book.delta.map((c) => [c.id, c] as const));
  for (const r of records) {
    const b = book.baseSlot.get(r.id);
    if (b !== undefined && !dead[b]) {
      dead[b] = 1;
      deadCount++;
    }
    deltaById.set(r.id, ensureKeys(r));
  }
  return withChanges(book, dead, deadCount, deltaById);
}

export function removeContacts(book: ContactBook, ids: readonly string[]): ContactBook {
  const dead = book.baseDead.slice();
  let deadCount = book.deadCount;
  const deltaById = new Map(book.delta.map((c) => [c.id, c] as const));
  let changed = false;
  for (const id of ids) {
    if (deltaById.delete(id)) changed = true;
    const b = book.baseSlot.get(id);
    if (b !== undefined && !dead[b]) {
      dead[b] = 1;
      deadCount++;
      changed = true;
    }
  }
  return changed ? withChanges(book, dead, deadCount, deltaById) : book;
}

/**
 * Slots matching `query`, best first. Contacts changed since the base was built come first among
 * the hits (the index cannot rank them against the base; a just-edited contact on top is what a
 * dispatcher expects anyway). Empty query: everyone in pinyin order. null = every base slot.
 */
export function queryBook(book: ContactBook, query: string): Int32Array | null {
  const baseHits = searchPositions(book.baseIndex, query);
  const n = book.base.length;
  if (baseHits === null) {
    if (book.deadCount === 0 && book.delta.length === 0) return null;
    return mergeAll(book);
  }
  const deltaHits = book.delta.length ? searchPositions(book.deltaIndex, query) : null;
  const out = new Int32Array((deltaHits?.length ?? 0) + baseHits.length);
  let k = 0;
  if (deltaHits) for (let i = 0; i < deltaHits.length; i++) out[k++] = n + deltaHits[i];
  const dead = book.baseDead;
  for (let i = 0; i < baseHits.length; i++) if (!dead[baseHits[i]]) out[k++] = baseHits[i];
  return k === out.length ? out : out.slice(0, k);
}

/** Live base slots and delta slots merged by sort key. */
function mergeAll(book: ContactBook): Int32Array {
  const n = book.base.length;
  const out = new Int32Array(book.size);
  const { baseDead: dead, baseSort, deltaSort } = book;
  let k = 0;
  let d = 0;
  for (let b = 0; b < n; b++) {
    if (dead[b]) continue;
    while (d < deltaSort.length && deltaSort[d] < baseSort[b]) out[k++] = n + d++;
    out[k++] = b;
  }
  while (d < deltaSort.length) out[k++] = n + d++;
  return out;
}

export type ContactFilter = { kind: 'all' } | { kind: 'favorites' } | { kind: 'group'; id: string };

/** Applies a favourites/group filter to query results (null = all base slots). */
export function filterSlots(book: ContactBook, slots: Int32Array | null, filter: ContactFilter): Int32Array | null {
  if (filter.kind === 'all') return slots;
  const keep =
    filter.kind === 'favorites'
      ? (c: ContactRecord) => c.favorite
      : (c: ContactRecord) => c.groupIds.includes(filter.id);
  const count = slots ? slots.length : book.base.length;
  const out = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < count; i++) {
    const s = slots ? slots[i] : i;
    if (keep(contactAt(book, s) as ContactRecord)) out[k++] = s;
  }
  return out.slice(0, k);
}

export interface BookStats {
  favorites: number;
  /** Group id → members. */
  groups: Record<string, number>;
}

export function bookStats(book: ContactBook): BookStats {
  let favorites = 0;
  const groups: Record<string, number> = {};
  const count = (c: ContactRecord) => {
    if (c.favorite) favorites++;
    for (const g of c.groupIds) groups[g] = (groups[g] ?? 0) + 1;
  };
  book.base.forEach((c, i) => {
    if (!book.baseDead[i]) count(c);
  });
  book.delta.forEach(count);
  return { favorites, groups };
}

/** Row of a slot in a result list, or -1. */
export function rowOfSlot(rows: Int32Array | null, slot: number, baseLength: number): number {
  if (slot < 0) return -1;
  if (rows === null) return slot < baseLength ? slot : -1;
  for (let i = 0; i < rows.length; i++) if (rows[i] === slot) return i;
  return -1;
}
