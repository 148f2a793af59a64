/**
 * The contact book in the data folder: the local ContactsSource. Contacts are stored with their
 * search keys in the `contacts` collection, indexed by number, and kept in display order so that
 * the list can be handed out a page at a time.
 *
 * The collection is the truth; everything else here is derived from it and rebuilt when missing:
 * - the number index (which contact names a number in the call log) is built by a warm-up that
 *   parses the collection in slices of a few milliseconds in the background (warm-up.ts), so IPC
 *   stays responsive at start-up. Anything that needs it before the warm-up is done finishes the
 *   rest at once.
 * - the display order (display-order.ts) is updated in place on every change, so a page costs a
 *   slice, not a sort. Across runs it is cached next to the collection (order-cache.ts): a start
 *   whose files are unchanged serves the first page after parsing only that page's contacts.
 *   Without a usable cache the order is built by sorting everything once.
 */
import { contactSortKey } from '../../../shared/contact-order';
import { SEARCH_KEYS_VERSION, type ContactSearchKeys } from '../../../shared/contact-search';
import type { Contact, ContactRecord } from '../../../shared/domain';
import { success, type Failure } from '../../../shared/result';
import type { Logger } from '../../log';
import type { Collection } from '../../stores/collection-store';
import { tryWrite } from '../../stores/write-failure';
import type { ContactPage, ContactsSource, ContactWrite } from '../contacts-source';
import { createDisplayOrder, looksLikeContact, type OrderChange } from './display-order';
import { NumberIndex } from './number-index';
import type { OrderCache } from './order-cache';
import { createWarmUp } from './warm-up';
import { ownerOf } from '../../../shared/number-owner';

export interface ContactBookDeps {
  collection: Collection<ContactRecord>;
  computeKeys(contact: Contact): ContactSearchKeys;
  log: Logger;
  /** Keeps the display order between runs; without one, the first page after a start sorts everything. */
  orderCache?: OrderCache;
  /** Told the list's new revision after every change (the core emits `contactsChanged`). */
  onChange?(revision: number): void;
}

export type { ContactPage };

export interface ContactBook extends ContactsSource {
  /** Stops background work (closing). */
  stop(): void;
  /** Writes the order cache now; call after the collection is closed, so it matches the files as left. */
  saveOrder(): void;
}

/** Order changes come in bursts (an import, a dispatcher tidying up): write the cache once after. */
const ORDER_SAVE_DELAY_MS = 2000;

/** The record without its keys: what a delete hands back for undo. */
function withoutKeys(record: ContactRecord): Contact {
  const { keys: _keys, ...contact } = record;
  return contact;
}

export function createContactBook(deps: ContactBookDeps): ContactBook {
  const { collection } = deps;
  /** Complete once the warm-up is done. */
  let index: NumberIndex | null = null;
  let revision = 1;
  let saveTimer: NodeJS.Timeout | null = null;
  /** Closing: no more background work. */
  let stopped = false;

  const withKeys = (contact: Contact): ContactRecord => ({ ...contact, keys: deps.computeKeys(contact) });

  const display = createDisplayOrder({
    contact(id) {
      const item = collection.get(id);
      return item !== undefined && looksLikeContact(item) ? item : undefined;
    },
    *contacts() {
      for (const [id, item] of collection.items) if (looksLikeContact(item)) yield [id, item];
    },
    changed,
    rebuilt: () => deps.log.warn('contacts.order_rebuilt', {}),
  });
  const warm = createWarmUp(warmWork);

  function changed(): void {
    revision++;
    deps.onChange?.(revision);
    if (!deps.orderCache || saveTimer || !display.ids || stopped) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      saveOrder();
    }, ORDER_SAVE_DELAY_MS);
    saveTimer.unref?.();
  }

  function saveOrder(): void {
    const order = display.ids;
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
   * is checked by the warm-up in the background (display.check), not before the first page.
   */
  function orderFromCache(): string[] | null {
    const cached = deps.orderCache?.load();
    if (!cached || cached.ids.length + cached.skipped.length !== collection.items.size) return null;
    return cached.ids;
  }

  /**
   * The warm-up, one item per step: builds the number index, recomputes keys written by an
   * older search version, then builds the order (or checks the cached one).
   */
  function* warmWork(): Generator<void, void> {
    const built = new NumberIndex();
    const stale: OrderChange[] = [];
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
        if (!display.ids) keyed.push([contactSortKey(item), id]);
      }
      yield;
    }
    index = built;
    if (broken.length > 0) deps.log.warn('contacts.skipped_unreadable', { count: broken.length });
    if (!display.ids) display.build(keyed);
    // Best effort: if this write fails the keys are recomputed again on the next start. Rekeyed
    // contacts move to where their new keys sort.
    if (stale.length > 0 && !tryWrite(deps.log, 'contacts.rekey', () => collection.putMany(stale.map((c) => c.after as ContactRecord)))) {
      display.apply(stale);
    }
    if (display.unchecked) yield* display.check(contacts);
  }

  /**
   * The number index, finishing the warm-up first when it has not got through everything yet.
   * Also when only the check of a cached order is left: every change to the order waits for that
   * check, so the check never sees the order change under it.
   */
  function numbers(): NumberIndex {
    if (!warm.done) warm.finish();
    if (!index) throw new Error('number index missing after the warm-up');
    return index;
  }

  /** The order, from the cache when it fits, else built by the warm-up (finished now). */
  function ensureOrder(): void {
    if (display.ids) return;
    const cached = orderFromCache();
    if (cached) display.adopt(cached);
    else warm.finish();
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
    display.apply(records.map((r, i) => ({ id: r.id, before: before[i], after: r })));
    return null;
  }

  function all(): ContactRecord[] {
    numbers();
    return collection.all().filter(looksLikeContact);
  }

  return {
    all,

    page(offset, limit) {
      ensureOrder();
      return { ...display.page(offset, limit), revision };
    },

    warmUp() {
      if (!stopped) warm.start();
    },

    stop() {
      stopped = true;
      warm.stop();
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
    },

    saveOrder,

    get: (id) => {
      numbers();
      return collection.get(id);
    },

    put(contacts, why: ContactWrite) {
      const records = contacts.map(withKeys);
      const failed = putRecords(records, `contacts.${why}`);
      return failed ?? success({ contacts: records });
    },

    remove(ids) {
      const idx = numbers();
      const found = [...new Set(ids)].map((id) => collection.get(id)).filter((c): c is ContactRecord => !!c);
      const failed = tryWrite(deps.log, 'contacts.delete', () => collection.deleteMany(found.map((c) => c.id)));
      if (failed) return failed;
      for (const c of found) idx.remove(c);
      display.apply(found.map((c) => ({ id: c.id, before: c, after: undefined })));
      return success({ deleted: found.map(withoutKeys) });
    },

    nameFor(number, extension) {
      const holders = numbers()
        .all(number)
        .map((id) => collection.get(id))
        .filter((c): c is ContactRecord => !!c);
      return ownerOf(holders, number, extension)?.name;
    },

    revision: () => revision,
  };
}
