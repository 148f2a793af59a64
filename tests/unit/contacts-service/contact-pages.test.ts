/**
 * The list a page at a time: main keeps the contacts in display order through every kind of
 * change, caches that order between runs without ever trusting a stale or wrong cache, and warms
 * up in the background.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContactBook, type ContactBook } from '../../../src/main/sources/local/contact-book';
import { contactsOrderCache } from '../../../src/main/sources/local/order-cache';
import { computeSearchKeys } from '../../../src/main/contacts/search-keys';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { openCollection, type Collection } from '../../../src/main/stores/collection-store';
import { CONTACT_ORDER_TAG, compareSortKeys, contactSortKey } from '../../../src/shared/contact-order';
import type { Contact, ContactRecord } from '../../../src/shared/domain';
import { createMemoryLog } from '../../support/memory-log';
import { openTestCore } from '../../support/test-core';

let dataDir: string;
let clock: number;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-pages-'));
  clock = 1_700_000_000_000;
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超'];

/** Deterministic contacts, some sharing names (the id breaks the tie) and some latin. */
function people(count: number, seed = 7): Contact[] {
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    name: i % 17 === 0 ? `Anna ${String.fromCharCode(65 + (i % 26))}` : SURNAMES[Math.floor(rnd() * SURNAMES.length)] + GIVEN[Math.floor(rnd() * GIVEN.length)],
    numbers: [{ label: '手机', number: `138${String(i).padStart(8, '0')}` }],
    org: '',
    notes: '',
    favorite: i % 11 === 0,
    groupIds: [],
    createdAt: 1,
    updatedAt: 1,
  }));
}

/** Counts reads of the collection's items, to tell a page from a parse of everything. */
function counting(c: Collection<ContactRecord>): Collection<ContactRecord> & { reads: number } {
  const wrapped = Object.create(c) as Collection<ContactRecord> & { reads: number };
  wrapped.reads = 0;
  wrapped.get = (id) => {
    wrapped.reads++;
    return c.get(id);
  };
  return wrapped;
}

interface Opened {
  book: ContactBook;
  collection: Collection<ContactRecord> & { reads: number };
  log: ReturnType<typeof createMemoryLog>;
  close(): void;
}

function openBook(options: { cache?: boolean } = {}): Opened {
  const log = createMemoryLog();
  const collection = counting(openCollection<ContactRecord>({ dir: dataDir, name: 'contacts' }));
  const book = createContactBook({
    collection,
    computeKeys: computeSearchKeys,
    log,
    orderCache: options.cache === false ? undefined : contactsOrderCache(dataDir, CONTACT_ORDER_TAG, log),
  });
  return {
    book,
    collection,
    log,
    close: () => {
      book.stop();
      collection.close();
      book.saveOrder();
    },
  };
}

/** Every contact through pages of `size`, checking that the pages fit together. */
function allPages(book: ContactBook, size: number): ContactRecord[] {
  const first = book.page(0, size);
  const out = [...first.contacts];
  while (out.length < first.total) {
    const next = book.page(out.length, size);
    expect(next.revision).toBe(first.revision);
    expect(next.total).toBe(first.total);
    expect(next.contacts.length).toBeGreaterThan(0);
    out.push(...next.contacts);
  }
  return out;
}

/** What the order must be: every contact in the collection, sorted by the shared key. */
function expectedIds(collection: Collection<ContactRecord>): string[] {
  return collection
    .all()
    .map((c) => [contactSortKey(c), c.id] as const)
    .sort((a, b) => compareSortKeys(a[0], b[0]))
    .map((p) => p[1]);
}

const seed = (contacts: readonly Contact[]) => {
  const o = openBook({ cache: false });
  expect(o.book.put(contacts, 'import').ok).toBe(true);
  o.collection.close();
};

let nextId = 0;
/** A contact as the contacts service hands it to the book after checking it. */
const contact = (fields: Partial<Contact> & Pick<Contact, 'name' | 'numbers'>): Contact => ({
  id: `s${nextId++}`,
  org: '',
  notes: '',
  favorite: false,
  groupIds: [],
  createdAt: clock,
  updatedAt: clock,
  ...fields,
});
const withoutKeys = ({ keys: _keys, ...c }: ContactRecord): Contact => c;

