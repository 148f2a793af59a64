/**
 * The contacts themselves: validated on every way in, stored with their search keys, indexed by
 * number, and kept in display order so that the list can be handed out a page at a time.
 *
 * The collection is the truth; everything else here is derived from it and rebuilt when missing:
 * - the number index (which contact names a number in the call log) is built by a warm-up that
 *   parses the collection in slices of a few milliseconds in the background, so IPC stays
 *   responsive at start-up. Anything that needs it before the warm-up is done finishes the rest
 *   at once.
 * - the display order (contact-order.ts) is updated in place on every change, so a page costs a
 *   slice, not a sort. Across runs it is cached next to the collection (order-cache.ts): a start
 *   whose files are unchanged serves the first page after parsing only that page's contacts.
 *   Without a usable cache the order is built by sorting everything once.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { contactSortKey, compareSortKeys } from '../../shared/contact-order';
import { SEARCH_KEYS_VERSION, type ContactSearchKeys } from '../../shared/contact-search';
import type { Contact, ContactDraft, ContactRecord, PhoneNumber } from '../../shared/domain';
import { msg } from '../../shared/i18n';
import { success, type Failure, type Result } from '../../shared/result';
import type { Logger } from '../log';
import type { Collection } from '../stores/collection-store';
import { tryWrite } from '../stores/write-failure';
import { checkContact } from './contact-rules';
import { invalidField } from './field-text';
import { NumberIndex } from './number-index';
import type { OrderCache } from './order-cache';

export interface ContactBookDeps {
  collection: Collection<ContactRecord>;
  groupExists(id: string): boolean;
  computeKeys(contact: Contact): ContactSearchKeys;
  now(): number;
  log: Logger;
  /** Keeps the display order between runs; without one, the first page after a start sorts everything. */
  orderCache?: OrderCache;
}

/** One page of the list in display order. */
export interface ContactPage {
  contacts: ContactRecord[];
  /** Contacts in the whole list. */
  total: number;
  /**
   * Changes whenever the list or any contact in it changes: pages fetched under one revision fit
   * together; a different revision means the earlier pages are out of date.
   */
  revision: number;
}

export interface ContactBook {
  /** Every contact, in collection order (imports and exports). */
  all(): ContactRecord[];
  /** Up to `limit` contacts from position `offset` of the display order. */
  page(offset: number, limit: number): ContactPage;
  /** Starts the background warm-up (number index, order) if it has not run yet. */
  warmUp(): void;
  /** Stops background work (closing). */
  stop(): void;
  /** Writes the order cache now; call after the collection is closed, so it matches the files as left. */
  saveOrder(): void;
  get(id: string): ContactRecord | undefined;
  save(draft: ContactDraft): Result<{ contact: ContactRecord }>;
  remove(ids: readonly string[]): Result<{ deleted: Contact[] }>;
  restore(contacts: readonly Contact[]): Result<{ contacts: ContactRecord[] }>;
  /** Stores already checked contacts as they are (ids, timestamps), with fresh keys, in one write (imports). */
  putContacts(contacts: readonly Contact[]): Failure | null;
  /** Takes a deleted group out of every contact. */
  dropGroup(groupId: string): Failure | null;
  nameFor(number: PhoneNumber): string | undefined;
}

/** One warm-up slice: short enough that a call request waiting behind it is not noticeably late. */
const WARM_SLICE_MS = 8;
/** Items between clock reads in a slice (reading the clock per item would cost more than the item). */
const WARM_CHECK_EVERY = 64;
/** Order changes come in bursts (an import, a dispatcher tidying up): write the cache once after. */
const ORDER_SAVE_DELAY_MS = 2000;
/**
 * Changes up to this many move contacts one by one (a binary search and an array splice each);
 * larger batches (imports) rebuild the order in one merge pass instead.
 */
const SPLICE_MAX = 64;

/** A contact as stored before and after a write; undefined = not there (added, deleted). */
interface Change {
  id: string;
  before: ContactRecord | undefined;
  after: ContactRecord | undefined;
}

