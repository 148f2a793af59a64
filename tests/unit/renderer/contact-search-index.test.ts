import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateContacts } from '../../../bench/generate-contacts';
import { computeSearchKeys } from '../../../src/main/contacts/search-keys';
import {
  SEARCH_PAGE,
  buildSearchIndex,
  search,
  searchPage,
  searchPositions,
  type SearchEntry,
} from '../../../src/renderer/src/lib/search/contact-search-index';
import { normalizeSearchText, type ContactSearchKeys } from '../../../src/shared/contact-search';

interface Person {
  id: string;
  name: string;
  numbers?: string[];
  org?: string;
  favorite?: boolean;
  notes?: string;
}

function entries(people: Person[]): SearchEntry[] {
  return people.map((p) => ({
    id: p.id,
    favorite: p.favorite,
    notes: p.notes,
    keys: computeSearchKeys({
      name: p.name,
      org: p.org ?? '',
      numbers: (p.numbers ?? []).map((number) => ({ label: '', number })),
    }),
  }));
}

const PEOPLE: Person[] = [
  { id: 'zsf', name: '张三丰', numbers: ['13800138000'], org: '武当派' },
  { id: 'zs', name: '张三', numbers: ['13912345678', '01065529988'] },
  { id: 'ls', name: '李四', numbers: ['18600001111'], org: '市消防救援支队' },
  { id: 'wxm', name: '王小明', numbers: ['15000000000'] },
  { id: 'stf', name: '单田芳', numbers: ['13600000001'] },
  { id: 'tom', name: 'Tom Hanks', numbers: ['02188886666'], org: 'ACME Logistics' },
  { id: 'zhs', name: '赵寒山', numbers: ['17700000000'] },
];
const index = buildSearchIndex(entries(PEOPLE));
const find = (q: string) => [...search(index, q)];
const fresh = (q: string) => {
  index.last = null;
  return find(q);
};

describe('search: what matches', () => {
  it('finds name substrings', () => {
    expect(fresh('三丰')).toEqual(['zsf']);
    expect(fresh('张三')).toEqual(['zs', 'zsf']);
  });

  it('finds full pinyin and initials', () => {
    expect(fresh('zhangsanfeng')).toEqual(['zsf']);
    expect(fresh('zsf')).toEqual(['zsf']);
    expect(fresh('wxm')).toEqual(['wxm']);
    expect(fresh('shantianfang')).toEqual(['stf']);
  });

  it('finds mixed full syllables and initials', () => {
    for (const q of ['zhangsf', 'zsanf', 'zhsanf', 'zhangsanf']) expect(fresh(q), q).toEqual(['zsf']);
    // zhang|s and z|s fit 张三 as well as 张三丰: both prefix matches, so index order…
    expect(fresh('zhangs')).toEqual(['zsf', 'zs']);
    // …except that zs is all of 张三's initials, an exact match.
    expect(fresh('zs')).toEqual(['zs', 'zsf']);
  });

  it('lets a match start at any syllable', () => {
    expect(fresh('sanf')).toEqual(['zsf']);
    expect(fresh('xm')).toEqual(['wxm']);
    expect(fresh('hanks')).toEqual(['tom']);
  });

  it('does not match inside a syllable or skip syllables', () => {
    // "hang" is inside zhang, not the start of a syllable; zf skips 三.
    expect(fresh('hangsan')).toEqual([]);
    expect(fresh('zf')).toEqual([]);
    expect(fresh('zsn')).toEqual([]);
  });

  it('works for English names: words are syllables', () => {
    expect(fresh('th')).toEqual(['tom']);
    expect(fresh('tomh')).toEqual(['tom']);
    expect(fresh('tom h')).toEqual(['tom']);
    expect(fresh('TOM')).toEqual(['tom']);
    expect(fresh('ｔｏｍ')).toEqual(['tom']);
    expect(fresh('hānks')).toEqual(['tom']);
  });

  it('finds any digit substring, ignoring spaces, dashes and +86', () => {
    expect(fresh('0013')).toEqual(['zsf']);
    expect(fresh('138-0013')).toEqual(['zsf']);
    expect(fresh('+86 138 0013 8000')).toEqual(['zsf']);
    expect(fresh('0086 13800138000')).toEqual(['zsf']);
    // Nothing after the country code yet: 86 is just digits (in 18600001111 and 02188886666).
    expect(fresh('+86')).toEqual(['ls', 'tom']);
    expect(fresh('6552')).toEqual(['zs']);
    expect(fresh('010-6552 9988')).toEqual(['zs']);
    expect(fresh('99999')).toEqual([]);
  });

  it('finds org substrings, case-insensitively', () => {
    expect(fresh('消防')).toEqual(['ls']);
    expect(fresh('acme')).toEqual(['tom']);
    expect(fresh('  Logistics ')).toEqual(['tom']);
  });

  it('returns every id in index order for an empty query', () => {
    expect(fresh('')).toEqual(PEOPLE.map((p) => p.id));
    expect(fresh('   ')).toEqual(PEOPLE.map((p) => p.id));
    expect(searchPositions(index, '')).toBeNull();
  });

  it('copes with an empty index and odd input', () => {
    const empty = buildSearchIndex([]);
    expect(search(empty, 'z')).toEqual([]);
    expect(search(empty, '')).toEqual([]);
    expect(fresh('\n')).toEqual(PEOPLE.map((p) => p.id));
    expect(fresh('a'.repeat(200) + 'b')).toEqual([]);
  });

  it('never lets a hit straddle two contacts', () => {
    // 张三丰 is followed by 张三 in the name haystack: "丰\n张" must not be found, nor "丰张".
    expect(fresh('丰张')).toEqual([]);
    expect(fresh('fengzhang')).toEqual([]);
    expect(fresh('8000139')).toEqual([]);
  });
});

