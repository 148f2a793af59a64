/**
 * The baseline the real index (src/renderer/src/lib/search/contact-search-index.ts) is measured against: what one would
 * write first — scan every contact per keystroke and ask pinyin-pro whether the name matches.
 * Deliberately no precomputation; only for benchmarks.
 */
import { match } from 'pinyin-pro';
import type { Contact } from '../src/shared/domain';

export function naiveSearch(contacts: readonly Contact[], query: string): string[] {
  const q = query.normalize('NFKC').toLowerCase().trim();
  if (q === '') return contacts.map((c) => c.id);
  const digitsLike = /^[\d\s+\-().]+$/.test(q);
  // Stored numbers have no country code: drop a typed +86 / 0086, as the real index does.
  const digits = digitsLike ? q.replace(/^(\+|00)86(?=[\s\-().]*\d)/, '').replace(/\D/g, '') : '';
  const letters = q.replace(/[\s'’·.\-_]/g, '');
  const pinyinLike = /^[a-z]+$/.test(letters);
  const out: string[] = [];
  for (const c of contacts) {
    const hit =
      c.name.toLowerCase().includes(q) ||
      c.org.toLowerCase().includes(q) ||
      (digits !== '' && c.numbers.some((n) => n.number.includes(digits))) ||
      // start + continuous: each query segment starts one of consecutive syllables, as in the
      // index; v: `lv` for 吕. match() accepts every reading of a polyphone (强 = qiang or jiang),
      // so it finds a few more Chinese names than the index, which uses the reading for names.
      // It has no word initials for latin names (`th` for Tom Hanks) nor accent folding.
      (pinyinLike && match(c.name, letters, { precision: 'start', continuous: true, insensitive: true, v: true }) !== null);
    if (hit) out.push(c.id);
  }
  return out;
}
