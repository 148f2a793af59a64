/**
 * Search keys for one contact, computed in main when the contact is saved: pinyin-pro carries a
 * large dictionary that the renderer should not load, and converting 50 000 names per keystroke
 * would be far too slow anyway (see bench/naive-search.ts).
 */
import { pinyin } from 'pinyin-pro';
import type { Contact } from '../../shared/domain';
import { SEARCH_KEYS_VERSION, normalizeSearchText, type ContactSearchKeys } from '../../shared/contact-search';

/** A pasted paragraph in a name field should not blow up the index. */
const MAX_SYLLABLES = 64;
/** Other readings kept per name: a polyphonic surname has two or three, times the ü spelling. */
const MAX_ALTERNATIVES = 4;

export function computeSearchKeys(contact: Pick<Contact, 'name' | 'numbers' | 'org'>): ContactSearchKeys {
  const name = normalizeSearchText(contact.name);
  const syllables = nameSyllables(name, 'surname').slice(0, MAX_SYLLABLES);
  const org = normalizeSearchText(contact.org);
  const keys: ContactSearchKeys = {
    v: SEARCH_KEYS_VERSION,
    name,
    py: syllables.join(''),
    ini: syllables.map((s) => s[0]).join(''),
    syl: syllables.map((s) => s.length),
    digits: contact.numbers
      .map((n) => n.number.replace(/\D/g, ''))
      .filter((d) => d !== '')
      .join(' '),
    org,
  };
  const alt = alternativeReadings(name, syllables);
  if (alt.length > 0) keys.alt = alt;
  const orgPy = memo(orgReadings, org, () => nameSyllables(org, 'normal').slice(0, MAX_SYLLABLES).join(' '));
  if (orgPy !== '') keys.orgPy = orgPy;
  return keys;
}

/**
 * Surnames and units repeat across a book (a few hundred surnames, a few dozen units), and an
 * import computes keys for tens of thousands of contacts: their readings are remembered rather
 * than asked of pinyin-pro again. Bounded, so a book of unique units cannot grow it without end.
 */
const MEMO_LIMIT = 4096;
const headReadings = new Map<string, string[]>();
const orgReadings = new Map<string, string>();
function memo<T>(map: Map<string, T>, key: string, compute: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= MEMO_LIMIT) map.clear();
    value = compute();
    map.set(key, value);
  }
  return value;
}

/**
 * Readings a dispatcher may type instead of the surname reading: every reading of the first
 * character (曾 zeng → ceng, 仇 qiu → chou, 区 ou → qu, 长孙 zhangsun → changsun, 尉迟 yuchi →
 * weichi), and ü typed as u (吕 lv → lu). Only the head is varied: given names are read in
 * context, and varying every character would multiply the index.
 */
function alternativeReadings(name: string, primary: readonly string[]): string[] {
  if (primary.length === 0 || !/^\p{Script=Han}/u.test(name)) return [];
  const variants = new Set<string>();
  const rest = primary.slice(1);
  const heads = memo(headReadings, name[0], () =>
    pinyin(name[0], { type: 'array', toneType: 'none', v: true, multiple: true }).filter((h) => /^[a-z]+$/.test(h)),
  );
  for (const head of heads) variants.add([head, ...rest].join(' '));
  for (const v of [...variants]) if (/\b[ln]ve?\b/.test(v)) variants.add(v.replace(/\b([ln])v(e?)\b/g, '$1u$2'));
  const own = primary.join(' ');
  if (/\b[ln]ve?\b/.test(own)) variants.add(own.replace(/\b([ln])v(e?)\b/g, '$1u$2'));
  variants.delete(own);
  return [...variants].filter((v) => v !== '').slice(0, MAX_ALTERNATIVES);
}

/**
 * One syllable per Chinese character (toneless pinyin, ü as v as typed on keyboards) and one per
 * latin word, so `Tom Hanks` answers to `th` and `tomh` just like 张三 to `zs` and `zhangs`.
 * The whole name goes to pinyin-pro at once because polyphones are resolved from context, and
 * surname mode on the head reads 单/曾/解/查 as surnames (shan, zeng, xie, zha). The plain array
 * output is several times faster than `type: 'all'`, which matters for a 50 000-row import.
 */
function nameSyllables(name: string, mode: 'surname' | 'normal'): string[] {
  if (name === '') return [];
  const parts = pinyin(name, {
    type: 'array',
    toneType: 'none',
    ...(mode === 'surname' ? { mode: 'surname' as const, surname: 'head' as const } : {}),
    v: true,
    // Runs of other characters come back as one part: latin words stay whole.
    nonZh: 'consecutive',
  });
  const out: string[] = [];
  for (const part of parts) {
    // Strip accents (José → jose); digits, punctuation and characters without a reading end a
    // word and are left to the plain name substring match.
    for (const word of part
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^a-z]+/)) {
      if (word) out.push(word);
    }
  }
  return out;
}
