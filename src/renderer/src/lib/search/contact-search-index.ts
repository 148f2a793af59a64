/**
 * Search-as-you-type over the contact list. Pure TS: runs in the renderer, with up to 100 000
 * contacts (budget: p99 ≤ 2 ms per keystroke at 100 000, bench/search.ts).
 *
 * Main computes a ContactSearchKeys per contact when it is saved (pinyin needs a dictionary that
 * does not belong in the renderer); the renderer flattens all keys into a few big strings and
 * typed arrays (about 10 MB for 50 000 contacts), so a keystroke is a few `indexOf` scans, bitset
 * operations a word (32 contacts) at a time and a tiny syllable match, with no per-contact
 * objects and little garbage. Hits are collected as tier bitsets, which come out already in rank
 * order. The key objects can be dropped once the index is built.
 */
import { normalizeSearchText, type ContactSearchKeys } from '../../../../shared/contact-search';

export interface SearchEntry {
  id: string;
  keys: ContactSearchKeys;
  /** Favourites come first within a ranking tier. */
  favorite?: boolean;
  /** Free text, found by substring (a ContactRecord is an entry as it is). */
  notes?: string;
}

// Ranking tiers; 0 = no match. Smaller is better.
const EXACT = 1;
const PREFIX = 2;
const OTHER = 3;
/**
 * Added to the tier of a match on another reading of the name (keys.alt: 曾 as ceng, 吕 as lu):
 * accepted, but after every match on the reading the name is really read with.
 */
const ALT = 3;
/** Ranking buckets: (tier 1…6) × (favourite or not), bucket 0 unused. */
export const RANK_BUCKETS = 14;

// Per syllable, `head` packs the first six letters (a=1 … z=26, 0 past the end) five bits each,
// most significant first, so the common prefix with a query is one xor + clz32 with no string
// access; plus flags for the contact's first and last syllable.
const LETTERS = 0x3fffffff;
const IS_LAST = 1 << 30;
const IS_FIRST = 2 ** 31;
/** Equal leading letters of two packed heads, by clz32 of their xor (32 = all six equal). */
const LCP_BY_CLZ = Uint8Array.from({ length: 33 }, (_, z) => (z === 32 ? 6 : Math.max(0, (z - 2) / 5) | 0));

function pack6(s: string, from: number, len: number): number {
  let code = 0;
  for (let k = 0; k < 6; k++) code = (code << 5) | (k < len ? s.charCodeAt(from + k) - 96 : 0);
  return code;
}

/**
 * Build with buildSearchIndex, query with search / searchPositions; the fields are internals. An
 * index remembers its previous query to narrow the next one, so give each search box its own
 * (sharing one is still correct, just slower).
 */
export interface ContactSearchIndex {
  readonly ids: readonly string[];
  /**
   * Names without their spaces (people type `张 三` and `tomh` as well as `张三`) joined by `\n`;
   * name i is [nameStart[i], nameStart[i + 1] - 1).
   */
  readonly names: string;
  readonly nameStart: Int32Array;
  /** Distinct orgs (a few teams shared by thousands of contacts) joined by `\n`, and each contact's. */
  readonly orgs: string;
  readonly orgStart: Int32Array;
  readonly orgOf: Int32Array;
  /** Contacts by org: org o's members are orgMembers[orgMemberStart[o], orgMemberStart[o + 1]), ascending. */
  readonly orgMembers: Int32Array;
  readonly orgMemberStart: Int32Array;
  /**
   * Orgs with more than n / 64 members (so at most 64 of them) also as bitsets over contacts:
   * big org o's is orgSets[orgSet[o] * words …], words = n / 32 rounded up; orgSet[o] = -1 for
   * the others. A letter that starts a big team's syllable (中队, 支队) then marks its thousands of
   * members a word at a time.
   */
  readonly orgSet: Int32Array;
  readonly orgSets: Int32Array;
  /** Per distinct org: its syllables (keys.orgPy), so a unit is found by pinyin too. */
  readonly orgSyl: readonly (readonly string[])[];
  /** The same joined with spaces. */
  readonly orgPyText: readonly string[];
  /** Non-empty notes joined by `\n`, note k is [noteStart[k], noteStart[k + 1] - 1) and belongs to noteOwner[k]. */
  readonly notes: string;
  readonly noteStart: Int32Array;
  readonly noteOwner: Int32Array;
  /** Per contact: its note's k, or -1. */
  readonly noteOf: Int32Array;
  /**
   * Every number of every contact, each followed by `\n`, as character codes; contact i's are
   * [firstNum[i], firstNum[i + 1]). Bytes, not a string: the re-checks read them one by one.
   */
  readonly nums: Uint8Array;
  readonly numStart: Int32Array;
  readonly firstNum: Int32Array;
  /**
   * Per number: its first two digits as 0–99 (127 for a one-digit number), +128 when it has
   * exactly two. Tells a two-digit query's exact hits without the haystack.
   */
  readonly numHead: Uint8Array;
  /**
   * A one-digit query's answer, ready: per digit d and word w of contacts (words = n / 32 rounded
   * up), four words at [(d * words + w) * 4]: contacts with a number containing d, with one that is
   * just d (EXACT), starting with d (PREFIX), containing it otherwise (OTHER). Such a query hits
   * nearly every contact, so it is ORed into the tiers a word at a time.
   */
  readonly digitSets: Int32Array;
  /**
   * Per digit pair `ab` (p = 10a + b) a bitset over contacts, word w of it at [p * words + w] (words
   * = n / 32 rounded up): bit c % 32 of word c >> 5 = a number of contact c contains `ab`. A digit
   * query's candidates are the AND of its pairs' sets, 32 contacts a word.
   */
  readonly pairSets: Int32Array;
  /** The same layout: a number of contact c starts with `ab` (a two-digit query's PREFIX tier). */
  readonly pairStarts: Int32Array;
  /** Bitset over contacts: one of its numbers has exactly two digits (rare; see numHead). */
  readonly twoDigits: Int32Array;
  /** All syllables concatenated; syllable g is py[sylStart[g], sylStart[g + 1]). */
  readonly py: string;
  readonly sylStart: Int32Array;
  readonly head: Uint32Array;
  readonly sylOwner: Int32Array;
  /**
   * Contact i's syllables are [firstSyl[i], firstSyl[i + 1]): its name's reading, then from
   * altStart[i] on its other readings (keys.alt), each a chain from an IS_FIRST to an IS_LAST.
   */
  readonly firstSyl: Int32Array;
  readonly altStart: Int32Array;
  /**
   * Syllables by their first two letters (the second 0 for a one-letter syllable), ascending
   * within each pair: pair (L, M) is byInitial[prefixStart[27L + M], prefixStart[27L + M + 1]), so
   * letter L's are byInitial[initialStart[L], initialStart[L + 1]).
   */
  readonly byInitial: Int32Array;
  readonly prefixStart: Int32Array;
  readonly initialStart: Int32Array;
  /**
   * Syllables that another follows in their reading, by their initial and the next one's: (L, M)
   * is bySplit[splitStart[27L + M], splitStart[27L + M + 1]). With the pairs above, the
   * syllables a query `LM…` can start at: those beginning with `LM`, and those beginning with L
   * followed by one beginning with M (`zh` = 张h…, 周华).
   */
  readonly bySplit: Int32Array;
  readonly splitStart: Int32Array;
  readonly maxSyl: number;
  /**
   * A one-letter query's syllable matches, ready (it matches every syllable with that initial, so
   * the syllable scan would visit tens of thousands): per letter L, laid out like `bits` at
   * [L * words * 8 …]: the tiers syllableTier gives (a first syllable: EXACT when its reading is
   * one syllable, else PREFIX; a later one OTHER; another reading's the same + ALT).
   */
  readonly letterSets: Int32Array;
  /** Contacts. */
  readonly size: number;
  /** Bit c % 32 of word c >> 5: contact c is a favourite. */
  readonly favBits: Int32Array;
  /**
   * Scratch, reused per query: the tiers contacts matched with, as bitsets, eight words per 32
   * contacts: word 8w + t holds contacts 32w…32w + 31 that matched with tier t (1…6). A contact
   * may sit in several; its best (smallest) tier wins when the hits are collected. Bitsets rather
   * than a tier byte per contact: a word at a time, the hits come out already grouped by tier and
   * favourite, in index order within each group, so ranking needs no counting sort.
   */
  readonly bits: Int32Array;
  /** Scratch, reused per query: the hits while they are collected. */
  readonly scratch: Int32Array;
  /** Previous query and its unranked hits, to narrow instead of rescanning while typing. */
  last: { q: Query; hits: Int32Array | null } | null;
  /** The box's recent prefixes and their answers, shortest first (see lookup). */
  readonly recent: Typed[];
}

