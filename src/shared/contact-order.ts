/**
 * The order of the contact list, in one place because both sides depend on agreeing about it:
 * main keeps the whole book sorted this way and hands it out page by page, and the renderer merges
 * contacts edited since it loaded the list into main's order without re-sorting 50 000 of them.
 *
 * Favourites first (a section pinned at the top of the list), then pinyin of the name compared
 * syllable by syllable with the surname reading (马晨 马伟 马勇 before 毛鹏, 胡 before 黄; latin
 * words are syllables too, so Tom Hanks sorts under t among 唐 and 陶), names without any pinyin
 * last, then the normalised name, then the id, so that no two contacts compare equal and the
 * order is total.
 */
import { SEARCH_KEYS_VERSION, normalizeSearchText, type ContactSearchKeys } from './contact-search';

/**
 * Names this ordering. Stored next to a cached order so that a cache written under another rule
 * (or other search keys, which carry the pinyin) is never trusted: `py-name-id` (pinyin run
 * together, before favourites were pinned) is rebuilt once on the first start after the upgrade.
 */
export const CONTACT_ORDER_TAG = `fav-pysyl-name-id/keys-v${SEARCH_KEYS_VERSION}`;

/**
 * Keys as computed by main. Records from older data or a main-side bug may lack them or carry the
 * wrong types; those still sort (by name, after every name with pinyin) and are still searchable
 * by name and digits, just not by pinyin.
 */
export function hasUsableKeys(keys: unknown): keys is ContactSearchKeys {
  const k = keys as Partial<ContactSearchKeys> | null | undefined;
  return !!k && typeof k.name === 'string' && typeof k.py === 'string' && Array.isArray(k.syl) && typeof k.digits === 'string' && typeof k.org === 'string';
}

/**
 * The syllables of `py` separated by spaces (`ma chen`), so plain comparison goes syllable by
 * syllable: a space sorts before every letter, so `ma …` < `mao …` and `hu …` < `huang …`, where the
 * run-together `machen` > `maopeng` split one surname's people around another's. Keys whose
 * syllable lengths do not add up (damaged data) sort by the run-together pinyin.
 */
export function syllableSortText(keys: Pick<ContactSearchKeys, 'py' | 'syl'>): string {
  const { py, syl } = keys;
  let total = 0;
  for (const l of syl) total += Number.isInteger(l) && l > 0 ? l : NaN;
  if (total !== py.length || syl.length < 2) return py;
  let out = '';
  for (let k = 0, at = 0; k < syl.length; at += syl[k], k++) out += (k === 0 ? '' : ' ') + py.slice(at, at + syl[k]);
  return out;
}

/** Section of the A–Z bar for a sort key: `a`…`z`, `#` for names without pinyin, `*` for favourites. */
export function sortKeySection(key: string): string {
  if (key.charCodeAt(0) === FAVORITE) return '*';
  const c = key.charCodeAt(1);
  return c >= 0x61 && c <= 0x7a ? key[1] : '#';
}

const FAVORITE = 0x30; // '0'

/** Compare with `<` (UTF-16 code units), the same on both sides. */
export function contactSortKey(c: { id: string; name?: unknown; keys?: unknown; favorite?: unknown }): string {
  const usable = hasUsableKeys(c.keys);
  const py = usable ? syllableSortText(c.keys as ContactSearchKeys) : '';
  const name = usable ? (c.keys as ContactSearchKeys).name : normalizeSearchText(typeof c.name === 'string' ? c.name : '');
  return `${c.favorite === true ? '0' : '1'}${py === '' ? '\u007f' : py}\u0001${name}\u0001${c.id}`;
}

/** Plain code-unit comparison, for Array.prototype.sort. */
export function compareSortKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
