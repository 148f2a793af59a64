/**
 * The contact list's display order (ids sorted by the shared contact sort key), kept up to date in
 * place on every change so that a page costs a slice, not a sort.
 *
 * The order is derived data: it is built by sorting every contact once, or adopted from a cache
 * (unchecked until `check` has been through it), and any id that turns out not to hold a readable
 * contact simply leaves the list. Every change to the order is reported through `changed`, so the
 * owner can bump its revision and remember the order.
 */
import { contactSortKey, compareSortKeys } from '../../../shared/contact-order';
import type { ContactRecord } from '../../../shared/domain';

/** A contact as stored before and after a write; undefined = not there (added, deleted). */
export interface OrderChange {
  id: string;
  before: ContactRecord | undefined;
  after: ContactRecord | undefined;
}

export interface DisplayOrderDeps {
  /** The readable contact stored under `id` now; undefined when missing, damaged or not a contact. */
  contact(id: string): ContactRecord | undefined;
  /** Every readable contact with its id (to rebuild the order after a failed check). */
  contacts(): Iterable<[string, ContactRecord]>;
  /** The order changed (built, moved, rebuilt, an unreadable id dropped). */
  changed(): void;
  /** Told once when a checked order turned out wrong and was rebuilt. */
  rebuilt?(): void;
}

export interface DisplayOrder {
  /** Contact ids in display order; null until built or adopted. */
  readonly ids: string[] | null;
  /** True while an adopted (cached) order has not been checked against the contacts yet. */
  readonly unchecked: boolean;
  /** Sorts `[sortKey, id]` pairs into the order (the pairs array is sorted in place). */
  build(pairs: Array<[string, string]>): void;
  /** Takes an order from the cache as it is; `check` confirms it later. */
  adopt(ids: string[]): void;
  /**
   * Walks an adopted order one id per step: drops ids that are not contacts, and rebuilds the whole
   * order if any pair is out of order or `contactCount` contacts are not all listed.
   */
  check(contactCount: number): Generator<void, void>;
  /** Moves changed contacts to where their records sort now (out of the list when deleted). */
  apply(changes: readonly OrderChange[]): void;
  /** Up to `limit` contacts from `offset`; unreadable ids met on the way leave the order. */
  page(offset: number, limit: number): { contacts: ContactRecord[]; total: number };
}

/**
 * Changes up to this many move contacts one by one (a binary search and an array splice each);
 * larger batches (imports) rebuild the order in one merge pass instead.
 */
export const SPLICE_MAX = 64;

function sortedIds(pairs: Array<[string, string]>): string[] {
  pairs.sort((a, b) => compareSortKeys(a[0], b[0]));
  return pairs.map((p) => p[1]);
}

function sortedAdditions(changes: readonly OrderChange[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const c of changes) if (c.after && looksLikeContact(c.after)) pairs.push([contactSortKey(c.after), c.id]);
  return pairs.sort((a, b) => compareSortKeys(a[0], b[0]));
}

/** Old or foreign data on disk must not take the app down: skip what is not a contact at all. */
export function looksLikeContact(item: unknown): item is ContactRecord {
  const c = item as Partial<ContactRecord> | null;
  return !!c && typeof c.name === 'string' && Array.isArray(c.numbers) && Array.isArray(c.groupIds);
}