const oneLine = (s: string): string => (s.includes('\n') ? s.replace(/\n/g, ' ') : s);
const DIGITS_KEY = /^(\d+( \d+)*)?$/;
const PY_KEY = /^[a-z]*$/;

/** Keys may come from storage written by another version: never trust them to be well-formed. */
function cleanDigits(keys: ContactSearchKeys): string {
  const d = keys.digits;
  return DIGITS_KEY.test(d) ? d : d.split(/\D+/).filter(Boolean).join(' ');
}
function validSyllables(keys: ContactSearchKeys): boolean {
  let total = 0;
  for (const l of keys.syl) total += Number.isInteger(l) && l > 0 ? l : NaN;
  return total === keys.py.length && PY_KEY.test(keys.py);
}
const ALT_KEY = /^[a-z]+( [a-z]+)*$/;
/** Other readings, as syllable lists; ill-formed ones are left out. */
function altChains(keys: ContactSearchKeys): string[][] {
  const alt = keys.alt;
  if (!Array.isArray(alt) || alt.length === 0) return [];
  const out: string[][] = [];
  for (const a of alt) if (typeof a === 'string' && ALT_KEY.test(a)) out.push(a.split(' '));
  return out;
}
const orgSyllables = (keys: ContactSearchKeys): string[] => (typeof keys.orgPy === 'string' && ALT_KEY.test(keys.orgPy) ? keys.orgPy.split(' ') : []);
const WHITESPACE = /\s+/g;

/**
 * Entries each followed by `\n`, as one flat string. Not `join('\n') + '\n'`: that appends by
 * making a cons string, and every charCodeAt on a cons string (the per-contact re-checks read
 * these haystacks character by character) goes through an indirection several times slower.
 */
function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) out[k] = s.charCodeAt(k);
  return out;
}

function joinLines(entries: string[]): string {
  entries.push('');
  const out = entries.join('\n');
  entries.pop();
  return out;
}

/**
 * Two passes: count, then fill exactly-sized typed arrays. 50 000 contacts take some 50 ms,
 * mostly the string joins.
 */