/** The record without its keys: what a delete hands back for undo. */
function withoutKeys(record: ContactRecord): Contact {
  const { keys: _keys, ...contact } = record;
  return contact;
}

/** Old or foreign data on disk must not take the app down: skip what is not a contact at all. */
function looksLikeContact(item: unknown): item is ContactRecord {
  const c = item as Partial<ContactRecord> | null;
  return !!c && typeof c.name === 'string' && Array.isArray(c.numbers) && Array.isArray(c.groupIds);
}

export function createContactBook(deps: ContactBookDeps): ContactBook {
  const { collection } = deps;
  /** Complete once set; null until the warm-up has been through every item. */
  let index: NumberIndex | null = null;
  let warming: Generator<void, void> | null = null;
  let warmTimer: NodeJS.Immediate | null = null;
  /** Contact ids in display order; null until built (or loaded from the cache). */
  let order: string[] | null = null;
  /** The order came from the cache and has not been checked against the items yet. */
  let orderUnchecked = false;
  let revision = 1;
  let saveTimer: NodeJS.Timeout | null = null;
  /** Closing: no more background work. */
  let stopped = false;
  /**
   * While a batch is being taken out of the order: the keys its contacts had, because the
   * collection already holds their new records but the order still has them at the old places.
   */
  let placedKeys: Map<string, string> | null = null;

  const withKeys = (contact: Contact): ContactRecord => ({ ...contact, keys: deps.computeKeys(contact) });

  /** The key a listed id sorts by; null when the id holds no readable contact (dropped from the order). */
  function keyOf(id: string): string | null {
    const placed = placedKeys?.get(id);
    if (placed !== undefined) return placed;
    const item = collection.get(id);
    return item !== undefined && looksLikeContact(item) ? contactSortKey(item) : null;
  }

  function changed(): void {
    revision++;
    if (!deps.orderCache || saveTimer || !order || stopped) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      saveOrder();
    }, ORDER_SAVE_DELAY_MS);
    saveTimer.unref?.();
  }

  function saveOrder(): void {
    if (!deps.orderCache || !order) return;
    const skipped: string[] = [];
    // Usually every item is a contact in the list, and there is nothing to look for.
    if (order.length !== collection.items.size) {
      const listed = new Set(order);
      for (const id of collection.items.keys()) if (!listed.has(id)) skipped.push(id);
    }
    deps.orderCache.save({ ids: order, skipped });
  }

  /**
   * The cached order, when it was written for the files the collection has now (the cache checks
   * that) and names as many ids. That it names exactly the collection's ids, each once, in order,
   * is checked by the warm-up in the background (checkOrder), not before the first page.
   */
  function orderFromCache(): string[] | null {
    const cached = deps.orderCache?.load();
    if (!cached || cached.ids.length + cached.skipped.length !== collection.items.size) return null;
    return cached.ids;
  }

  function sortedIds(pairs: Array<[string, string]>): string[] {
    pairs.sort((a, b) => compareSortKeys(a[0], b[0]));
    return pairs.map((p) => p[1]);
  }

  /**
   * The warm-up, one item per step: builds the number index, recomputes keys written by an
   * older search version, then builds the order (or checks the cached one).
   */
  function* warmWork(): Generator<void, void> {
    const built = new NumberIndex();
    const stale: Change[] = [];
    const broken: string[] = [];
    const keyed: Array<[string, string]> = [];
    let contacts = 0;
    for (const id of [...collection.items.keys()]) {
      const item = collection.get(id);
      // Deleted since the warm-up began, or a damaged line (the collection reports it).
      if (item === undefined) continue;
      if (!looksLikeContact(item)) broken.push(id);
      else {
        contacts++;
        built.add(item);
        if (item.keys?.v !== SEARCH_KEYS_VERSION) stale.push({ id, before: item, after: withKeys(withoutKeys(item)) });
        if (!order) keyed.push([contactSortKey(item), id]);
      }
      yield;
    }
    index = built;
    if (broken.length > 0) deps.log.warn('contacts.skipped_unreadable', { count: broken.length });
    if (!order) {
      order = sortedIds(keyed);
      orderUnchecked = false;
      changed();
    }
    // Best effort: if this write fails the keys are recomputed again on the next start. Rekeyed
    // contacts move to where their new keys sort.
    if (stale.length > 0 && !tryWrite(deps.log, 'contacts.rekey', () => collection.putMany(stale.map((c) => c.after as ContactRecord)))) {
      reorder(stale);
    }
    if (orderUnchecked) yield* checkOrder(contacts);
  }

  /**
   * A cached order is trusted for the first pages, then checked here: any pair out of order
   * (a bug, or bit rot inside a key) and the whole order is rebuilt from the items.
   */
  function* checkOrder(contacts: number): Generator<void, void> {
    let previous = '';
    let right = true;
    for (let i = 0; order && i < order.length; i++) {
      const key = keyOf(order[i]);
      if (key === null) {
        // Damaged or not a contact: it just leaves the list, like a page would drop it.
        order.splice(i--, 1);
        changed();
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
    if (right && order && order.length !== contacts) right = false;
    if (!right) {
      deps.log.warn('contacts.order_rebuilt', {});
      const pairs: Array<[string, string]> = [];
      for (const [id, item] of collection.items) if (looksLikeContact(item)) pairs.push([contactSortKey(item), id]);
      order = sortedIds(pairs);
      changed();
    }
    orderUnchecked = false;
  }

  function finishWarmUp(): NumberIndex {
    if (warmTimer) {
      clearImmediate(warmTimer);
      warmTimer = null;
    }
    warming ??= warmWork();
    while (!warming.next().done);
    warming = null;
    return index as NumberIndex;
  }

  /**
   * The number index, finishing the warm-up first when it has not got through everything yet.
   * Also when only the check of a cached order is left: every change to the order waits for that
   * check, so the check never sees the order change under it.
   */
  function numbers(): NumberIndex {
    return index && !warming ? index : finishWarmUp();
  }

  function ensureOrder(): string[] {
    if (order) return order;
    const cached = orderFromCache();
    if (cached) {
      order = cached;
      orderUnchecked = true;
      return order;
    }
    finishWarmUp();
    return builtOrder();
  }

  /** The order once the warm-up has built it (TypeScript cannot see the generator set it). */
  function builtOrder(): string[] {
    if (!order) throw new Error('contact order missing after the warm-up');
    return order;
  }

  /** Moves changed contacts to where their records sort now (out of the list when deleted). */
  function reorder(changes: readonly Change[]): void {
    if (changes.length === 0) return;
    if (!order) {
      // Built later from the collection, which already holds the change.
      changed();
      return;
    }
    if (changes.length > SPLICE_MAX) mergeChanges(order, changes);
    else spliceChanges(order, changes);
    changed();
  }

  function spliceChanges(list: string[], changes: readonly Change[]): void {
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
  function mergeChanges(list: string[], changes: readonly Change[]): void {
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
    order = out;
  }

  function sortedAdditions(changes: readonly Change[]): Array<[string, string]> {
    const pairs: Array<[string, string]> = [];
    for (const c of changes) if (c.after && looksLikeContact(c.after)) pairs.push([contactSortKey(c.after), c.id]);
    return pairs.sort((a, b) => compareSortKeys(a[0], b[0]));
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

  function replace(before: ContactRecord | undefined, after: ContactRecord): void {
    const idx = numbers();
    if (before) idx.remove(before);
    idx.add(after);
  }

  /** One write for the batch; the index and the order follow only once it is on disk. */
  function putRecords(batch: readonly ContactRecord[], what: string): Failure | null {
    numbers();
    // The last of repeated ids wins, as it would on disk; the index must agree.
    const records = [...new Map(batch.map((r) => [r.id, r])).values()];
    const before = records.map((r) => collection.get(r.id));
    const failed = tryWrite(deps.log, what, () => collection.putMany(records));
    if (failed) return failed;
    records.forEach((r, i) => replace(before[i], r));
    reorder(records.map((r, i) => ({ id: r.id, before: before[i], after: r })));
    return null;
  }

  function all(): ContactRecord[] {
    numbers();
    return collection.all().filter(looksLikeContact);
  }

  return {
    all,

    page(offset, limit) {
      const list = ensureOrder();
      const contacts: ContactRecord[] = [];
      let i = offset;
      while (i < list.length && contacts.length < limit) {
        const item = collection.get(list[i]);
        if (item !== undefined && looksLikeContact(item)) {
          contacts.push(item);
          i++;
        } else {
          // Only a cached order can name an id that turns out damaged or not a contact.
          list.splice(i, 1);
          changed();
        }
      }
      return { contacts, total: list.length, revision };
    },

    warmUp() {
      if (index || warmTimer || stopped) return;
      warming ??= warmWork();
      const slice = () => {
        warmTimer = null;
        const work = warming;
        if (!work) return; // finished by a request in the meantime
        const until = performance.now() + WARM_SLICE_MS;
        for (let n = 1; ; n++) {
          if (work.next().done) {
            warming = null;
            return;
          }
          if (n % WARM_CHECK_EVERY === 0 && performance.now() >= until) break;
        }
        warmTimer = setImmediate(slice);
        warmTimer.unref?.();
      };
      warmTimer = setImmediate(slice);
      warmTimer.unref?.();
    },

    stop() {
      stopped = true;
      if (warmTimer) clearImmediate(warmTimer);
      warmTimer = null;
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
    },

    saveOrder,

    get: (id) => {
      numbers();
      return collection.get(id);
    },

    save(draft) {
      numbers();
      const existing = draft.id === undefined ? undefined : collection.get(draft.id);
      if (draft.id !== undefined && !existing) {
        return invalidField('id', msg('contactRule.gone'));
      }
      const checked = checkContact(draft, { groupExists: deps.groupExists, unknownGroups: 'reject' });
      if (!checked.ok) return checked;
      const now = deps.now();
      const saved = withKeys({ id: existing?.id ?? randomUUID(), ...checked.fields, createdAt: existing?.createdAt ?? now, updatedAt: now });
      const failed = tryWrite(deps.log, 'contacts.save', () => collection.put(saved));
      if (failed) return failed;
      replace(existing, saved);
      reorder([{ id: saved.id, before: existing, after: saved }]);
      return success({ contact: saved });
    },

    remove(ids) {
      const idx = numbers();
      const found = [...new Set(ids)].map((id) => collection.get(id)).filter((c): c is ContactRecord => !!c);
      const failed = tryWrite(deps.log, 'contacts.delete', () => collection.deleteMany(found.map((c) => c.id)));
      if (failed) return failed;
      for (const c of found) idx.remove(c);
      reorder(found.map((c) => ({ id: c.id, before: c, after: undefined })));
      return success({ deleted: found.map(withoutKeys) });
    },

    restore(contacts) {
      numbers();
      const records: ContactRecord[] = [];
      for (let i = 0; i < contacts.length; i++) {
        const c = contacts[i];
        // A group deleted since is dropped rather than failing the undo.
        const checked = checkContact(c, { groupExists: deps.groupExists, unknownGroups: 'drop' });
        if (!checked.ok) return { ...checked, field: `contacts[${i}].${checked.field ?? ''}` };
        // Verbatim: same id and timestamps as before the delete.
        records.push(withKeys({ id: c.id, ...checked.fields, createdAt: c.createdAt, updatedAt: c.updatedAt }));
      }
      const failed = putRecords(records, 'contacts.restore');
      return failed ?? success({ contacts: records });
    },

    putContacts: (contacts) => putRecords(contacts.map(withKeys), 'contacts.import'),

    dropGroup(groupId) {
      numbers();
      const changedContacts = all()
        .filter((c) => c.groupIds.includes(groupId))
        .map((c) => ({ ...c, groupIds: c.groupIds.filter((g) => g !== groupId), updatedAt: deps.now() }));
      const failed = tryWrite(deps.log, 'contacts.drop_group', () => collection.putMany(changedContacts));
      // Same names, same order; but pages fetched before this carry the old groups.
      if (!failed && changedContacts.length > 0) changed();
      return failed;
    },

    nameFor(number) {
      const id = numbers().first(number);
      return id === undefined ? undefined : collection.get(id)?.name;
    },
  };
}
