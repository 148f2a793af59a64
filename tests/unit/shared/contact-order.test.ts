import { describe, expect, it } from 'vitest';
import { computeSearchKeys } from '../../../src/main/contacts/search-keys';
import { compareSortKeys, contactSortKey, sortKeySection, syllableSortText } from '../../../src/shared/contact-order';

/** Names (★ = favourite) in the order the list shows them, from any input order. */
function ordered(names: readonly string[]): string[] {
  const shuffled = [...names].reverse();
  return shuffled
    .map((raw, i) => {
      const favorite = raw.startsWith('★');
      const name = favorite ? raw.slice(1) : raw;
      const c = { id: `c${i}`, name, favorite, keys: computeSearchKeys({ name, numbers: [], org: '' }) };
      return [contactSortKey(c), raw] as const;
    })
    .sort((a, b) => compareSortKeys(a[0], b[0]))
    .map(([, raw]) => raw);
}

describe('the contact list order', () => {
  // Each row: the names in the expected display order, and why.
  const table: Array<[string, string[]]> = [
    ['one surname stays together (syllable by syllable, not the pinyin run together)', ['马晨', '马海燕', '马伟', '马勇', '毛鹏', '毛涛']],
    ['a shorter syllable first when it is a prefix', ['胡军', '黄磊']],
    ['the surname reading of polyphonic surnames', ['曾伟', '张三', '赵六']],
    ['单 as shan, 解 as xie, 查 as zha', ['单雄', '王五', '解放', '查理']],
    ['latin names sort among the pinyin', ['Anna Brown', '白超', '唐宁', 'Tom Hanks', '王伟']],
    ['a single-syllable name before longer ones of the same syllable', ['马', '马超', '马晨']],
    ['names without any pinyin last', ['张三', '110', '——']],
    ['favourites pinned on top, each section in pinyin order', ['★王伟', '★张三', '马晨', '毛鹏']],
    ['ü as v: 吕 after 卢, 女 after 牛', ['卢强', '吕布', '牛犇', '女娲']],
  ];
  it.each(table)('%s', (_why, expected) => {
    expect(ordered(expected)).toEqual(expected);
  });

  it('gives every contact a distinct key (ties broken by name, then id)', () => {
    const keys = ['a', 'b'].map((id) => contactSortKey({ id, name: '张三', keys: computeSearchKeys({ name: '张三', numbers: [], org: '' }) }));
    expect(keys[0]).not.toBe(keys[1]);
    expect(compareSortKeys(keys[0], keys[1])).toBe(-1);
  });

  it('separates syllables only where the keys say they are', () => {
    expect(syllableSortText({ py: 'machen', syl: [2, 4] })).toBe('ma chen');
    expect(syllableSortText({ py: 'xian', syl: [4] })).toBe('xian');
    // Damaged lengths: the run-together pinyin, never a throw.
    expect(syllableSortText({ py: 'machen', syl: [2, 9] })).toBe('machen');
  });

  it('names the A–Z section of a key', () => {
    const key = (name: string, favorite = false) => contactSortKey({ id: '1', name, favorite, keys: computeSearchKeys({ name, numbers: [], org: '' }) });
    expect(sortKeySection(key('马晨'))).toBe('m');
    expect(sortKeySection(key('Tom Hanks'))).toBe('t');
    expect(sortKeySection(key('110'))).toBe('#');
    expect(sortKeySection(key('马晨', true))).toBe('*');
  });
});