export function buildSearchIndex(entries: readonly SearchEntry[]): ContactSearchIndex {
  const n = entries.length;
  const digitKeys: string[] = [];
  const sylOk = new Uint8Array(n);
  const alts = new Map<number, string[][]>();
  let numCount = 0;
  let sylCount = 0;
  let noteCount = 0;
  for (let i = 0; i < n; i++) {
    const keys = entries[i].keys;
    const d = cleanDigits(keys);
    digitKeys.push(d);
    for (let j = 0; j < d.length; j++) if (j === 0 || d.charCodeAt(j) === 32) numCount++;
    if (validSyllables(keys)) {
      sylOk[i] = 1;
      sylCount += keys.syl.length;
      if (keys.alt !== undefined) {
        const chains = altChains(keys);
        if (chains.length > 0) alts.set(i, chains);
        for (const chain of chains) sylCount += chain.length;
      }
    }
    if (typeof entries[i].notes === 'string' && entries[i].notes !== '') noteCount++;
  }
  // Filled with push, not new Array(n): holey arrays are markedly slower to copy and read.
  const ids: string[] = [];
  const names: string[] = [];
  const orgs: string[] = [];
  const orgIds = new Map<string, number>();
  const orgSyl: string[][] = [];
  const noteTexts: string[] = [];
  const noteStart = new Int32Array(noteCount + 1);
  const noteOwner = new Int32Array(noteCount);
  const noteOf = new Int32Array(n).fill(-1);
  let noteAt = 0;
  const pys: string[] = [];
  const favBits = new Int32Array((n + 31) >> 5);
  const nameStart = new Int32Array(n + 1);
  const orgOf = new Int32Array(n);
  const firstNum = new Int32Array(n + 1);
  const firstSyl = new Int32Array(n + 1);
  const altStart = new Int32Array(n);
  // Per digit: contains (OTHER), starts a number (PREFIX), is a whole number (EXACT); the best wins.
  const words = (n + 31) >> 5;
  const digitSets = new Int32Array(10 * words * 4);
  const letterSets = new Int32Array(27 * words * 8);
  const pairSets = new Int32Array(100 * words);
  const pairStarts = new Int32Array(100 * words);
  const twoDigits = new Int32Array(words);
  const numStart = new Int32Array(numCount + 1);
  const numHead = new Uint8Array(numCount);
  const sylStart = new Int32Array(sylCount + 1);
  const head = new Uint32Array(sylCount);
  const sylOwner = new Int32Array(sylCount);
  const initialStart = new Int32Array(28);
  let nameAt = 0;
  let numAt = 0;
  let num = 0;
  let pyAt = 0;
  let syl = 0;
  let maxSyl = 0;
  for (let i = 0; i < n; i++) {
    const { id, keys, favorite, notes } = entries[i];
    ids.push(id);
    if (favorite) favBits[i >> 5] |= 1 << (i & 31);
    const name = oneLine(keys.name).replace(WHITESPACE, '');
    names.push(name);
    nameStart[i] = nameAt;
    nameAt += name.length + 1;
    const org = oneLine(keys.org);
    let o = orgIds.get(org);
    if (o === undefined) {
      o = orgs.length;
      orgIds.set(org, o);
      orgs.push(org);
      orgSyl.push(orgSyllables(keys));
    }
    orgOf[i] = o;
    if (typeof notes === 'string' && notes !== '') {
      const k = noteTexts.length;
      const text = oneLine(normalizeSearchText(notes));
      noteTexts.push(text);
      noteStart[k] = noteAt;
      noteOwner[k] = i;
      noteOf[i] = k;
      noteAt += text.length + 1;
    }

    // The contact's digits go into the haystack as they are, spaces becoming separators.
    const d = digitKeys[i];
    firstNum[i] = num;
    const m = 1 << (i & 31);
    const digitAt = (i >> 5) * 4;
    let from = -1; // where the current number starts in d
    for (let j = 0; j <= d.length; j++) {
      const x = j < d.length ? d.charCodeAt(j) - 48 : -1;
      if (x < 0) {
        if (from >= 0 && j - from === 1) markSet(digitSets, (d.charCodeAt(from) - 48) * words * 4 + digitAt, EXACT, m);
        if (from >= 0 && j - from === 2) {
          numHead[num - 1] |= 128;
          twoDigits[i >> 5] |= 1 << (i & 31);
        }
        from = -1;
      } else if (from < 0) {
        from = j;
        numHead[num] = 127;
        numStart[num++] = numAt + j;
        markSet(digitSets, x * words * 4 + digitAt, PREFIX, m);
      } else {
        const bit = (d.charCodeAt(j - 1) - 48) * 10 + x;
        if (j - from === 1) {
          numHead[num - 1] = bit;
          pairStarts[bit * words + (i >> 5)] |= 1 << (i & 31);
        }
        pairSets[bit * words + (i >> 5)] |= 1 << (i & 31);
        markSet(digitSets, x * words * 4 + digitAt, OTHER, m);
      }
    }
    numAt += d.length + (d ? 1 : 0);

    firstSyl[i] = syl;
    if (sylOk[i]) {
      const addChain = (py: string, lengths: readonly number[], alt: number): void => {
        pys.push(py);
        const last = lengths.length - 1;
        for (let k = 0, at = 0; k <= last; k++) {
          const l = lengths[k];
          const h = pack6(py, at, l);
          head[syl] = h + (k === 0 ? IS_FIRST : 0) + (k === last ? IS_LAST : 0);
          // The tier a one-letter query gets here (syllableTier's for one letter).
          markSet(letterSets, ((h >>> 25) * words + (i >> 5)) * 8, (k > 0 ? OTHER : last > 0 ? PREFIX : EXACT) + alt, m);
          sylStart[syl] = pyAt;
          sylOwner[syl] = i;
          syl++;
          pyAt += l;
          at += l;
        }
        if (lengths.length > maxSyl) maxSyl = lengths.length;
      };
      addChain(keys.py, keys.syl, 0);
      altStart[i] = syl;
      for (const chain of alts.get(i) ?? [])
        addChain(
          chain.join(''),
          chain.map((x) => x.length),
          ALT,
        );
    } else altStart[i] = syl;
  }
  nameStart[n] = nameAt;
  firstNum[n] = num;
  firstSyl[n] = syl;
  numStart[num] = numAt;
  sylStart[syl] = pyAt;
  noteStart[noteCount] = noteAt;
  const orgStart = new Int32Array(orgs.length + 1);
  for (let o = 0; o < orgs.length; o++) orgStart[o + 1] = orgStart[o] + orgs[o].length + 1;
  // Members by org (counting sort, ascending): an org match marks its members without a pass over everyone.
  const orgMemberStart = new Int32Array(orgs.length + 1);
  for (let i = 0; i < n; i++) orgMemberStart[orgOf[i] + 1]++;
  for (let o = 0; o < orgs.length; o++) orgMemberStart[o + 1] += orgMemberStart[o];
  const orgMembers = new Int32Array(n);
  const orgFill = orgMemberStart.slice();
  for (let i = 0; i < n; i++) orgMembers[orgFill[orgOf[i]]++] = i;
  const orgSet = new Int32Array(orgs.length).fill(-1);
  let bigOrgs = 0;
  for (let o = 0; o < orgs.length; o++) if (orgMemberStart[o + 1] - orgMemberStart[o] > n / 64) orgSet[o] = bigOrgs++;
  const orgSets = new Int32Array(bigOrgs * words);
  for (let i = 0; i < n; i++) if (orgSet[orgOf[i]] >= 0) orgSets[orgSet[orgOf[i]] * words + (i >> 5)] |= 1 << (i & 31);
  // Counting sorts of syllables by their first two letters and by initial and next initial.
  const prefixStart = new Int32Array(27 * 27 + 1);
  const splitStart = new Int32Array(27 * 27 + 1);
  const pairOf = (g: number): number => ((head[g] >>> 25) & 31) * 27 + ((head[g] >>> 20) & 31);
  const splitOf = (g: number): number => ((head[g] >>> 25) & 31) * 27 + ((head[g + 1] >>> 25) & 31);
  let splits = 0;
  for (let g = 0; g < sylCount; g++) {
    prefixStart[pairOf(g) + 1]++;
    if (!(head[g] & IS_LAST)) {
      splitStart[splitOf(g) + 1]++;
      splits++;
    }
  }
  for (let k = 1; k <= 27 * 27; k++) {
    prefixStart[k] += prefixStart[k - 1];
    splitStart[k] += splitStart[k - 1];
  }
  const byInitial = new Int32Array(sylCount);
  const bySplit = new Int32Array(splits);
  const fill = prefixStart.slice();
  const splitFill = splitStart.slice();
  for (let g = 0; g < sylCount; g++) {
    byInitial[fill[pairOf(g)]++] = g;
    if (!(head[g] & IS_LAST)) bySplit[splitFill[splitOf(g)]++] = g;
  }
  for (let l = 0; l < 28; l++) initialStart[l] = prefixStart[Math.min(27, l) * 27];
  return {
    ids,
    names: joinLines(names),
    nameStart,
    orgs: joinLines(orgs),
    orgStart,
    orgOf,
    orgMembers,
    orgMemberStart,
    orgSet,
    orgSets,
    orgSyl,
    orgPyText: orgSyl.map((syllables) => syllables.join(' ')),
    notes: joinLines(noteTexts),
    noteStart,
    noteOwner,
    noteOf,
    nums: asciiBytes(joinLines(digitKeys.filter(Boolean)).replace(/ /g, '\n')),
    numStart,
    firstNum,
    numHead,
    digitSets,
    pairSets,
    pairStarts,
    twoDigits,
    py: pys.join(''),
    sylStart,
    head,
    sylOwner,
    firstSyl,
    altStart,
    byInitial,
    prefixStart,
    initialStart,
    bySplit,
    splitStart,
    maxSyl,
    letterSets,
    size: n,
    favBits,
    bits: new Int32Array(((n + 31) >> 5) << 3),
    scratch: new Int32Array(n),
    last: null,
    recent: [],
  };
}