describe('search: ranking', () => {
  it('puts exact before prefix before other matches', () => {
    const ix = buildSearchIndex(
      entries([
        { id: 'other', name: '小张三' },
        { id: 'prefix', name: '张三丰' },
        { id: 'exact', name: '张三' },
      ]),
    );
    expect(search(ix, '张三')).toEqual(['exact', 'prefix', 'other']);
    expect(search(ix, 'zs')).toEqual(['exact', 'prefix', 'other']);
    expect(search(ix, 'zhangsan')).toEqual(['exact', 'prefix', 'other']);
  });

  it('ranks a number prefix before a number substring', () => {
    const ix = buildSearchIndex(
      entries([
        { id: 'mid', name: 'a', numbers: ['13900138000'] },
        { id: 'start', name: 'b', numbers: ['13800000000'] },
      ]),
    );
    expect(search(ix, '138')).toEqual(['start', 'mid']);
  });

  it('ranks a whole number as exact, also for one- and two-digit queries', () => {
    // Short numbers like these never reach storage, but the bit tricks behind 1–2 digit queries
    // must rank exactly like the general path.
    const ix = buildSearchIndex(
      entries([
        { id: 'mid', name: 'a', numbers: ['31200'] },
        { id: 'start', name: 'b', numbers: ['12345'] },
        { id: 'exact', name: 'c', numbers: ['99999', '12'] },
        { id: 'one', name: 'd', numbers: ['1'] },
      ]),
    );
    expect(search(ix, '12')).toEqual(['exact', 'start', 'mid']);
    expect(search(ix, '1')).toEqual(['one', 'start', 'exact', 'mid']);
  });

  it('puts favourites first within a tier and otherwise keeps index order', () => {
    const ix = buildSearchIndex(
      entries([
        { id: 'a', name: '张一' },
        { id: 'b', name: '张二', favorite: true },
        { id: 'c', name: '张三' },
        { id: 'd', name: '小张', favorite: true },
      ]),
    );
    expect(search(ix, '张')).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('search: how people look names up (issue 9 §4)', () => {
  const ix = buildSearchIndex(
    entries([
      { id: 'zhangsan', name: '张三', org: '市急救中心' },
      { id: 'zhangsi', name: '张思' },
      { id: 'zhangwei', name: '张伟' },
      { id: 'lvbu', name: '吕布' },
      { id: 'lubu', name: '卢布' },
      { id: 'zengwei', name: '曾伟' },
      { id: 'cengfan', name: '层凡' },
      { id: 'qiujun', name: '仇军' },
      { id: 'choujun', name: '丑军' },
      { id: 'ouzhi', name: '区志' },
      { id: 'quzhi', name: '曲志' },
      { id: 'zhangsun', name: '长孙无忌' },
      { id: 'changsun', name: '常孙' },
      { id: 'yuchi', name: '尉迟恭' },
      { id: 'weichi', name: '魏池' },
      { id: 'tom', name: 'Tom Hanks', org: 'ACME Logistics', notes: '夜班 只打座机' },
    ]),
  );
  const q = (text: string) => {
    ix.last = null;
    return [...search(ix, text)];
  };

  it('mixes characters and pinyin in one query', () => {
    expect(q('张s')).toEqual(['zhangsan', 'zhangsi']);
    expect(q('张san')).toEqual(['zhangsan']);
    expect(q('zhang三')).toEqual(['zhangsan']);
    expect(q('z三')).toEqual(['zhangsan']);
    expect(q('张x')).toEqual([]);
  });

  it('ignores spaces', () => {
    expect(q('张 三')).toEqual(['zhangsan']);
    expect(q('zhang san')).toEqual(['zhangsan']);
    expect(q('tom h')).toEqual(['tom']);
    expect(q('tomhanks')).toEqual(['tom']);
  });

  it('takes ü as ü, v or u', () => {
    expect(q('lü')).toEqual(['lvbu']);
    expect(q('lv')).toEqual(['lvbu']);
    expect(q('lvbu')).toEqual(['lvbu']);
    // u finds 吕 too, after 卢 whose reading it is.
    expect(q('lubu')).toEqual(['lubu', 'lvbu']);
  });

  it('accepts the other readings of polyphonic surnames, ranked after the surname reading', () => {
    expect(q('zeng')).toEqual(['zengwei']);
    expect(q('ceng')).toEqual(['cengfan', 'zengwei']);
    expect(q('qiu')).toEqual(['qiujun']);
    expect(q('chou')).toEqual(['choujun', 'qiujun']);
    expect(q('ou')).toEqual(['ouzhi']);
    expect(q('qu')).toEqual(['quzhi', 'ouzhi']);
    expect(q('zhangsun')).toEqual(['zhangsun']);
    expect(q('changsun')).toEqual(['changsun', 'zhangsun']);
    expect(q('yuchi')).toEqual(['yuchi']);
    expect(q('weichi')).toEqual(['weichi', 'yuchi']);
  });

  it('finds a unit by pinyin and notes by text', () => {
    expect(q('jijiu')).toEqual(['zhangsan']);
    expect(q('jjzx')).toEqual(['zhangsan']);
    expect(q('acme')).toEqual(['tom']);
    expect(q('座机')).toEqual(['tom']);
    expect(q('夜班 只')).toEqual(['tom']);
  });
});

describe('search: stale or malformed keys', () => {
  it('ignores syllable data that does not add up rather than misreading it', () => {
    const bad: ContactSearchKeys = { v: 0, name: 'x', py: 'zhangsan', ini: 'zs', syl: [5, 4], digits: '12 3a', org: '' };
    const ix = buildSearchIndex([{ id: 'bad', keys: bad }]);
    expect(search(ix, 'zs')).toEqual([]);
    expect(search(ix, 'x')).toEqual(['bad']);
    expect(search(ix, '12')).toEqual(['bad']);
  });
});

// ---------------------------------------------------------------------------------------------
// A deliberately simple reference: one contact at a time, strings and recursion. The index must
// give exactly the same ids in exactly the same order, with or without narrowing.

const EXACT = 1;
const PREFIX = 2;
const OTHER = 3;

const ALT = 3;

/** Syllables of the name's reading, or of another reading (`ceng wei`). */
function refSyllables(k: ContactSearchKeys): string[] {
  const syl: string[] = [];
  let at = 0;
  for (const l of k.syl) syl.push(k.py.slice(at, (at += l)));
  return syl;
}

/** q as non-empty prefixes of consecutive syllables from syllable i. */
function refFrom(syl: readonly string[], q: string, i: number): boolean {
  return q === '' || (i < syl.length && [...Array(q.length)].some((_, j) => syl[i].startsWith(q.slice(0, j + 1)) && refFrom(syl, q.slice(j + 1), i + 1)));
}

/** The name's characters with their syllables ('' for a latin word), or null when they do not pair up. */
function refUnits(k: ContactSearchKeys): Array<{ han: string; syl: string }> | null {
  const syl = refSyllables(k);
  const name = k.name.replace(/\s+/g, '');
  const units: Array<{ han: string; syl: string }> = [];
  let g = 0;
  for (let i = 0; i < name.length;) {
    const ch = String.fromCodePoint(name.codePointAt(i)!);
    if (/[a-z]/.test(ch)) {
      if (g >= syl.length || !name.startsWith(syl[g], i)) return null;
      units.push({ han: '', syl: syl[g] });
      i += syl[g++].length;
    } else {
      if (/\p{Script=Han}/u.test(ch)) {
        if (g >= syl.length) return null;
        units.push({ han: ch, syl: syl[g++] });
      }
      i += ch.length;
    }
  }
  return g === syl.length ? units : null;
}

/** A query of characters and letters: each character is one unit, letters prefixes of consecutive syllables. */
function refMixed(k: ContactSearchKeys, q: string): number {
  const units = refUnits(k);
  if (!units) return 0;
  const from = (rest: string, u: number): boolean => {
    if (rest === '') return true;
    if (u >= units.length) return false;
    const ch = String.fromCodePoint(rest.codePointAt(0)!);
    if (/\p{Script=Han}/u.test(ch)) return units[u].han === ch && from(rest.slice(ch.length), u + 1);
    const letters = /^[a-z]+/.exec(rest)![0];
    return [...Array(letters.length)].some((_, j) => units[u].syl.startsWith(letters.slice(0, j + 1)) && from(rest.slice(j + 1), u + 1));
  };
  for (let u = 0; u < units.length; u++) if (from(q, u)) return u === 0 ? PREFIX : OTHER;
  return 0;
}

function refTier(e: SearchEntry, raw: string): number {
  const k = e.keys;
  const spaced = normalizeSearchText(raw);
  const text = spaced.replace(/\s+/g, '');
  const letters = text
    .replace(/[üǖǘǚǜ]/g, 'v')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’·.\-_]/g, '');
  const py = /^[a-z]+$/.test(letters) ? letters : '';
  const mixed = /[a-z]/.test(letters) && /\p{Script=Han}/u.test(letters) && /^[a-z\p{Script=Han}]+$/u.test(letters) ? letters : '';
  const digits = /^[\d\s+\-().]+$/.test(spaced) ? spaced.replace(/^(\+|00)86(?=[\s\-().]*\d)/, '').replace(/\D/g, '') : '';
  const tiers: number[] = [];
  const substringTier = (hay: string, needle: string) => {
    const at = hay.indexOf(needle);
    if (at < 0) return 0;
    return at > 0 ? OTHER : hay === needle ? EXACT : PREFIX;
  };
  tiers.push(substringTier(k.name.replace(/\s+/g, ''), text));
  if (k.org.includes(spaced)) tiers.push(OTHER);
  if (py && k.orgPy) {
    const orgSyl = k.orgPy.split(' ');
    if (orgSyl.some((_, i) => refFrom(orgSyl, py, i))) tiers.push(OTHER);
  }
  if (e.notes && normalizeSearchText(e.notes).includes(spaced)) tiers.push(OTHER);
  if (digits) for (const n of k.digits.split(' ').filter(Boolean)) tiers.push(substringTier(n, digits));
  if (py) {
    const readings = [{ syl: refSyllables(k), extra: 0 }, ...(k.alt ?? []).map((a) => ({ syl: a.split(' '), extra: ALT }))];
    for (const { syl, extra } of readings) {
      for (let i = 0; i < syl.length; i++) {
        if (!refFrom(syl, py, i)) continue;
        tiers.push(extra + (i > 0 ? OTHER : py === syl.join('') || py === syl.map((x) => x[0]).join('') ? EXACT : PREFIX));
        break;
      }
    }
  }
  if (mixed) tiers.push(refMixed(k, mixed));
  const hits = tiers.filter((t) => t > 0);
  return hits.length ? Math.min(...hits) : 0;
}

function refSearch(list: SearchEntry[], q: string): string[] {
  if (normalizeSearchText(q) === '') return list.map((e) => e.id);
  return list
    .map((e, i) => ({ id: e.id, i, t: refTier(e, q), f: e.favorite ? 0 : 1 }))
    .filter((x) => x.t > 0)
    .sort((a, b) => a.t - b.t || a.f - b.f || a.i - b.i)
    .map((x) => x.id);
}

describe('search: agrees with a simple reference', () => {
  const contacts = generateContacts(1000, 7);
  // Every tenth contact with a note, so notes are searched too.
  const list: SearchEntry[] = contacts.map((c, i) => ({
    id: c.id,
    favorite: c.favorite,
    keys: computeSearchKeys(c),
    notes: i % 10 === 0 ? `夜班 备用 ${c.org}` : '',
  }));
  const ix = buildSearchIndex(list);

  // Queries built from real keys (so they hit), plus noise.
  const fromKeys = fc.integer({ min: 0, max: list.length - 1 }).chain((i) => {
    const k = list[i].keys;
    const name = [...k.name];
    const mixed = name.length > 1 ? `${name[0]}${k.py.slice(k.syl[0] ?? 0)}` : '';
    const spacedName = name.join(' ');
    const sources = [k.py, k.ini, k.name, k.digits, k.org, k.py.slice(k.syl[0] ?? 0), ...(k.alt ?? []), k.orgPy ?? '', mixed, spacedName].filter(Boolean);
    return fc.tuple(fc.constantFrom(...sources), fc.nat(), fc.nat()).map(([s, a, b]) => s.slice(a % s.length, (a % s.length) + 1 + (b % 8)));
  });
  const noise = fc.stringMatching(/^[a-z0-9 \-张王李三小夜+ü]{0,6}$/);
  const query = fc.oneof(fromKeys, noise);

  /** Forgets the previous queries, so the next one is a full scan. */
  const forget = (): void => {
    ix.last = null;
    ix.recent.length = 0;
  };

  it('for single queries (full scans)', () => {
    fc.assert(
      fc.property(query, (q) => {
        forget();
        expect([...search(ix, q)]).toEqual(refSearch(list, q));
      }),
      { numRuns: 250 },
    );
  });

  it('while typing (narrowing from the previous query)', () => {
    fc.assert(
      fc.property(fc.array(query, { minLength: 1, maxLength: 3 }), (parts) => {
        forget();
        // Type the concatenation one character at a time, as a dispatcher would.
        const full = parts.join('');
        for (let i = 1; i <= full.length; i++) {
          const q = full.slice(0, i);
          expect([...search(ix, q)], q).toEqual(refSearch(list, q));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('while typing, backspacing (answers remembered) and typing on', () => {
    fc.assert(
      fc.property(query, fc.nat(), query, (typed, back, more) => {
        forget();
        const boxes: string[] = [];
        for (let i = 1; i <= typed.length; i++) boxes.push(typed.slice(0, i));
        const kept = typed.slice(0, typed.length - (back % (typed.length + 1)));
        for (let i = typed.length - 1; i >= kept.length; i--) boxes.push(typed.slice(0, i));
        for (let i = 1; i <= more.length; i++) boxes.push(kept + more.slice(0, i));
        const answers = boxes.map((q) => search(ix, q));
        // Every answer right when it was given, and none changed by the keystrokes after it.
        boxes.forEach((q, k) => expect([...answers[k]], q).toEqual(refSearch(list, q)));
      }),
      { numRuns: 80 },
    );
  });

  it('for one letter on names of one syllable and other readings of one syllable (exact tiers)', () => {
    const small = entries([
      { id: 'zeng', name: '曾' },
      { id: 'zengwei', name: '曾伟' },
      { id: 'zhang', name: '张' },
      { id: 'qiu', name: '仇' },
      { id: 'ou', name: '区' },
      { id: 'zhangsun', name: '长孙无忌' },
      { id: 'z', name: 'Z' },
      { id: 'wzq', name: '王志强' },
    ]);
    const six = buildSearchIndex(small);
    for (const q of 'zcqowxy') expect([...search(six, q)], q).toEqual(refSearch(small, q));
  });

  it('for every single letter and digit (the one-letter and one-digit passes)', () => {
    for (const q of 'abcdefghijklmnopqrstuvwxyz0123456789') {
      forget();
      expect([...search(ix, q)], q).toEqual(refSearch(list, q));
    }
  });

  it('a separator typed before the syllable letters does not lose the mixed hits (王 → 王- → 王-z)', () => {
    forget();
    expect(refSearch(list, '王-z').length).toBeGreaterThan(0);
    for (const q of ['王', '王-', '王-z']) expect([...search(ix, q)], q).toEqual(refSearch(list, q));
  });

  it('for orgs of every size (big teams marked as bitsets, small ones member by member)', () => {
    // Half the contacts keep one of the generator's few shared orgs (thousands of members at full
    // size, more than n / 64 here too); the others get an org of their own.
    const mixed: SearchEntry[] = generateContacts(1500, 5).map((c, i) => {
      const org = i % 2 === 0 ? c.org : `${c.org}${i % 7 === 0 ? '' : `第${i}组`}`;
      return { id: c.id, favorite: c.favorite, keys: computeSearchKeys({ ...c, org }) };
    });
    const orgIx = buildSearchIndex(mixed);
    expect(orgIx.orgSets.length).toBeGreaterThan(0);
    expect([...orgIx.orgSet].some((s) => s === -1)).toBe(true);
    for (const q of ['z', 'zh', 'zhi', 'zd', 'zhidui', 'j', 'jj', 'jijiu', 'di', '第', '组', '支队', '中队', 'dwz', 'y', '1', 'xf']) {
      expect([...search(orgIx, q)], q).toEqual(refSearch(mixed, q));
    }
  });

  it('and narrowing really happens on a small index', () => {
    forget();
    search(ix, 'zhang');
    // Hits are kept for narrowing only when few enough (a broad query keeps none: null).
    const kept = ix.last!.hits;
    expect(kept).not.toBeNull();
    expect(kept!.length).toBeLessThanOrEqual(list.length / 20);
    expect([...search(ix, 'zhangs')]).toEqual(refSearch(list, 'zhangs'));
  });
});

describe('searchPage: one page at a time', () => {
  // Two indexes over the same generated directory: one answers search(), the other searchPage(),
  // so neither's remembered answers can stand in for the other's.
  const list: SearchEntry[] = generateContacts(3000, 11).map((c) => ({ id: c.id, favorite: c.favorite, keys: computeSearchKeys(c) }));
  const full = buildSearchIndex(list);
  const paged = buildSearchIndex(list);
  const QUERIES = [
    'z',
    'zh',
    'zha',
    'zhang',
    'zs',
    'l',
    'x',
    'o',
    '1',
    '13',
    '138',
    '0755',
    '0',
    '张',
    '张s',
    'zhang三',
    '消防',
    'xiaof',
    'tom h',
    'lü',
    'ceng',
    'qqqq',
    '99999999',
  ];

  /** Every page of a query's answer, `size` ids at a time, joined. */
  const pages = (q: string, size: number): string[] => {
    const first = searchPage(paged, q, size);
    const out = [...first.ids];
    for (let at = size; at < first.count; at += size) out.push(...first.slice(at, at + size));
    return out;
  };

  it.each(QUERIES)('gives the same ids in the same order as search() for %j', (q) => {
    const all = [...search(full, q)];
    const page = searchPage(paged, q);
    expect(page.count).toBe(all.length);
    expect(page.ids).toEqual(all.slice(0, SEARCH_PAGE));
    expect(page.slice(0)).toEqual(all);
    expect(pages(q, 97)).toEqual(all);
  });

  it('the queries cover broad answers, narrow ones and none', () => {
    const counts = QUERIES.map((q) => searchPage(paged, q).count);
    expect(Math.max(...counts)).toBeGreaterThan(1000);
    expect(counts.some((c) => c > 0 && c < SEARCH_PAGE)).toBe(true);
    expect(counts).toContain(0);
  });

  it('while typing and backspacing, page by page', () => {
    for (const q of ['z', 'zh', 'zha', 'zhan', 'zhang', 'zhan', 'zh', 'zhao', '', '1', '13', '138', '13', '']) {
      const all = [...search(full, q)];
      const page = searchPage(paged, q, 50);
      expect(page.count, q).toBe(all.length);
      expect(page.ids, q).toEqual(all.slice(0, 50));
      expect(page.slice(50, 170), q).toEqual(all.slice(50, 170));
    }
  });

  it('an empty query pages through everyone in index order; slices are clamped', () => {
    const everyone = searchPage(paged, '');
    expect(everyone.count).toBe(list.length);
    expect(everyone.ids).toEqual(list.slice(0, SEARCH_PAGE).map((e) => e.id));
    expect(everyone.slice(list.length - 2, list.length + 5)).toEqual(list.slice(-2).map((e) => e.id));
    const some = searchPage(paged, 'zhang');
    expect(some.slice(-5, 3)).toEqual(some.ids.slice(0, 3));
    expect(some.slice(some.count + 1)).toEqual([]);
    expect(some.slice(10, 5)).toEqual([]);
  });
});

describe('search: the benchmark generator', () => {
  it('is deterministic', () => {
    expect(generateContacts(50, 3)).toEqual(generateContacts(50, 3));
    expect(generateContacts(50, 3)).not.toEqual(generateContacts(50, 4));
  });
});
