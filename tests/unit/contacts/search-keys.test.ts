import { describe, expect, it } from 'vitest';
import { computeSearchKeys } from '../../../src/main/contacts/search-keys';
import { SEARCH_KEYS_VERSION } from '../../../src/shared/contact-search';

const keysOf = (name: string, org = '', numbers: string[] = []) => computeSearchKeys({ name, org, numbers: numbers.map((number) => ({ label: '', number })) });

/** The syllables, rebuilt from py and the boundaries. */
function syllables(k: ReturnType<typeof keysOf>): string[] {
  const out: string[] = [];
  let at = 0;
  for (const l of k.syl) {
    out.push(k.py.slice(at, at + l));
    at += l;
  }
  return out;
}

describe('computeSearchKeys', () => {
  it('gives pinyin, initials and syllable boundaries for 张三', () => {
    const k = keysOf('张三');
    expect(k).toMatchObject({ v: SEARCH_KEYS_VERSION, name: '张三', py: 'zhangsan', ini: 'zs', syl: [5, 3] });
  });

  it('handles three-character names', () => {
    const k = keysOf('张三丰');
    expect(syllables(k)).toEqual(['zhang', 'san', 'feng']);
    expect(k.ini).toBe('zsf');
  });

  it('reads polyphonic surnames as surnames: 单 = shan, 曾 = zeng, 解 = xie, 查 = zha', () => {
    expect(syllables(keysOf('单田芳'))).toEqual(['shan', 'tian', 'fang']);
    expect(syllables(keysOf('曾小贤'))).toEqual(['zeng', 'xiao', 'xian']);
    // Out of a name 曾经 is "ceng jing"; as a name it starts with the surname Zeng.
    expect(keysOf('曾经').py).toBe('zengjing');
    expect(keysOf('解晓东').py).toBe('xiexiaodong');
    expect(keysOf('查良镛').py).toBe('zhaliangyong');
  });

  it('keeps compound surnames and writes ü as v', () => {
    expect(keysOf('欧阳娜娜').ini).toBe('oynn');
    expect(keysOf('吕布').py).toBe('lvbu');
  });

  it('treats latin words as syllables, so English names get initials too', () => {
    const k = keysOf('Tom Hanks');
    expect(k.name).toBe('tom hanks');
    expect(syllables(k)).toEqual(['tom', 'hanks']);
    expect(k.ini).toBe('th');
  });

  it('mixes Chinese and latin, folds accents and full-width letters', () => {
    expect(syllables(keysOf('王小明Alex'))).toEqual(['wang', 'xiao', 'ming', 'alex']);
    expect(syllables(keysOf('José Müller'))).toEqual(['jose', 'muller']);
    const k = keysOf('ＡＢＣ 张');
    expect(k.name).toBe('abc 张');
    expect(syllables(k)).toEqual(['abc', 'zhang']);
  });

  it('drops digits and punctuation from syllables but keeps them in the name', () => {
    const k = keysOf("O'Brien 2号");
    expect(syllables(k)).toEqual(['o', 'brien', 'hao']);
    expect(k.name).toBe("o'brien 2号");
  });

  it('joins all numbers as digits and lowercases the org', () => {
    const k = keysOf('李四', '  ACME 消防 ', ['13800138000', '01065529988']);
    expect(k.digits).toBe('13800138000 01065529988');
    expect(k.org).toBe('acme 消防');
  });

  it('copes with an empty or symbol-only name', () => {
    expect(keysOf('')).toMatchObject({ name: '', py: '', ini: '', syl: [] });
    expect(keysOf('***')).toMatchObject({ name: '***', py: '', ini: '', syl: [] });
  });

  it('keeps the boundaries consistent with py and ini', () => {
    for (const name of ['张三丰', 'Tom Hanks', '欧阳娜娜', '王小明abc', '长孙无忌']) {
      const k = keysOf(name);
      expect(k.syl.reduce((a, b) => a + b, 0)).toBe(k.py.length);
      expect(
        syllables(k)
          .map((s) => s[0])
          .join(''),
      ).toBe(k.ini);
    }
  });
});