/** A query in the forms the predicates use; '' = that predicate cannot match. */
interface Query {
  /** For names, without spaces (`张 三` → `张三`, as the names are kept). */
  text: string;
  /** With its spaces, for org and notes substrings. */
  spaced: string;
  /** Letters only, for syllable matching (`zhang san` → `zhangsan`, `lü` → `lv` as in the keys). */
  py: string;
  /** Chinese characters and letters mixed (`张s`, `zhang三`): each character is one syllable of the name. */
  mixed: MixedToken[] | null;
  /** The text as the mixed tokens read it: separators dropped, accents folded (`王-z` → `王z`). */
  letters: string;
  /** Digits only, when the query looks like a phone number (`138-0013` → `1380013`). */
  digits: string;
  /** Whether py matches an org's syllables, by the syllables joined with spaces (see syllablesMatch). */
  orgPy: Map<string, boolean>;
  /** PinyinQuery tables for py, made once per query (a view in pages searches many indexes). */
  pinyin: PinyinQuery | null;
}

/** A Chinese character of the name, or letters to match as syllable prefixes. */
type MixedToken = { han: string } | { letters: string };

const HAN = /\p{Script=Han}/u;

function parseQuery(raw: string): Query {
  const spaced = normalizeSearchText(raw);
  const text = spaced.replace(WHITESPACE, '');
  // ü as the keys spell it (v), whichever way it was typed (ü, ǚ…); other accents folded as in
  // the keys (josé → jose); separators people type between syllables dropped.
  const letters = text
    .replace(/[üǖǘǚǜ]/g, 'v')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’·.\-_]/g, '');
  const py = /^[a-z]+$/.test(letters) ? letters : '';
  let digits = '';
  if (/^[\d\s+\-().]+$/.test(spaced)) {
    // Stored numbers carry no country code (domain.ts), so a pasted +86 / 0086 would never match;
    // only dropped once a digit follows, so typing "+86" alone still finds numbers containing 86.
    digits = spaced.replace(/^(\+|00)86(?=[\s\-().]*\d)/, '').replace(/\D/g, '');
  }
  return { text, spaced, py, mixed: mixedTokens(letters), letters, digits, orgPy: new Map(), pinyin: null };
}

let lastParsed: { raw: string; q: Query } | null = null;

/**
 * parseQuery, remembering the last one: a view loaded in pages searches one index per page (26 at
 * 100 000 contacts) with the same text, and parsing (normalisation, regular expressions) is the
 * same every time. Queries are never modified once parsed, apart from what they memoise (orgPy, pinyin).
 */
function parsed(raw: string): Query {
  if (lastParsed === null || lastParsed.raw !== raw) lastParsed = { raw, q: parseQuery(raw) };
  return lastParsed.q;
}

/** Tokens of a query made only of Chinese characters and letters, with both present; else null. */
function mixedTokens(letters: string): MixedToken[] | null {
  if (!/[a-z]/.test(letters) || !HAN.test(letters)) return null;
  const tokens: MixedToken[] = [];
  for (const ch of letters) {
    if (ch >= 'a' && ch <= 'z') {
      const last = tokens[tokens.length - 1];
      if (last && 'letters' in last) last.letters += ch;
      else tokens.push({ letters: ch });
    } else if (HAN.test(ch)) tokens.push({ han: ch });
    else return null;
  }
  return tokens;
}

/**
 * Every hit of `next` is a hit of `prev` when each applicable form of `next` extends the same
 * form of `prev` (a longer substring or a longer syllable prefix only removes hits), so the
 * previous hits can be filtered instead of scanning everything again.
 */
function narrows(prev: Query, next: Query): boolean {
  const ext = (p: string, q: string): boolean => q === '' || (p !== '' && q.startsWith(p));
  // A mixed query's hits are names that hold its characters, read without separators. The previous
  // mixed hits cover them when its letters are a prefix of these; the previous name-substring hits
  // only when that text had nothing the letters drop (`王-` finds no name, yet `王-z` finds 王志).
  const mixedOk =
    next.mixed === null ||
    (prev.mixed !== null ? next.letters.startsWith(prev.letters) : prev.text !== '' && prev.text === prev.letters && next.text.startsWith(prev.text));
  return ext(prev.text, next.text) && ext(prev.spaced, next.spaced) && ext(prev.py, next.py) && ext(prev.digits, next.digits) && mixedOk;
}

/**
 * Re-checking a previous hit costs far more than a full scan spends per contact, so narrowing
 * only pays when the previous hits are a small share of the index.
 */
const NARROW_MAX_SHARE = 1 / 20;

/**
 * Matching ids, best first: exact (whole name, pinyin, initials or number), then prefix (name,
 * first syllable, number start), then the rest (substrings, later syllables, org); favourites
 * first within each tier, otherwise index order. Empty query → index.ids itself.
 */
export function search(index: ContactSearchIndex, raw: string): readonly string[] {
  const typed = lookup(index, raw);
  if (typed === null) return index.ids;
  if (typed.ids === null) {
    const order = typed.ranked.order;
    // Pre-sized and filled in order: measurably cheaper than push for tens of thousands of ids.
    const out: string[] = new Array(order.length);
    for (let k = 0; k < order.length; k++) out[k] = index.ids[order[k]];
    typed.ids = out;
  }
  return typed.ids;
}

/** Ids a SearchPage materialises up front: a screenful and then some. */
export const SEARCH_PAGE = 200;

/**
 * A search's answer as a list showing one page needs it: how many match, the first page's ids,
 * and the rest on demand. search() hands back every id (100 000 for a one-digit query), which
 * costs about as much as the search itself and is thrown away on the next keystroke.
 */
export interface SearchPage {
  /** Every hit, not just this page's. */
  readonly count: number;
  /** Ids of the first min(count, pageSize) hits, best first. */
  readonly ids: readonly string[];
  /** Ids of hits [from, to), best first: the pages after the first, as the list scrolls. */
  slice(from: number, to?: number): string[];
}

/**
 * search() one page at a time: the same hits in the same order (page after page gives exactly
 * search()'s array), with only the first `pageSize` ids made up front.
 */
export function searchPage(index: ContactSearchIndex, raw: string, pageSize = SEARCH_PAGE): SearchPage {
  const typed = lookup(index, raw);
  const ids = index.ids;
  const order = typed === null ? null : typed.ranked.order;
  const count = order === null ? ids.length : order.length;
  const slice = (from: number, to = count): string[] => {
    const a = Math.max(0, Math.min(count, from));
    const out: string[] = [];
    for (let k = a; k < Math.min(count, to); k++) out.push(ids[order === null ? k : order[k]]);
    return out;
  };
  return { count, ids: slice(0, pageSize), slice };
}

/**
 * Like search, as positions into index.ids; null for an empty query (everything, in order).
 * For a virtual list this skips building a string array per keystroke, which with 50 000 hits
 * costs about as much as the search itself.
 */
export function searchPositions(index: ContactSearchIndex, raw: string): Int32Array | null {
  return searchRanked(index, raw)?.order ?? null;
}

/** Hits in rank order, with where each ranking bucket ends: see searchRanked. */
export interface RankedHits {
  order: Int32Array;
  /**
   * Bucket b (tier and favourite, best first) is order[b === 0 ? 0 : ends[b - 1], ends[b]). Hits
   * of several indexes over consecutive slices of one list merge into the single index's order
   * by taking bucket 0 of each slice in turn, then bucket 1, and so on.
   */
  ends: readonly number[];
}

