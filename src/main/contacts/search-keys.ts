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

export function computeSearchKeys(contact: Pick<Contact, 'name' | 'numbers' | 'org'>): ContactSearchKeys {
  const name = normalizeSearchText(contact.name);
  const syllables = nameSyllables(name).slice(0, MAX_SYLLABLES);
  return {
    v: SEARCH_KEYS_VERSION,
    name,
    py: syllables.join(''),
    ini: syllables.map((s) => s[0]).join(''),
    syl: syllables.map((s) => s.length),
    digits: contact.numbers
      .map((n) => n.number.replace(/\D/g, ''))
      .filter((d) => d !== '')
      .join(' '),
    org: normalizeSearchText(contact.org),
  };
}

/**
 * One syllable per Chinese character (toneless pinyin, ü as v as typed on keyboards) and one per
 * latin word, so `Tom Hanks` answers to `th` and `tomh` just like 张三 to `zs` and `zhangs`.
 * The whole name goes to pinyin-pro at once because polyphones are resolved from context, and
 * surname mode on the head reads 单/曾/解/查 as surnames (shan, zeng, xie, zha). The plain array
 * output is several times faster than `type: 'all'`, which matters for a 50 000-row import.
 */
function nameSyllables(name: string): string[] {
  if (name === '') return [];
  const parts = pinyin(name, {
    type: 'array',
    toneType: 'none',
    mode: 'surname',
    surname: 'head',
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