export function createDisplayOrder(deps: DisplayOrderDeps): DisplayOrder {
  let order: string[] | null = null;
  let unchecked = false;
  /**
   * While a batch is being taken out of the order: the keys its contacts had, because the
   * collection already holds their new records but the order still has them at the old places.
   */
  let placedKeys: Map<string, string> | null = null;

  /** The key a listed id sorts by; null when the id holds no readable contact (dropped from the order). */
  function keyOf(id: string): string | null {
    const placed = placedKeys?.get(id);
    if (placed !== undefined) return placed;
    const item = deps.contact(id);
    return item !== undefined ? contactSortKey(item) : null;
  }

  function* check(contactCount: number): Generator<void, void> {
    let previous = '';
    let right = true;
    for (let i = 0; order && i < order.length; i++) {
      const key = keyOf(order[i]);
      if (key === null) {
        // Damaged or not a contact: it just leaves the list, like a page would drop it.
        order.splice(i--, 1);
        deps.changed();
        continue;
      }
      // Keys end with the id, so a repeated id shows up here as an equal key.
      if (key <= previous) {
        right = false;
        break;
      }
      previous = key;
      yield;
    }
    // Every contact listed? (No id is listed twice by now, and none that is not a contact.)
    if (right && order && order.length !== contactCount) right = false;
    if (!right) {
      deps.rebuilt?.();
      const pairs: Array<[string, string]> = [];
      for (const [id, item] of deps.contacts()) pairs.push([contactSortKey(item), id]);
      order = sortedIds(pairs);
      deps.changed();
    }
    unchecked = false;
  }

  function spliceChanges(list: string[], changes: readonly OrderChange[]): void {
    const oldKeys = new Map<string, string>();
    for (const c of changes) if (c.before && looksLikeContact(c.before)) oldKeys.set(c.id, contactSortKey(c.before));
    placedKeys = oldKeys;
    try {
      for (const c of changes) {
        const key = oldKeys.get(c.id);
        if (key === undefined) continue;
        let at = firstAtOrAfter(list, 0, key);
        // A record that was never listed, or (a bug) not where its key says: look for it.
        if (list[at] !== c.id) at = list.indexOf(c.id);
        if (at >= 0) list.splice(at, 1);
        oldKeys.delete(c.id);
      }
    } finally {
      placedKeys = null;
    }
    for (const [key, id] of sortedAdditions(changes)) list.splice(firstAfter(list, 0, key), 0, id);
  }

  /** One pass: everything not changed keeps its place, the changed ones are merged in. */
  function mergeChanges(list: string[], changes: readonly OrderChange[]): string[] {
    const gone = new Set(changes.map((c) => c.id));
    const rest = list.filter((id) => !gone.has(id));
    const out: string[] = [];
    let from = 0;
    for (const [key, id] of sortedAdditions(changes)) {
      const at = firstAfter(rest, from, key);
      for (let i = from; i < at; i++) out.push(rest[i]);
      out.push(id);
      from = at;
    }
    for (let i = from; i < rest.length; i++) out.push(rest[i]);
    return out;
  }

  /** First position in list[from…] whose key sorts after `key`. */
  function firstAfter(list: string[], from: number, key: string): number {
    return bound(list, from, (k) => k <= key);
  }

  /** First position in list[from…] whose key is `key` or sorts after it. */
  function firstAtOrAfter(list: string[], from: number, key: string): number {
    return bound(list, from, (k) => k < key);
  }

  /** Binary search for the first key not `before`; unreadable entries met on the way are dropped. */
  function bound(list: string[], from: number, before: (key: string) => boolean): number {
    let lo = from;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const k = keyOf(list[mid]);
      if (k === null) {
        list.splice(mid, 1);
        hi--;
      } else if (before(k)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  return {
    get ids() {
      return order;
    },
    get unchecked() {
      return unchecked;
    },

    build(pairs) {
      order = sortedIds(pairs);
      unchecked = false;
      deps.changed();
    },

    adopt(ids) {
      order = ids;
      unchecked = true;
    },

    check,

    apply(changes) {
      if (changes.length === 0) return;
      if (!order) {
        // Built later from the contacts, which already hold the change.
        deps.changed();
        return;
      }
      if (changes.length > SPLICE_MAX) order = mergeChanges(order, changes);
      else spliceChanges(order, changes);
      deps.changed();
    },

    page(offset, limit) {
      const list = order ?? [];
      const contacts: ContactRecord[] = [];
      let i = offset;
      while (i < list.length && contacts.length < limit) {
        const item = deps.contact(list[i]);
        if (item !== undefined) {
          contacts.push(item);
          i++;
        } else {
          // Only a cached order can name an id that turns out damaged or not a contact.
          list.splice(i, 1);
          deps.changed();
        }
      }
      return { contacts, total: list.length };
    },
  };
}