/** Like searchPositions, with the bucket boundaries; null for an empty query. */
export function searchRanked(index: ContactSearchIndex, raw: string): RankedHits | null {
  return lookup(index, raw)?.ranked ?? null;
}

/**
 * searchRanked without keeping the answer among the index's recent prefixes: for one index of
 * many whose merged answer the caller keeps instead (contact-search-view.ts). Small arrays kept
 * alive by every page's index are what the young-generation GC copies on each scavenge.
 */
export function searchRankedUnkept(index: ContactSearchIndex, raw: string): RankedHits | null {
  return lookup(index, raw, false)?.ranked ?? null;
}

/**
 * Answers for the prefixes of what is in the box, kept until it no longer starts with them:
 * after a backspace the box holds a query answered a moment ago (`zhangs` → `zhang` … `z`), and
 * the short ones are the costly ones (tens of thousands of hits). Bounded by hits held, as a
 * multiple of the index size; the shortest prefixes go first.
 */
const RECENT_MAX_HITS = 3;

/** The answer to raw, from the box's recent prefixes or computed (and then remembered). */
function lookup(index: ContactSearchIndex, raw: string, remember = true): Typed | null {
  const recent = index.recent;
  let keep = 0;
  while (keep < recent.length && raw.startsWith(recent[keep].raw)) keep++;
  recent.length = keep;
  const top = keep > 0 ? recent[keep - 1] : null;
  if (top !== null && top.raw === raw) {
    index.last = { q: top.q, hits: top.ranked.hits };
    return top;
  }
  const q = parsed(raw);
  if (q.text === '') {
    index.last = null;
    recent.length = 0;
    return null;
  }
  const prev = index.last;
  if (prev && prev.hits && narrows(prev.q, q) && prev.hits.length <= index.size * NARROW_MAX_SHARE) {
    narrowHits(index, q, prev.hits);
  } else scanAll(index, q);
  const ranked = collectRanked(index);
  index.last = { q, hits: ranked.hits };
  const typed: Typed = { raw, q, ranked, ids: null };
  if (!remember) {
    recent.length = 0;
    return typed;
  }
  recent.push(typed);
  let held = 0;
  for (const r of recent) held += r.ranked.order.length;
  while (recent.length > 1 && held > index.size * RECENT_MAX_HITS) held -= (recent.shift() as Typed).ranked.order.length;
  return typed;
}

/** A query typed in the box and its answer (ids: search()'s, made on first use). */
interface Typed {
  raw: string;
  q: Query;
  ranked: Ranked;
  ids: string[] | null;
}

/** Hits in index order, the same in rank order, and the end of each bucket in `order`. */
interface Ranked extends RankedHits {
  /** Null when there are too many to narrow from (see NARROW_MAX_SHARE). */
  hits: Int32Array | null;
}

/** Sets bit m in word o (matched at all) and in word o + t (with tier t) of a bitset group. */
function markSet(sets: Int32Array, o: number, t: number, m: number): void {
  sets[o] |= m;
  sets[o + t] |= m;
}

/** Records that contact c matched with tier t (its best tier is sorted out when collecting). */
function mark(bits: Int32Array, c: number, t: number): void {
  const w = (c >> 5) << 3;
  const m = 1 << (c & 31);
  bits[w] |= m; // word 0 of the eight: matched at all
  bits[w + t] |= m;
}

/** The best tier contact c has matched with so far in this scan, 0 = none. */
function bestTier(bits: Int32Array, c: number): number {
  const w = (c >> 5) << 3;
  const m = 1 << (c & 31);
  if ((bits[w] & m) === 0) return 0;
  for (let t = 1; t < 6; t++) if (bits[w + t] & m) return t;
  return 6;
}

/** Full scan, one pass per key kind; leaves each contact's tiers in index.bits. */
function scanAll(ix: ContactSearchIndex, q: Query): void {
  scanSubstring(ix.names, ix.nameStart, q.text, ix.bits);
  scanOrgs(ix, orgHits(ix, q));
  scanNotes(ix, q.spaced);
  if (q.digits.length === 1) scanOneDigit(ix, q.digits);
  else if (q.digits) scanDigits(ix, q.digits);
  if (q.py.length === 1) scanInitial(ix, q.py.charCodeAt(0) - 96);
  else if (q.py) scanSyllables(ix, pinyinQuery(q, ix.maxSyl));
  if (q.mixed) scanMixed(ix, q.mixed);
}

/** Entries in `hay` are separated by `\n`, which queries never contain, so hits never straddle. */
function scanSubstring(hay: string, starts: Int32Array, needle: string, bits: Int32Array): void {
  let e = 0;
  let pos = hay.indexOf(needle);
  while (pos !== -1) {
    while (starts[e + 1] <= pos) e++;
    mark(bits, e, positionTier(pos, starts[e], starts[e + 1] - 1, needle.length));
    // The first hit in an entry is its best, so go straight to the next entry.
    pos = hay.indexOf(needle, starts[e + 1]);
  }
}

function positionTier(pos: number, start: number, end: number, length: number): number {
  return pos !== start ? OTHER : pos + length === end ? EXACT : PREFIX;
}

/**
 * The distinct orgs that match: by text (substring) or by pinyin (consecutive syllable prefixes
 * from any syllable: `jijiu`, `jjzx` find 急救中心). Null when none does. There are few distinct
 * orgs (teams shared by thousands), so this is cheap next to a scan of the contacts.
 */
function orgHits(ix: ContactSearchIndex, q: Query): Uint8Array | null {
  const { orgs, orgStart, orgSyl } = ix;
  const count = orgSyl.length;
  let hit: Uint8Array | null = null;
  let o = 0;
  let pos = orgs.indexOf(q.spaced);
  while (pos !== -1) {
    while (orgStart[o + 1] <= pos) o++;
    (hit ??= new Uint8Array(count))[o] = 1;
    pos = orgs.indexOf(q.spaced, orgStart[o + 1]);
  }
  if (q.py) {
    for (let k = 0; k < count; k++) {
      if ((hit && hit[k]) || orgSyl[k].length === 0) continue;
      if (syllablesMatch(orgSyl[k], ix.orgPyText[k], q)) (hit ??= new Uint8Array(count))[k] = 1;
    }
  }
  return hit;
}

/**
 * Does q split into non-empty prefixes of consecutive syllables, starting at any syllable? A
 * view loaded in pages asks this for the same few orgs in every page's index, so the answers are
 * kept with the query, by the org's syllables.
 */
function syllablesMatch(syllables: readonly string[], key: string, q: Query): boolean {
  const known = q.orgPy.get(key);
  if (known !== undefined) return known;
  let found = false;
  for (let g = 0; g < syllables.length && !found; g++) found = syllables[g].charCodeAt(0) === q.py.charCodeAt(0) && syllablesFrom(syllables, q.py, 0, g);
  q.orgPy.set(key, found);
  return found;
}

function syllablesFrom(syllables: readonly string[], q: string, p: number, g: number): boolean {
  if (p === q.length) return true;
  if (g >= syllables.length) return false;
  const s = syllables[g];
  let l = 0;
  while (l < s.length && p + l < q.length && s.charCodeAt(l) === q.charCodeAt(p + l)) l++;
  for (let k = l; k > 0; k--) if (syllablesFrom(syllables, q, p + k, g + 1)) return true;
  return false;
}

