/**
 * The search keys of a contact: what main computes when a contact is saved (pinyin needs a
 * dictionary that does not belong in the renderer, src/main/contacts/search-keys.ts) and the
 * renderer's search index reads (src/renderer/src/lib/search/contact-search-index.ts). Only the
 * shape, its version and the text normalisation both sides must agree on live here.
 */

/** Bump whenever computeSearchKeys changes meaning, so stored keys get recomputed. */
export const SEARCH_KEYS_VERSION = 2;

/** Derived from a contact; crosses IPC, so plain, compact data. */
export interface ContactSearchKeys {
  /** SEARCH_KEYS_VERSION at computation time. */
  v: number;
  /** normalizeSearchText(name). */
  name: string;
  /** Name syllables joined: toneless pinyin for Chinese characters, latin words as-is: `zhangsanfeng`. */
  py: string;
  /** First letter of each syllable: `zsf`. */
  ini: string;
  /** Length of each syllable in `py` (the boundaries: `xian` is not `xi`+`an`): [5, 3, 4]. */
  syl: number[];
  /** Every number's digits, joined by single spaces. */
  digits: string;
  /** normalizeSearchText(org). */
  org: string;
  /**
   * Other readings of the name, each a syllable sequence separated by spaces (`ceng wei` for 曾伟,
   * `chang sun wu ji` for 长孙无忌, `lu bu` for 吕布): the surname's other readings and ü spelled u.
   * Searched like `py` but ranked after it. Absent when there are none (most contacts).
   */
  alt?: string[];
  /** The org's syllables separated by spaces (`shi ji jiu zhong xin`), so a unit is found by pinyin; absent when empty. */
  orgPy?: string;
}

/**
 * Case-folds and tidies text the same way for keys and queries: NFKC turns full-width letters and
 * digits (common with Chinese IMEs) into ASCII; control characters become spaces because the
 * index uses `\n` as its separator.
 */
export function normalizeSearchText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u0000-\u001f\u007f]+/g, ' ')
    .trim();
}
