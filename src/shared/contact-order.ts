/**
 * The order of the contact list, in one place because both sides depend on agreeing about it:
 * main keeps the whole book sorted this way and hands it out page by page, and the renderer merges
 * contacts edited since it loaded the list into main's order without re-sorting 50 000 of them.
 *
 * Pinyin of the name (张三 under z), names without any pinyin last, then the normalised name,
 * then the id, so that no two contacts compare equal and the order is total.
 */
import { SEARCH_KEYS_VERSION, normalizeSearchText, type ContactSearchKeys } from './contact-search';

/**
 * Names this ordering. Stored next to a cached order so that a cache written under another rule
 * (or other search keys, which carry the pinyin) is never trusted.
 */
export const CONTACT_ORDER_TAG = `py-name-id/keys-v${SEARCH_KEYS_VERSION}`;

/**
 * Keys as computed by main. Records from older data or a main-side bug may lack them or carry the
 * wrong types; those still sort (by name, after every name with pinyin) and are still searchable
 * by name and digits, just not by pinyin.
 */
export function hasUsableKeys(keys: unknown): keys is ContactSearchKeys {
  const k = keys as Partial<ContactSearchKeys> | null | undefined;
  return !!k && typeof k.name === 'string' && typeof k.py === 'string' && Array.isArray(k.syl) && typeof k.digits === 'string' && typeof k.org === 'string';
}

/** Compare with `<` (UTF-16 code units), the same on both sides. */
export function contactSortKey(c: { id: string; name?: unknown; keys?: unknown }): string {
  const usable = hasUsableKeys(c.keys);
  const py = usable ? (c.keys as ContactSearchKeys).py : '';
  const name = usable ? (c.keys as ContactSearchKeys).name : normalizeSearchText(typeof c.name === 'string' ? c.name : '');
  return `${py === '' ? '\u007f' : py}\u0001${name}\u0001${c.id}`;
}

/** Plain code-unit comparison, for Array.prototype.sort. */
export function compareSortKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