/** Marks the members of matching orgs (an org match always ranks OTHER). */
function scanOrgs(ix: ContactSearchIndex, hit: Uint8Array | null): void {
  if (!hit) return;
  const { orgMembers, orgMemberStart, orgSet, orgSets, bits } = ix;
  const words = ix.favBits.length;
  for (let o = 0; o < hit.length; o++) {
    if (!hit[o]) continue;
    if (orgSet[o] >= 0) {
      for (let w = 0, at = orgSet[o] * words; w < words; w++, at++) {
        const m = orgSets[at];
        if (m === 0) continue;
        bits[w << 3] |= m;
        bits[(w << 3) + OTHER] |= m;
      }
    } else for (let k = orgMemberStart[o]; k < orgMemberStart[o + 1]; k++) mark(bits, orgMembers[k], OTHER);
  }
}

/** Notes by plain substring (an OTHER match: a note is not how a contact is named). */
function scanNotes(ix: ContactSearchIndex, text: string): void {
  const { notes, noteStart, noteOwner, bits } = ix;
  if (noteOwner.length === 0) return;
  let k = 0;
  let pos = notes.indexOf(text);
  while (pos !== -1) {
    while (noteStart[k + 1] <= pos) k++;
    mark(bits, noteOwner[k], OTHER);
    pos = notes.indexOf(text, noteStart[k + 1]);
  }
}

function noteMatches(ix: ContactSearchIndex, c: number, text: string): boolean {
  const k = ix.noteOf[c];
  return k >= 0 && rangeTier(ix.notes, ix.noteStart[k], ix.noteStart[k + 1] - 1, text) !== 0;
}

/**
 * Mixed queries (`张s`, `zhang三`, `张s丰`): candidates are the names holding the query's first
 * run of characters; each is then matched unit by unit (a character of the name is one syllable).
 */
function scanMixed(ix: ContactSearchIndex, tokens: readonly MixedToken[]): void {
  const first = tokens.find((t): t is { han: string } => 'han' in t) as { han: string };
  let run = first.han;
  for (let k = tokens.indexOf(first) + 1; k < tokens.length && 'han' in tokens[k]; k++) run += (tokens[k] as { han: string }).han;
  const { names, nameStart, bits } = ix;
  let e = 0;
  let pos = names.indexOf(run);
  while (pos !== -1) {
    while (nameStart[e + 1] <= pos) e++;
    const t = mixedTier(ix, e, tokens);
    if (t) mark(bits, e, t);
    pos = names.indexOf(run, nameStart[e + 1]);
  }
}

/**
 * The name's characters paired with its syllables: a Chinese character has one syllable, a latin
 * word as many as it spans (the names are kept without spaces), other characters none. Null when
 * they do not pair up (a character pinyin-pro had no reading for, damaged keys): no mixed match.
 */
function nameUnits(ix: ContactSearchIndex, c: number): Array<{ han: string; g: number }> | null {
  const from = ix.nameStart[c];
  const to = ix.nameStart[c + 1] - 1;
  const g0 = ix.firstSyl[c];
  const g1 = ix.altStart[c];
  const units: Array<{ han: string; g: number }> = [];
  let g = g0;
  for (let i = from; i < to;) {
    const code = ix.names.codePointAt(i) as number;
    const ch = String.fromCodePoint(code);
    if (code >= 0x61 && code <= 0x7a) {
      // A latin run: whole syllables of it, one after another.
      if (g >= g1) return null;
      const s = ix.sylStart[g];
      const len = ix.sylStart[g + 1] - s;
      if (!ix.names.startsWith(ix.py.slice(s, s + len), i)) return null;
      units.push({ han: '', g });
      g++;
      i += len;
    } else if (HAN.test(ch)) {
      if (g >= g1) return null;
      units.push({ han: ch, g });
      g++;
      i += ch.length;
    } else i += ch.length;
  }
  return g === g1 ? units : null;
}

function mixedTier(ix: ContactSearchIndex, c: number, tokens: readonly MixedToken[]): number {
  const units = nameUnits(ix, c);
  if (!units) return 0;
  const match = (t: number, p: number, u: number): boolean => {
    if (t === tokens.length) return true;
    if (u >= units.length) return false;
    const token = tokens[t];
    if ('han' in token) return units[u].han === token.han && match(t + 1, 0, u + 1);
    const s = ix.sylStart[units[u].g];
    const len = ix.sylStart[units[u].g + 1] - s;
    const q = token.letters;
    let l = 0;
    while (l < len && p + l < q.length && ix.py.charCodeAt(s + l) === q.charCodeAt(p + l)) l++;
    for (let k = l; k > 0; k--) if (p + k === q.length ? match(t + 1, 0, u + 1) : match(t, p + k, u + 1)) return true;
    return false;
  };
  for (let u = 0; u < units.length; u++) if (match(0, 0, u)) return u === 0 ? PREFIX : OTHER;
  return 0;
}

function scanOneDigit(ix: ContactSearchIndex, digits: string): void {
  const { bits, digitSets } = ix;
  const words = ix.favBits.length;
  for (let w = 0, o = (digits.charCodeAt(0) - 48) * words * 4; w < words; w++, o += 4) {
    if (digitSets[o] === 0) continue;
    const b = w << 3;
    bits[b] |= digitSets[o];
    bits[b + EXACT] |= digitSets[o + EXACT];
    bits[b + PREFIX] |= digitSets[o + PREFIX];
    bits[b + OTHER] |= digitSets[o + OTHER];
  }
}

/**
 * Two or more digits, a word of 32 contacts at a time. Two digits: the pair's sets give the
 * tiers outright (contains = OTHER, starts with = PREFIX), only a number of exactly two digits is
 * looked at. More: the AND of every pair's set rejects most contacts without touching their
 * numbers; survivors are verified.
 */
function scanDigits(ix: ContactSearchIndex, digits: string): void {
  const { bits, pairSets, pairStarts, twoDigits, numHead, firstNum } = ix;
  const words = twoDigits.length;
  const pairAt = (j: number): number => ((digits.charCodeAt(j - 1) - 48) * 10 + digits.charCodeAt(j) - 48) * words;
  if (digits.length === 2) {
    const o = pairAt(1);
    const exactHead = o / words + 128;
    for (let w = 0; w < words; w++) {
      const has = pairSets[o + w];
      if (has === 0) continue;
      const starts = pairStarts[o + w];
      let exact = 0;
      let x = has & twoDigits[w];
      while (x !== 0) {
        const low = x & -x;
        const c = (w << 5) + 31 - Math.clz32(low);
        for (let e = firstNum[c]; e < firstNum[c + 1]; e++) if (numHead[e] === exactHead) exact |= low;
        x ^= low;
      }
      // A number that is exactly the two digits also starts with them.
      const b = w << 3;
      bits[b] |= has;
      bits[b + EXACT] |= exact;
      bits[b + PREFIX] |= starts & ~exact;
      bits[b + OTHER] |= has & ~starts;
    }
    return;
  }
  const pairs: number[] = [];
  for (let j = 1; j < digits.length; j++) if (!pairs.includes(pairAt(j))) pairs.push(pairAt(j));
  for (let w = 0; w < words; w++) {
    let x = -1;
    for (let k = 0; k < pairs.length && x !== 0; k++) x &= pairSets[pairs[k] + w];
    while (x !== 0) {
      const low = x & -x;
      const c = (w << 5) + 31 - Math.clz32(low);
      const t = numbersTier(ix, c, digits);
      if (t) mark(bits, c, t);
      x ^= low;
    }
  }
}

