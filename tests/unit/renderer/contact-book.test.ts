import { describe, expect, it } from 'vitest';
import { computeSearchKeys } from '../../../src/main/contacts/search-keys';
import type { Contact, ContactRecord } from '../../../src/shared/domain';
import {
  BookLoader,
  bookStats,
  contactAt,
  createBook,
  DELTA_COMPACT_AT,
  filterSlots,
  getContact,
  linesAt,
  liveContacts,
  queryBook,
  queryNewSegments,
  removeContacts,
  rowOfSlot,
  slotOf,
  upsertContacts,
  type ContactBook,
} from '../../../src/renderer/src/lib/contact-book';

function record(id: string, name: string, number: string, patch: Partial<Contact> = {}): ContactRecord {
  const c: Contact = {
    id,
    name,
    numbers: [{ label: '手机', number }],
    org: '',
    notes: '',
    favorite: false,
    groupIds: [],
    createdAt: 0,
    updatedAt: 0,
    ...patch,
  };
  return { ...c, keys: computeSearchKeys(c) };
}

const names = (book: ContactBook, slots: Int32Array | null) =>
  slots === null ? book.base.map((c) => c.name) : Array.from(slots, (s) => contactAt(book, s)!.name);

const people = [
  record('1', '王伟', '13800000001', { groupIds: ['g1'] }),
  record('2', '张三', '13800000002', { favorite: true }),
  record('3', '李四', '13800000003', { groupIds: ['g1', 'g2'] }),
  record('4', 'Anna Brown', '01065529988'),
  record('5', '赵六', '13900000005', { org: '市急救中心' }),
];

describe('createBook', () => {
  it('sorts by pinyin and answers null (everyone in order) for an empty query', () => {
    const book = createBook(people);
    expect(book.size).toBe(5);
    expect(queryBook(book, '')).toBeNull();
    expect(names(book, null)).toEqual(['Anna Brown', '李四', '王伟', '张三', '赵六']);
  });

  it('searches by name, pinyin, initials, digits and organisation', () => {
    const book = createBook(people);
    expect(names(book, queryBook(book, 'zhangsan'))).toEqual(['张三']);
    expect(names(book, queryBook(book, 'ls'))).toEqual(['李四']);
    expect(names(book, queryBook(book, '王'))).toEqual(['王伟']);
    expect(names(book, queryBook(book, '6552'))).toEqual(['Anna Brown']);
    expect(names(book, queryBook(book, '急救'))).toEqual(['赵六']);
    expect(names(book, queryBook(book, 'nobody'))).toEqual([]);
  });

  it('tolerates records with missing or broken keys (name and digits still match)', () => {
    const broken = { ...record('9', '钱七', '13700000009'), keys: undefined } as unknown as ContactRecord;
    const book = createBook([...people, broken]);
    expect(names(book, queryBook(book, '钱七'))).toEqual(['钱七']);
    expect(names(book, queryBook(book, '1370000'))).toEqual(['钱七']);
  });
});

describe('edits without rebuilding the base index', () => {
  it('shows an edited contact with its new data, once, and keeps the base untouched', () => {
    const book = createBook(people);
    const edited = upsertContacts(book, [record('3', '李小四', '13800000033')]);
    expect(edited.base).toBe(book.base);
    expect(edited.segments).toBe(book.segments);
    expect(edited.size).toBe(5);
    expect(names(edited, queryBook(edited, 'lixiao'))).toEqual(['李小四']);
    expect(names(edited, queryBook(edited, '李四'))).toEqual([]);
    expect(names(edited, queryBook(edited, ''))).toEqual(['Anna Brown', '李小四', '王伟', '张三', '赵六']);
    expect(getContact(edited, '3')!.name).toBe('李小四');
    // The old book is unchanged.
    expect(names(book, queryBook(book, '李四'))).toEqual(['李四']);
  });

  it('adds new contacts in pinyin order and puts changed hits first in a search', () => {
    const book = upsertContacts(createBook(people), [record('6', '孙八', '13800000006'), record('7', '张三丰', '13800000007')]);
    expect(names(book, queryBook(book, ''))).toEqual(['Anna Brown', '李四', '孙八', '王伟', '张三', '张三丰', '赵六']);
    expect(names(book, queryBook(book, 'zhangsan'))).toEqual(['张三丰', '张三']);
  });

  it('removes from base and delta, and restores', () => {
    let book = createBook(people);
    book = upsertContacts(book, [record('6', '孙八', '13800000006')]);
    book = removeContacts(book, ['2', '6']);
    expect(book.size).toBe(4);
    expect(names(book, queryBook(book, ''))).toEqual(['Anna Brown', '李四', '王伟', '赵六']);
    expect(getContact(book, '2')).toBeUndefined();
    expect(removeContacts(book, ['nope'])).toBe(book);
    book = upsertContacts(book, [people[1]]);
    expect(names(book, queryBook(book, 'zs'))).toEqual(['张三']);
    expect(book.size).toBe(5);
  });

  it('rebuilds everything once the delta grows past the threshold', () => {
    const many = Array.from({ length: DELTA_COMPACT_AT + 1 }, (_, i) => record(`n${i}`, `新人${i}`, `137${String(i).padStart(8, '0')}`));
    const book = upsertContacts(createBook(people), many);
    expect(book.delta).toHaveLength(0);
    expect(book.size).toBe(people.length + many.length);
    expect(queryBook(book, '')).toBeNull();
    expect(names(book, queryBook(book, '新人12'))).toContain('新人12');
  });
});

