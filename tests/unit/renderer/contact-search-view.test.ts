import { describe, expect, it } from 'vitest';
import { computeSearchKeys } from '../../../src/main/contacts/search-keys';
import type { Contact, ContactRecord } from '../../../src/shared/domain';
import {
  viewStats,
  contactAt,
  createSearchView,
  DELTA_COMPACT_AT,
  filterSlots,
  getContact,
  linesAt,
  liveContacts,
  queryView,
  queryNewSegments,
  removeContacts,
  rowOfSlot,
  slotOf,
  upsertContacts,
  type SearchView,
} from '../../../src/renderer/src/lib/search/contact-search-view';
import { SearchViewLoader } from '../../../src/renderer/src/lib/search/view-loader';

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

const names = (view: SearchView, slots: Int32Array | null) =>
  slots === null ? view.base.map((c) => c.name) : Array.from(slots, (s) => contactAt(view, s)!.name);

const people = [
  record('1', '王伟', '13800000001', { groupIds: ['g1'] }),
  record('2', '张三', '13800000002', { favorite: true }),
  record('3', '李四', '13800000003', { groupIds: ['g1', 'g2'] }),
  record('4', 'Anna Brown', '01065529988'),
  record('5', '赵六', '13900000005', { org: '市急救中心' }),
];

describe('createSearchView', () => {
  it('pins favourites at the top, sorts the rest by pinyin and answers null (everyone in order) for an empty query', () => {
    const view = createSearchView(people);
    expect(view.size).toBe(5);
    expect(queryView(view, '')).toBeNull();
    expect(names(view, null)).toEqual(['张三', 'Anna Brown', '李四', '王伟', '赵六']);
  });

  it('searches by name, pinyin, initials, digits and organisation', () => {
    const view = createSearchView(people);
    expect(names(view, queryView(view, 'zhangsan'))).toEqual(['张三']);
    expect(names(view, queryView(view, 'ls'))).toEqual(['李四']);
    expect(names(view, queryView(view, '王'))).toEqual(['王伟']);
    expect(names(view, queryView(view, '6552'))).toEqual(['Anna Brown']);
    expect(names(view, queryView(view, '急救'))).toEqual(['赵六']);
    expect(names(view, queryView(view, 'nobody'))).toEqual([]);
  });

  it('tolerates records with missing or broken keys (name and digits still match)', () => {
    const broken = { ...record('9', '钱七', '13700000009'), keys: undefined } as unknown as ContactRecord;
    const view = createSearchView([...people, broken]);
    expect(names(view, queryView(view, '钱七'))).toEqual(['钱七']);
    expect(names(view, queryView(view, '1370000'))).toEqual(['钱七']);
  });
});

describe('edits without rebuilding the base index', () => {
  it('shows an edited contact with its new data, once, and keeps the base untouched', () => {
    const view = createSearchView(people);
    const edited = upsertContacts(view, [record('3', '李小四', '13800000033')]);
    expect(edited.base).toBe(view.base);
    expect(edited.segments).toBe(view.segments);
    expect(edited.size).toBe(5);
    expect(names(edited, queryView(edited, 'lixiao'))).toEqual(['李小四']);
    expect(names(edited, queryView(edited, '李四'))).toEqual([]);
    expect(names(edited, queryView(edited, ''))).toEqual(['张三', 'Anna Brown', '李小四', '王伟', '赵六']);
    expect(getContact(edited, '3')!.name).toBe('李小四');
    // The old view is unchanged.
    expect(names(view, queryView(view, '李四'))).toEqual(['李四']);
  });

  it('adds new contacts in pinyin order and puts changed hits first in a search', () => {
    const view = upsertContacts(createSearchView(people), [record('6', '孙八', '13800000006'), record('7', '张三丰', '13800000007')]);
    expect(names(view, queryView(view, ''))).toEqual(['张三', 'Anna Brown', '李四', '孙八', '王伟', '张三丰', '赵六']);
    expect(names(view, queryView(view, 'zhangsan'))).toEqual(['张三丰', '张三']);
  });

  it('removes from base and delta, and restores', () => {
    let view = createSearchView(people);
    view = upsertContacts(view, [record('6', '孙八', '13800000006')]);
    view = removeContacts(view, ['2', '6']);
    expect(view.size).toBe(4);
    expect(names(view, queryView(view, ''))).toEqual(['Anna Brown', '李四', '王伟', '赵六']);
    expect(getContact(view, '2')).toBeUndefined();
    expect(removeContacts(view, ['nope'])).toBe(view);
    view = upsertContacts(view, [people[1]]);
    expect(names(view, queryView(view, 'zs'))).toEqual(['张三']);
    expect(view.size).toBe(5);
  });

  it('rebuilds everything once the delta grows past the threshold', () => {
    const many = Array.from({ length: DELTA_COMPACT_AT + 1 }, (_, i) => record(`n${i}`, `新人${i}`, `137${String(i).padStart(8, '0')}`));
    const view = upsertContacts(createSearchView(people), many);
    expect(view.delta).toHaveLength(0);
    expect(view.size).toBe(people.length + many.length);
    expect(queryView(view, '')).toBeNull();
    expect(names(view, queryView(view, '新人12'))).toContain('新人12');
  });
});