function numbersTier(ix: ContactSearchIndex, c: number, digits: string): number {
  const { nums, numStart } = ix;
  const m = digits.length;
  const d0 = digits.charCodeAt(0);
  let t = 0;
  for (let e = ix.firstNum[c]; e < ix.firstNum[c + 1]; e++) {
    const start = numStart[e];
    const end = numStart[e + 1] - 1;
    for (let p = start; p + m <= end; p++) {
      if (nums[p] !== d0) continue;
      let j = 1;
      while (j < m && nums[p + j] === digits.charCodeAt(j)) j++;
      if (j === m) {
        const nt = positionTier(p, start, end, m);
        if (!t || nt < t) t = nt;
        break;
      }
    }
  }
  return t;
}

/** Substring test bounded to hay[start, end) — indexOf could run far past `end` on a miss. */
function rangeTier(hay: string, start: number, end: number, needle: string): number {
  const m = needle.length;
  for (let p = start; p + m <= end; p++) {
    let j = 0;
    while (j < m && hay.charCodeAt(p + j) === needle.charCodeAt(j)) j++;
    if (j === m) return positionTier(p, start, end, m);
  }
  return 0;
}

/** The query's PinyinQuery, made for at least maxSyl syllables. */
function pinyinQuery(q: Query, maxSyl: number): PinyinQuery {
  if (q.pinyin === null || q.pinyin.maxSyl < maxSyl) q.pinyin = new PinyinQuery(q.py, maxSyl);
  return q.pinyin;
}

/** Per-query tables for syllable matching. */
class PinyinQuery {
  readonly q: string;
  /** pack6 of q at every position. */
  readonly codes: Int32Array;
  /**
   * next[l]: letters the second segment may start with when the first segment can be up to l
   * letters (a bit per letter of q[1..l]); rejects most candidates before any real matching.
   */
  readonly next: Int32Array;
  readonly memo: FailMemo;
  readonly maxSyl: number;
  constructor(q: string, maxSyl: number) {
    this.q = q;
    this.maxSyl = maxSyl;
    this.codes = new Int32Array(q.length);
    this.next = new Int32Array(q.length + 1);
    for (let p = 0; p < q.length; p++) this.codes[p] = pack6(q, p, Math.min(6, q.length - p));
    for (let l = 1; l < q.length; l++) this.next[l] = this.next[l - 1] | (1 << (q.charCodeAt(l) - 96));
    this.next[q.length] = this.next[q.length - 1];
    this.memo = new FailMemo(q.length, maxSyl);
  }
}

/** Common prefix length of syllable g and q[p..], capped at the query's remainder. */
function lcp(ix: ContactSearchIndex, pq: PinyinQuery, p: number, g: number): number {
  let l = LCP_BY_CLZ[Math.clz32((ix.head[g] ^ pq.codes[p]) & LETTERS)];
  const rest = pq.q.length - p;
  if (l >= rest) return rest;
  if (l === 6) {
    // A latin word longer than six letters: compare the rest the slow way.
    const s = ix.sylStart[g];
    const len = ix.sylStart[g + 1] - s;
    while (l < len && l < rest && ix.py.charCodeAt(s + l) === pq.q.charCodeAt(p + l)) l++;
  }
  return l;
}

/**
 * Does q match starting at syllable g? Each query segment is a non-empty prefix of one syllable,
 * on consecutive syllables: `zhangsf` = zhang|s|f, `zsanf` = z|san|f. The cheap tests come
 * first: this runs for every syllable with the query's initial.
 */
function matchesAt(ix: ContactSearchIndex, pq: PinyinQuery, g: number): boolean {
  const h = ix.head[g];
  if ((h ^ pq.codes[0]) & (31 << 25)) return false;
  const l = lcp(ix, pq, 0, g);
  if (l === pq.q.length) return true;
  if (h & IS_LAST || (pq.next[l] & (1 << ((ix.head[g + 1] >>> 25) & 31))) === 0) return false;
  pq.memo.reset();
  return matchFrom(ix, pq, 0, g, g);
}

/** Longest segment first (whole syllables are the common case); failures memoised. */
function matchFrom(ix: ContactSearchIndex, pq: PinyinQuery, p: number, g: number, g0: number): boolean {
  if (p === pq.q.length) return true;
  // Ran past the contact's last syllable?
  if (g >= ix.head.length || (g > g0 && ix.head[g] & IS_FIRST)) return false;
  if (pq.memo.failed(p, g - g0)) return false;
  for (let k = lcp(ix, pq, p, g); k > 0; k--) {
    if (matchFrom(ix, pq, p + k, g + 1, g0)) return true;
  }
  pq.memo.fail(p, g - g0);
  return false;
}

/** Tier of a match of contact c found at syllable g (another reading's tiers come after all others). */
function syllableTier(ix: ContactSearchIndex, q: string, c: number, g: number): number {
  const alt = g >= ix.altStart[c] ? ALT : 0;
  if (!(ix.head[g] & IS_FIRST)) return OTHER + alt;
  return chainTier(ix, q, g, alt ? chainEnd(ix, g) : ix.altStart[c]) + alt;
}

/** One past the last syllable of the chain holding g. */
function chainEnd(ix: ContactSearchIndex, g: number): number {
  while (!(ix.head[g] & IS_LAST)) g++;
  return g + 1;
}

/** EXACT when q is the whole chain from g (its first syllable) or all its initials, else PREFIX. */
function chainTier(ix: ContactSearchIndex, q: string, g: number, end: number): number {
  const s = ix.sylStart[g];
  if (q.length === ix.sylStart[end] - s && ix.py.startsWith(q, s)) return EXACT;
  if (q.length !== end - g) return PREFIX;
  for (let k = 0; k < q.length; k++) if (q.charCodeAt(k) - 96 !== ((ix.head[g + k] >>> 25) & 31)) return PREFIX;
  return EXACT;
}

/**
 * Skip syllable g of contact c, whose best tier so far is t? Only when g cannot beat t: a later
 * syllable gives OTHER (another reading's OTHER + ALT), another reading's first at best EXACT +
 * ALT, and nothing beats EXACT. Holds whatever order the syllables are visited in.
 */
function cannotBeat(t: number, h: number, alt: boolean): boolean {
  if (t === 0) return false;
  if (t === EXACT) return true;
  if (!(h & IS_FIRST)) return t <= OTHER + (alt ? ALT : 0);
  return alt && t <= EXACT + ALT;
}