describe('pages in display order', () => {
  it('hands out the list a page at a time, in pinyin order, with the total and one revision', () => {
    seed(people(300));
    const o = openBook();
    const ids = allPages(o.book, 7).map((c) => c.id);
    expect(ids).toEqual(expectedIds(o.collection));
    expect(new Set(ids).size).toBe(300);
    expect(o.book.page(300, 10)).toMatchObject({ contacts: [], total: 300 });
    expect(o.book.page(295, 10).contacts).toHaveLength(5);
    o.close();
  });

  it('keeps the order through saves, renames, deletes, restores, imports and rekeys, and changes the revision each time', () => {
    seed(people(120));
    const o = openBook();
    const { book, collection } = o;
    let revision = book.page(0, 1).revision;
    const check = (what: string) => {
      const page = book.page(0, 1000);
      expect(
        page.contacts.map((c) => c.id),
        what,
      ).toEqual(expectedIds(collection));
      expect(page.revision, what).not.toBe(revision);
      revision = page.revision;
    };

    const added = book.put([contact({ name: '阿诺', numbers: [{ label: '', number: '13900000001' }] })], 'save');
    expect(added.ok).toBe(true);
    check('added');
    const existing = withoutKeys(book.page(50, 1).contacts[0]);
    expect(book.put([{ ...existing, name: '周周' }], 'save').ok).toBe(true);
    check('renamed');
    expect(book.put([{ ...existing, name: '周周', favorite: true }], 'save').ok).toBe(true);
    check('favourite (same place, new content)');
    const gone = book.page(10, 3).contacts.map((c) => c.id);
    const removed = book.remove(gone);
    expect(removed.ok).toBe(true);
    check('deleted');
    if (removed.ok) expect(book.put(removed.deleted, 'restore').ok).toBe(true);
    check('restored');
    // An import larger than the splice threshold, renaming some and adding others.
    const batch = people(200, 99).map((c, i) => ({ ...c, id: i < 60 ? `p${i}` : `n${i}` }));
    expect(book.put(batch, 'import').ok).toBe(true);
    check('imported');
    o.close();
  });

  it('recomputes keys written by an older search version and moves those contacts to their new place', () => {
    seed(people(40));
    const c = openCollection<ContactRecord>({ dir: dataDir, name: 'contacts' });
    const old = c.get('p3') as ContactRecord;
    // Keys from "another version" that sort it first.
    c.put({ ...old, keys: { ...old.keys, v: 0, py: 'aaaa' } });
    c.close();
    const o = openBook({ cache: false });
    o.book.warmUp();
    const ids = o.book.page(0, 100).contacts.map((x) => x.id);
    expect(ids).toEqual(expectedIds(o.collection));
    expect(o.collection.get('p3')?.keys.py).not.toBe('aaaa');
    o.close();
  });

  it('skips what is not a contact, and answers through the contract with limit and offset', async () => {
    seed(people(12));
    const raw = openCollection<{ id: string }>({ dir: dataDir, name: 'contacts' });
    raw.put({ id: 'junk' });
    raw.close();
    const t = openTestCore(dataDir, { sandbox: createSandbox() });
    try {
      const first = await t.call('contactsList', { limit: 5 });
      expect(first).toMatchObject({ ok: true, total: 12, groups: [], rosters: [] });
      expect((first.contacts as unknown[]).length).toBe(5);
      const rest = await t.call('contactsList', { offset: 5 });
      expect((rest.contacts as unknown[]).length).toBe(7);
      expect(rest.revision).toBe(first.revision);
      for (const bad of [{ limit: 0 }, { offset: -1 }, { limit: 1.5 }, { offset: '3' }, { limit: 5, extra: 1 }]) {
        expect(await t.call('contactsList', bad), JSON.stringify(bad)).toMatchObject({ ok: false, code: 'invalid_input' });
      }
    } finally {
      await t.core.close();
    }
  });
});

