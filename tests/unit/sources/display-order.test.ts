/**
 * The display order on its own, over an in-memory map of contacts: kept sorted through single
 * changes (splice path) and batches (merge path), unreadable ids dropped, a wrong adopted order
 * rebuilt by the check, and every change reported.
 */
import { describe, expect, it } from 'vitest';
import { createDisplayOrder, SPLICE_MAX, type OrderChange } from '../../../src/main/sources/local/display-order';
import { compareSortKeys, contactSortKey } from '../../../src/shared/contact-order';
import type { ContactRecord } from '../../../src/shared/domain';
import { computeSearchKeys } from '../../../src/main/contacts/search-keys';

function record(id: string, name: string): ContactRecord {
  const contact = { id, name, numbers: [], org: '', notes: '', favorite: false, groupIds: [], createdAt: 1, updatedAt: 1 };
  return { ...contact, keys: computeSearchKeys(contact) };
}

const NAMES = ['王伟', '李娜', '张敏', 'Anna', '陈静', '赵磊', '吴军', 'Bob', '周洋', '徐勇', '孙艳', '马杰'];

function setup(count: number) {
  const items = new Map<string, ContactRecord | { id: string }>();
  for (let i = 0; i < count; i++) items.set(`c${i}`, record(`c${i}`, NAMES[i % NAMES.length] + i));
  let changes = 0;
  let rebuilt = 0;
  const readable = (item: unknown): item is ContactRecord => typeof (item as ContactRecord)?.name === 'string';
  const order = createDisplayOrder({
    contact: (id) => {
      const item = items.get(id);
      return readable(item) ? item : undefined;
    },
    *contacts() {
      for (const [id, item] of items) if (readable(item)) yield [id, item];
    },
    changed: () => void changes++,
    rebuilt: () => void rebuilt++,
  });
  const expected = () =>
    [...items.values()]
      .filter(readable)
      .map((c) => [contactSortKey(c), c.id] as const)
      .sort((a, b) => compareSortKeys(a[0], b[0]))
      .map((p) => p[1]);
  const buildAll = () => order.build([...items.values()].filter(readable).map((c) => [contactSortKey(c), c.id]));
  /** Writes the change into the items first, as the book does (the store is updated before the order). */
  const write = (list: OrderChange[]) => {
    for (const c of list) {
      if (c.after) items.set(c.id, c.after);
      else items.delete(c.id);
    }
    order.apply(list);
  };
  return { items, order, expected, buildAll, write, counts: () => ({ changes, rebuilt }) };
}

describe('display order', () => {
  it('is null until built, then sorted, and reports the build', () => {
    const s = setup(30);
    expect(s.order.ids).toBeNull();
    s.buildAll();
    expect(s.order.ids).toEqual(s.expected());
    expect(s.counts().changes).toBe(1);
    expect(s.order.page(0, 100)).toMatchObject({ total: 30 });
    expect(s.order.page(25, 10).contacts.map((c) => c.id)).toEqual(s.expected().slice(25));
  });

  it('moves single changes to their new places: add, rename, delete', () => {
    const s = setup(40);
    s.buildAll();
    s.write([{ id: 'new', before: undefined, after: record('new', 'Aaron') }]);
    expect(s.order.ids).toEqual(s.expected());
    expect(s.order.ids?.[0]).toBe('new');
    const renamed = s.items.get('c5') as ContactRecord;
    s.write([{ id: 'c5', before: renamed, after: record('c5', 'Zzz') }]);
    expect(s.order.ids).toEqual(s.expected());
    expect(s.order.ids?.at(-1)).toBe('c5');
    s.write([{ id: 'c7', before: s.items.get('c7') as ContactRecord, after: undefined }]);
    expect(s.order.ids).toEqual(s.expected());
    expect(s.order.ids).not.toContain('c7');
    expect(s.counts().changes).toBe(4);
  });

  it('merges a batch larger than the splice threshold in one pass, renames and additions alike', () => {
    const s = setup(200);
    s.buildAll();
    const batch: OrderChange[] = [];
    for (let i = 0; i < SPLICE_MAX + 20; i++) {
      const id = i % 2 === 0 ? `c${i}` : `n${i}`;
      batch.push({ id, before: s.items.get(id) as ContactRecord | undefined, after: record(id, NAMES[(i * 7) % NAMES.length] + 'x' + i) });
    }
    s.write(batch);
    expect(s.order.ids).toEqual(s.expected());
  });

  it('counts a change before the order exists, so the revision still moves', () => {
    const s = setup(5);
    s.write([{ id: 'x', before: undefined, after: record('x', '张三') }]);
    expect(s.order.ids).toBeNull();
    expect(s.counts().changes).toBe(1);
  });

  it('drops an id that is no longer a readable contact when a page meets it', () => {
    const s = setup(10);
    s.buildAll();
    const first = s.expected()[0];
    s.items.set(first, { id: first });
    const page = s.order.page(0, 3);
    expect(page.contacts.map((c) => c.id)).not.toContain(first);
    expect(page.total).toBe(9);
    expect(s.counts().changes).toBe(2);
  });

  it('checks an adopted order: a right one is kept, a wrong one rebuilt and reported', () => {
    const right = setup(50);
    right.order.adopt(right.expected());
    expect(right.order.unchecked).toBe(true);
    for (const _ of right.order.check(50));
    expect(right.order.unchecked).toBe(false);
    expect(right.counts()).toEqual({ changes: 0, rebuilt: 0 });

    const wrong = setup(50);
    wrong.order.adopt(wrong.expected().reverse());
    for (const _ of wrong.order.check(50));
    expect(wrong.order.ids).toEqual(wrong.expected());
    expect(wrong.counts()).toEqual({ changes: 1, rebuilt: 1 });
  });

  it('rebuilds an adopted order that leaves a contact out', () => {
    const s = setup(20);
    s.order.adopt(s.expected().slice(1));
    for (const _ of s.order.check(20));
    expect(s.order.ids).toEqual(s.expected());
    expect(s.counts().rebuilt).toBe(1);
  });
});