/**
 * Only syllables a match can start at are visited: for one letter every syllable with that
 * initial; for more, those beginning with the query's first two letters, then those beginning
 * with its first letter and followed by a syllable beginning with its second.
 */
function scanSyllables(ix: ContactSearchIndex, pq: PinyinQuery): void {
  const { bits, byInitial, bySplit, head, sylOwner, altStart } = ix;
  const q = pq.q;
  const letter = q.charCodeAt(0) - 96;
  const second = q.length > 1 ? q.charCodeAt(1) - 96 : -1;
  const from = second < 0 ? ix.initialStart[letter] : ix.prefixStart[letter * 27 + second];
  const end = second < 0 ? ix.initialStart[letter + 1] : ix.prefixStart[letter * 27 + second + 1];
  // Then the query's first letter a whole segment, the next syllable taking it on (bySplit):
  // those whose second letter is the query's were visited in the first part.
  const splitFrom = second < 0 ? 0 : ix.splitStart[letter * 27 + second];
  const splitEnd = second < 0 ? 0 : ix.splitStart[letter * 27 + second + 1];
  for (let k = from, s = splitFrom; k < end || s < splitEnd;) {
    const split = k >= end;
    const g = split ? bySplit[s++] : byInitial[k++];
    const h = head[g];
    if (split && ((h >>> 20) & 31) === second) continue;
    const c = sylOwner[g];
    if (cannotBeat(bestTier(bits, c), h, g >= altStart[c])) continue;
    if (matchesAt(ix, pq, g)) mark(bits, c, syllableTier(ix, q, c, g));
  }
}

/** scanSyllables for a one-letter query, from the letter's ready tiers (see letterSets). */
function scanInitial(ix: ContactSearchIndex, letter: number): void {
  const { bits, letterSets } = ix;
  const length = bits.length;
  for (let k = 0, o = letter * length; k < length; k++, o++) {
    const x = letterSets[o];
    if (x !== 0) bits[k] |= x;
  }
}

/**
 * Re-checks only the previous hits, contact by contact, with the same rules as scanAll; leaves
 * the tiers in index.bits, like scanAll.
 */
function narrowHits(ix: ContactSearchIndex, q: Query, prevHits: Int32Array): void {
  const pq = q.py ? pinyinQuery(q, ix.maxSyl) : null;
  const orgHit = orgHits(ix, q);
  for (let k = 0; k < prevHits.length; k++) {
    const c = prevHits[k];
    let t = rangeTier(ix.names, ix.nameStart[c], ix.nameStart[c + 1] - 1, q.text);
    if (t !== EXACT && q.digits) {
      const nt = numbersTier(ix, c, q.digits);
      if (nt && (!t || nt < t)) t = nt;
    }
    if (t !== EXACT && pq) {
      for (let g = ix.firstSyl[c]; g < ix.firstSyl[c + 1]; g++) {
        if (matchesAt(ix, pq, g)) {
          const st = syllableTier(ix, pq.q, c, g);
          if (!t || st < t) t = st;
          break;
        }
      }
    }
    if (t !== EXACT && q.mixed) {
      const mt = mixedTier(ix, c, q.mixed);
      if (mt && (!t || mt < t)) t = mt;
    }
    if ((!t || t > OTHER) && ((orgHit && orgHit[ix.orgOf[c]]) || noteMatches(ix, c, q.spaced))) t = OTHER;
    if (t) mark(ix.bits, c, t);
  }
}

/**
 * Failed (query position, syllable offset) pairs: `aaaa…b` against many `aaa` syllables would
 * otherwise explore every split. Reset is O(1) by bumping a stamp.
 */
class FailMemo {
  private readonly marks: Uint32Array;
  private readonly width: number;
  private stamp = 0;
  constructor(queryLength: number, maxSyl: number) {
    this.width = maxSyl + 1;
    this.marks = new Uint32Array((queryLength + 1) * this.width);
  }
  reset(): void {
    this.stamp++;
  }
  failed(p: number, g: number): boolean {
    return this.marks[p * this.width + g] === this.stamp;
  }
  fail(p: number, g: number): void {
    this.marks[p * this.width + g] = this.stamp;
  }
}

const NO_HITS = new Int32Array(0);

/** A copy of a[0, length); no new buffer for none (most pages of a view have no hit for a narrow query). */
const sliceOf = (a: Int32Array, length: number): Int32Array => (length === 0 ? NO_HITS : a.slice(0, length));

/** Appends the contacts of bits x (word base / 32) to out from k on, ascending; returns the new k. */
function extractBits(x: number, base: number, out: Int32Array, k: number): number {
  if (x === -1) {
    // A run of 32 hits (one-letter and one-digit queries hit most contacts).
    for (let j = 0; j < 32; j++) out[k++] = base + j;
    return k;
  }
  while (x !== 0) {
    const low = x & -x;
    out[k++] = base + 31 - Math.clz32(low);
    x ^= low;
  }
  return k;
}

/**
 * After a full scan: the hits in rank order, read off the tier bitsets a word at a time (n / 32
 * words per tier, empty words skipped). First each contact keeps only its best tier; then tier
 * by tier, favourites and then the others, the set bits come out in index order, which is the
 * rank order with no sort. Also the hits in index order, when the next keystroke may narrow
 * them. Clears the bitsets for the next query.
 */
function collectRanked(ix: ContactSearchIndex): Ranked {
  const { bits, favBits, scratch } = ix;
  const words = favBits.length;
  let used = 0;
  for (let w = 0; w < words; w++) {
    const o = w << 3;
    if (bits[o] === 0) continue;
    let taken = 0;
    for (let t = 1; t <= 6; t++) {
      const x = bits[o + t] & ~taken;
      bits[o + t] = x;
      taken |= x;
      if (x !== 0) used |= 1 << t;
    }
  }
  // Small and short-lived: a plain array, not one more ArrayBuffer per index per keystroke (a
  // view in pages collects 26 times per keystroke, and buffers cost the garbage collector more).
  const ends: number[] = [0, 0];
  let total = 0;
  // Bucket b is tier b >> 1, favourites (b even) and then the others (b odd, clearing the tier).
  for (let b = 2; b < RANK_BUCKETS; b++) {
    const t = b >> 1;
    const others = -(b & 1);
    if (used & (1 << t)) {
      for (let w = 0; w < words; w++) {
        const o = (w << 3) + t;
        const x = bits[o] & (favBits[w] ^ others);
        if (others) bits[o] = 0;
        if (x !== 0) total = extractBits(x, w << 5, scratch, total);
      }
    }
    ends.push(total);
  }
  const order = sliceOf(scratch, total);
  // Kept only when the next keystroke may narrow them (see lookup): copying tens of thousands
  // of hits that will never be used is pure garbage.
  const keep = total <= ix.size * NARROW_MAX_SHARE;
  let k = 0;
  for (let w = 0; w < words; w++) {
    const o = w << 3;
    const x = bits[o];
    if (x === 0) continue;
    bits[o] = 0;
    if (keep) k = extractBits(x, w << 5, scratch, k);
  }
  return { hits: keep ? sliceOf(scratch, k) : null, order, ends };
}