describe('the cached order', () => {
  it('serves the first page after a restart without reading every contact', () => {
    seed(people(500));
    const warm = openBook();
    warm.book.page(0, 1);
    warm.close();

    const o = openBook();
    const page = o.book.page(0, 20);
    expect(o.collection.reads).toBeLessThanOrEqual(20);
    expect(page.contacts.map((c) => c.id)).toEqual(expectedIds(o.collection).slice(0, 20));
    expect(page.total).toBe(500);
    o.close();
  });

  it('is not used once the collection has changed since it was written, nor when unreadable', () => {
    seed(people(60));
    const warm = openBook();
    warm.book.page(0, 1);
    warm.close();
    // Another writer (an older version of the app, say) adds a contact that sorts first.
    const c = openCollection<ContactRecord>({ dir: dataDir, name: 'contacts' });
    const extra: Contact = { ...people(1)[0], id: 'first', name: 'Aaron' };
    c.put({ ...extra, keys: computeSearchKeys(extra) });
    c.close();

    let o = openBook();
    expect(o.book.page(0, 1).contacts[0].id).toBe('first');
    expect(allPages(o.book, 13).map((x) => x.id)).toEqual(expectedIds(o.collection));
    o.close();

    writeFileSync(join(dataDir, 'contacts.order.json'), '{"format": "dispatch-desk.contacts-order", "ids": [');
    o = openBook();
    expect(allPages(o.book, 13).map((x) => x.id)).toEqual(expectedIds(o.collection));
    expect(o.collection.reads).toBeGreaterThanOrEqual(61);
    o.close();
  });

  it('is checked by the warm-up: a wrong order is rebuilt and the revision changes', async () => {
    seed(people(80));
    const log = createMemoryLog();
    // A cache that matches the files but lists the contacts in the wrong order (a bug, bit rot).
    const collection = openCollection<ContactRecord>({ dir: dataDir, name: 'contacts' });
    const cache = contactsOrderCache(dataDir, CONTACT_ORDER_TAG, log);
    cache.save({ ids: expectedIds(collection).reverse(), skipped: [] });
    collection.close();

    const o = openBook();
    const before = o.book.page(0, 80);
    expect(before.contacts.map((c) => c.id)).toEqual(expectedIds(o.collection).reverse());
    o.book.warmUp();
    await until(() => o.book.page(0, 1).revision !== before.revision);
    expect(o.book.page(0, 80).contacts.map((c) => c.id)).toEqual(expectedIds(o.collection));
    expect(o.log.lines.some((l) => l.includes('contacts.order_rebuilt'))).toBe(true);
    o.close();
  });

  it('drops an id from the list that turns out not to be a contact', () => {
    seed(people(30));
    const warm = openBook();
    warm.book.page(0, 1);
    const firstId = warm.book.page(0, 1).contacts[0].id;
    warm.close();
    // The first contact overwritten with junk, and a cache (matching the files) that still lists it.
    const c = openCollection<{ id: string }>({ dir: dataDir, name: 'contacts' });
    c.put({ id: firstId });
    c.close();
    const col = openCollection<ContactRecord>({ dir: dataDir, name: 'contacts' });
    const contacts = expectedIdsOfContacts(col);
    col.close();
    contactsOrderCache(dataDir, CONTACT_ORDER_TAG, createMemoryLog()).save({ ids: [firstId, ...contacts], skipped: [] });

    const o = openBook();
    const page = o.book.page(0, 5);
    expect(page.contacts.map((x) => x.id)).not.toContain(firstId);
    expect(page.total).toBe(29);
    o.close();
  });
});

describe('the warm-up', () => {
  it('runs in slices between other work and leaves the number index built', async () => {
    seed(people(2000));
    const o = openBook({ cache: false });
    o.book.warmUp();
    // The first slice has not run yet: nothing parsed.
    expect(o.collection.reads).toBe(0);
    let turns = 0;
    await until(() => {
      turns++;
      return o.collection.reads >= 2000;
    });
    expect(turns).toBeGreaterThan(1);
    expect(o.book.nameFor('13800000005')).toBe(o.collection.get('p5')?.name);
    o.close();
  });

  it('is finished at once by an edit that needs it, and the edit lands in the right place', () => {
    seed(people(500));
    const o = openBook({ cache: false });
    o.book.warmUp();
    const r = o.book.put([contact({ name: '阿阿', numbers: [{ label: '', number: '13900000009' }] })], 'save');
    expect(r.ok).toBe(true);
    expect(o.book.page(0, 600).contacts.map((c) => c.id)).toEqual(expectedIds(o.collection));
    o.close();
  });
});

/** The contacts in a collection holding some junk too, in display order. */
function expectedIdsOfContacts(collection: Collection<ContactRecord>): string[] {
  return collection
    .all()
    .filter((c) => typeof c.name === 'string' && Array.isArray(c.numbers))
    .map((c) => [contactSortKey(c), c.id] as const)
    .sort((a, b) => compareSortKeys(a[0], b[0]))
    .map((p) => p[1]);
}

async function until(done: () => boolean, turns = 10_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (done()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('condition never met');
}