describe('filters, stats and rows', () => {
  it('filters favourites and groups, with or without a query', () => {
    const view = createSearchView(people);
    expect(names(view, filterSlots(view, queryView(view, ''), { kind: 'favorites' }))).toEqual(['张三']);
    expect(names(view, filterSlots(view, null, { kind: 'group', id: 'g1' }))).toEqual(['李四', '王伟']);
    expect(names(view, filterSlots(view, queryView(view, 'w'), { kind: 'group', id: 'g1' }))).toEqual(['王伟']);
    expect(filterSlots(view, null, { kind: 'all' })).toBeNull();
  });

  it('counts favourites and group members among live contacts', () => {
    let view = createSearchView(people);
    expect(viewStats(view)).toEqual({ favorites: 1, groups: { g1: 2, g2: 1 } });
    view = removeContacts(view, ['3']);
    expect(viewStats(view)).toEqual({ favorites: 1, groups: { g1: 1 } });
  });

  it('finds the row of a slot', () => {
    const view = createSearchView(people);
    const rows = queryView(view, 'zhang');
    expect(rowOfSlot(null, 2, view.base.length)).toBe(2);
    expect(rowOfSlot(rows, rows![0], view.base.length)).toBe(0);
    expect(rowOfSlot(rows, 99, view.base.length)).toBe(-1);
    expect(liveContacts(view).map((c) => c.id)).toEqual(view.base.map((c) => c.id));
  });
});

describe('a view loaded in pages', () => {
  // Enough people for every kind of hit in several pages: shared surnames, favourites, digits.
  const SURNAMES = [...'王李张刘陈杨黄赵吴周'];
  const many = Array.from({ length: 400 }, (_, i) =>
    record(`m${i}`, SURNAMES[i % 10] + '三四五六七八'[i % 6] + (i % 3 ? '丰' : ''), `13${String(i * 7919).padStart(9, '0')}`, {
      favorite: i % 13 === 0,
      org: i % 5 ? '' : '市急救中心',
    }),
  );
  const inOrder = createSearchView(many).base;
  const paged = (size: number) => {
    const loader = new SearchViewLoader();
    for (let at = 0; at < inOrder.length; at += size) loader.add(inOrder.slice(at, at + size));
    return loader;
  };
  const QUERIES = ['', 'z', 'zh', 'zhang', 'zs', 'zsf', '张', '张三', '1', '13', '139', '急救', 'w', 'wangsan', 'nobody'];

  it('answers every query with exactly the rows of one index over everything', () => {
    const one = createSearchView(inOrder);
    for (const size of [1, 7, 64, 400]) {
      const view = paged(size).view();
      expect(view.segments.length).toBe(Math.ceil(400 / size));
      for (const q of QUERIES) expect(Array.from(queryView(view, q) ?? []), `${size} ${q}`).toEqual(Array.from(queryView(one, q) ?? []));
    }
  });

  it('typing and backspacing over the pages gives one index’s rows, a prefix answered again from what the view kept', () => {
    const one = createSearchView(inOrder);
    const view = paged(64).view();
    const typed = ['z', 'zh', 'zha', 'zhan', 'zhang', 'zhan', 'zha', 'zh', 'z', '', 'z', 'zs', 'z', '1', '13', '1', ''];
    const answers: Array<Int32Array | null> = [];
    typed.forEach((q, i) => {
      const rows = queryView(view, q);
      expect(Array.from(rows ?? []), q).toEqual(Array.from(queryView(one, q) ?? []));
      // Back to a prefix that stayed in the box since it was answered: that same answer, not a new merge.
      const j = i > 0 ? typed.lastIndexOf(q, i - 1) : -1;
      if (q !== '' && j >= 0 && typed.slice(j + 1, i).every((x) => x.startsWith(q))) expect(rows, `${q} again`).toBe(answers[j]);
      answers.push(rows);
    });
    // An edit keeps the pages, and their kept answers stay right for the edited view.
    const edited = upsertContacts(view, [record('new', '张新', '13700000000')]);
    expect(names(edited, queryView(edited, 'zhangx'))).toEqual(['张新']);
    expect(names(edited, queryView(edited, 'zh'))[0]).toBe('张新');
  });

  it('keeps main’s order (no re-sort), ignores a repeated id, and counts as it goes', () => {
    const loader = new SearchViewLoader();
    loader.add([people[4], people[0]]);
    loader.add([people[0], people[2]]);
    expect(loader.received).toBe(4);
    expect(loader.loaded).toBe(3);
    const view = loader.view();
    expect(names(view, null)).toEqual(['赵六', '王伟', '李四']);
    expect(loader.stats()).toEqual(viewStats(view));
  });

  it('tells what a new page adds to a search without moving the rows already found', () => {
    const shown = queryView(paged(100).view(), 'zhang');
    const grown = new SearchViewLoader();
    grown.add(inOrder.slice(0, 200));
    const firstHalf = queryView(grown.view(), 'zhang')!;
    grown.add(inOrder.slice(200));
    const added = queryNewSegments(grown.view(), 'zhang', 1);
    expect(new Set([...firstHalf, ...added])).toEqual(new Set(shown));
    expect(Array.from(added).every((s) => s >= 200)).toBe(true);
    expect(Array.from(queryNewSegments(grown.view(), '', 1))).toEqual(Array.from({ length: 200 }, (_, i) => 200 + i));
  });

  it('merges edits into main’s order and knows each row’s height', () => {
    let view = paged(50).view();
    view = upsertContacts(view, [
      record('x1', '阿阿', '13900000001', {
        numbers: [
          { label: 'a', number: '13900000001' },
          { label: 'b', number: '13900000002' },
        ],
      }),
    ]);
    const all = liveContacts(view);
    expect(all.find((c) => !c.favorite)?.name).toBe('阿阿');
    expect(all).toHaveLength(401);
    expect(linesAt(view, slotOf(view, 'x1'))).toBe(2);
    expect(linesAt(view, 0)).toBe(1);
    view = removeContacts(view, [inOrder[10].id]);
    expect(liveContacts(view).map((c) => c.id)).not.toContain(inOrder[10].id);
  });
});