describe('filters, stats and rows', () => {
  it('filters favourites and groups, with or without a query', () => {
    const book = createBook(people);
    expect(names(book, filterSlots(book, queryBook(book, ''), { kind: 'favorites' }))).toEqual(['张三']);
    expect(names(book, filterSlots(book, null, { kind: 'group', id: 'g1' }))).toEqual(['李四', '王伟']);
    expect(names(book, filterSlots(book, queryBook(book, 'w'), { kind: 'group', id: 'g1' }))).toEqual(['王伟']);
    expect(filterSlots(book, null, { kind: 'all' })).toBeNull();
  });

  it('counts favourites and group members among live contacts', () => {
    let book = createBook(people);
    expect(bookStats(book)).toEqual({ favorites: 1, groups: { g1: 2, g2: 1 } });
    book = removeContacts(book, ['3']);
    expect(bookStats(book)).toEqual({ favorites: 1, groups: { g1: 1 } });
  });

  it('finds the row of a slot', () => {
    const book = createBook(people);
    const rows = queryBook(book, 'zhang');
    expect(rowOfSlot(null, 2, book.base.length)).toBe(2);
    expect(rowOfSlot(rows, rows![0], book.base.length)).toBe(0);
    expect(rowOfSlot(rows, 99, book.base.length)).toBe(-1);
    expect(liveContacts(book).map((c) => c.id)).toEqual(book.base.map((c) => c.id));
  });
});

describe('a book loaded in pages', () => {
  // Enough people for every kind of hit in several pages: shared surnames, favourites, digits.
  const SURNAMES = [...'王李张刘陈杨黄赵吴周'];
  const many = Array.from({ length: 400 }, (_, i) =>
    record(`m${i}`, SURNAMES[i % 10] + '三四五六七八'[i % 6] + (i % 3 ? '丰' : ''), `13${String(i * 7919).padStart(9, '0')}`, {
      favorite: i % 13 === 0,
      org: i % 5 ? '' : '市急救中心',
    }),
  );
  const inOrder = createBook(many).base;
  const paged = (size: number) => {
    const loader = new BookLoader();
    for (let at = 0; at < inOrder.length; at += size) loader.add(inOrder.slice(at, at + size));
    return loader;
  };
  const QUERIES = ['', 'z', 'zh', 'zhang', 'zs', 'zsf', '张', '张三', '1', '13', '139', '急救', 'w', 'wangsan', 'nobody'];

  it('answers every query with exactly the rows of one index over everything', () => {
    const one = createBook(inOrder);
    for (const size of [1, 7, 64, 400]) {
      const book = paged(size).book();
      expect(book.segments.length).toBe(Math.ceil(400 / size));
      for (const q of QUERIES) expect(Array.from(queryBook(book, q) ?? []), `${size} ${q}`).toEqual(Array.from(queryBook(one, q) ?? []));
    }
  });

  it('keeps main’s order (no re-sort), ignores a repeated id, and counts as it goes', () => {
    const loader = new BookLoader();
    loader.add([people[4], people[0]]);
    loader.add([people[0], people[2]]);
    expect(loader.received).toBe(4);
    expect(loader.loaded).toBe(3);
    const book = loader.book();
    expect(names(book, null)).toEqual(['赵六', '王伟', '李四']);
    expect(loader.stats()).toEqual(bookStats(book));
  });

  it('tells what a new page adds to a search without moving the rows already found', () => {
    const shown = queryBook(paged(100).book(), 'zhang');
    const grown = new BookLoader();
    grown.add(inOrder.slice(0, 200));
    const firstHalf = queryBook(grown.book(), 'zhang')!;
    grown.add(inOrder.slice(200));
    const added = queryNewSegments(grown.book(), 'zhang', 1);
    expect(new Set([...firstHalf, ...added])).toEqual(new Set(shown));
    expect(Array.from(added).every((s) => s >= 200)).toBe(true);
    expect(Array.from(queryNewSegments(grown.book(), '', 1))).toEqual(Array.from({ length: 200 }, (_, i) => 200 + i));
  });

  it('merges edits into main’s order and knows each row’s height', () => {
    let book = paged(50).book();
    book = upsertContacts(book, [record('x1', '阿阿', '13900000001', { numbers: [{ label: 'a', number: '13900000001' }, { label: 'b', number: '13900000002' }] })]);
    const all = liveContacts(book);
    expect(all[0].name).toBe('阿阿');
    expect(all).toHaveLength(401);
    expect(linesAt(book, slotOf(book, 'x1'))).toBe(2);
    expect(linesAt(book, 0)).toBe(1);
    book = removeContacts(book, [inOrder[10].id]);
    expect(liveContacts(book).map((c) => c.id)).not.toContain(inOrder[10].id);
  });
});
