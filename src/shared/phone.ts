/**
 * Phone number normalisation for the Yunxin ECP API, which wants mainland China numbers as bare
 * domestic digits (`13800138000`, `01065529988`, `4008100000`) without any country code.
 *
 * Pure TypeScript on purpose: the renderer runs it on every keystroke for instant feedback, main
 * runs it again as the authority, and CSV import runs it on tens of thousands of rows.
 *
 * Range/length knowledge comes from libphonenumber-js's *max* metadata (the /min build only checks
 * lengths and would accept numbers like `12345678901`), cut down to +86 by
 * scripts/phone-metadata.mjs: the whole world's metadata was a third of the renderer's first
 * screen, and no other country is ever parsed here (foreign prefixes are refused before parsing).
 */
import { parsePhoneNumberFromString as parseWithMetadata, type MetadataJson } from 'libphonenumber-js/core';
import chinaMetadata from './phone-metadata.cn.json';
import type { PhoneNumber } from './domain';
import { msg, type Message } from './i18n';

export type PhoneKind = 'mobile' | 'fixed' | 'tollfree';
export type PhoneFailureReason = 'empty' | 'letters' | 'foreign' | 'too_short' | 'too_long' | 'invalid';

export type PhoneParse = { ok: true; number: PhoneNumber; kind: PhoneKind } | { ok: false; reason: PhoneFailureReason; input: string };

export type PhoneParseFailure = Extract<PhoneParse, { ok: false }>;

/**
 * No real number, even with `+86`, spaces and dashes, comes near this; checking the raw length
 * first keeps fuzzed or pasted megabyte strings from costing anything.
 */
export const PHONE_INPUT_MAX_LENGTH = 64;

/**
 * The longest national significant number (no trunk 0, no country code) we can accept: 11 digits
 * for mobiles and for `0571 8888 6666`-style fixed lines.
 */
const MAX_NSN_LENGTH = 11;

/** 400 (libphonenumber: SHARED_COST) and 800 (TOLL_FREE) hotline numbers, always 10 digits. */
const HOTLINE_PATTERN = /^[48]00\d{7}$/;

/** Letters in any script, so `138abc` or `转 8001` reports "letters" rather than a vague "invalid". */
const LETTER_PATTERN = /\p{L}/u;

type Accepted = { number: PhoneNumber; kind: PhoneKind };

const METADATA = chinaMetadata as unknown as MetadataJson;
const parsePhoneNumberFromString = (text: string) => parseWithMetadata(text, METADATA);

export function normalizePhone(input: string): PhoneParse {
  if (typeof input !== 'string' || input.length > PHONE_INPUT_MAX_LENGTH) return normalizeGuarded(input);
  // The same few numbers are checked over and over (the dispatcher's own number on every call,
  // the callee by the renderer and again by main and the client); libphonenumber's full metadata
  // makes each check cost tens of microseconds and garbage. Results are pure and frozen.
  const cached = recent.get(input);
  if (cached) return cached;
  const parsed = Object.freeze(normalizeGuarded(input));
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(input, parsed);
  return parsed;
}

const RECENT_LIMIT = 256;
const recent = new Map<string, PhoneParse>();

function normalizeGuarded(input: string): PhoneParse {
  try {
    return normalizeUnsafe(input);
  } catch {
    // Never reached in our tests, but the renderer calls this on every keystroke and CSV import on
    // every row: a library surprise must become a rejection, not an exception.
    return fail('invalid', typeof input === 'string' ? input : '');
  }
}

function normalizeUnsafe(input: string): PhoneParse {
  if (typeof input !== 'string') return fail('invalid', '');
  if (input.length > PHONE_INPUT_MAX_LENGTH) return fail('too_long', input);

  const scanned = scan(input);
  if (scanned.problem) return fail(scanned.problem, input);
  const { digits, plus } = scanned;
  if (digits === '') return fail(scanned.onlySpace ? 'empty' : 'invalid', input);

  // Work out the domestic part. Only +86 / 0086 / a bare 86 before a mobile mean China; any other
  // international prefix is a foreign number, which the ECP platform cannot ring.
  let domestic: string;
  let international = false;
  if (plus) {
    if (!digits.startsWith('86')) return fail(digits.length < 2 ? 'too_short' : 'foreign', input);
    domestic = digits.slice(2);
    international = true;
  } else if (digits.startsWith('00')) {
    if (digits.length <= 2) return fail('too_short', input);
    if (!digits.startsWith('0086')) return fail('foreign', input);
    domestic = digits.slice(4);
    international = true;
  } else if (digits.length === 13 && digits.startsWith('86')) {
    // `86 13800138000` (country code without the plus) is common in exported contact lists. No
    // domestic number starts with 86 (mobiles start with 1, fixed lines with 0), but we still only
    // strip it in front of a valid mobile, the one shape where this reading is unambiguous.
    const mobile = accept(digits.slice(2), false, true);
    if (mobile && mobile.kind === 'mobile') return { ok: true, ...mobile };
    domestic = digits;
  } else {
    domestic = digits;
  }

  // A leading 0 is the domestic trunk prefix (fixed lines: `010…`, `0571…`). People also type it
  // after +86 (`+86 (0)10 …`), so strip it in both cases and remember that it was there.
  const trunk = domestic.startsWith('0');
  const nsn = trunk ? domestic.slice(1) : domestic;
  const accepted = accept(nsn, trunk, international);
  if (accepted) return { ok: true, ...accepted };
  return fail(whyRejected(nsn, trunk, international), input);
}

/**
 * Decides whether a national significant number (no country code, no trunk 0) is a number we
 * can dial, and returns the digits of its national format.
 */
function accept(nsn: string, trunk: boolean, international: boolean): Accepted | null {
  if (nsn.length === 0 || nsn.length > MAX_NSN_LENGTH) return null;
  // Parsing with an explicit +86 makes libphonenumber skip its own prefix guessing for the parts
  // we have already handled (country code, trunk prefix).
  const parsed = parsePhoneNumberFromString(`+86${nsn}`);
  // libphonenumber silently strips carrier-selection codes (`17951 138…` → `138…`) and a further
  // trunk 0 (`+86 0010…`): insist that it kept exactly the digits we gave it, so we never dial
  // something other than what was typed.
  if (!parsed || parsed.countryCallingCode !== '86' || parsed.nationalNumber !== nsn) return null;
  // getType() is undefined unless the number matches one of the country's valid ranges, so it
  // doubles as the validity check (calling isValid() too would match the patterns twice).
  switch (parsed.getType()) {
    case 'MOBILE':
      // `0` + mobile is how out-of-town mobiles used to be dialled from landlines; no area code
      // starts with 01 other than 010, so this is unambiguous. The API wants the mobile alone.
      return { number: nsn, kind: 'mobile' };
    case 'FIXED_LINE':
      // Domestically a fixed line needs its trunk 0 (`1065529988` is more likely a mobile missing
      // a digit than Beijing without its 0). After +86 the 0 is rightly omitted.
      if (!trunk && !international) return null;
      // National format = trunk 0 + area code + local number, e.g. `010 6552 9988`.
      return { number: `0${nsn}`, kind: 'fixed' };
    case 'TOLL_FREE':
    case 'SHARED_COST':
      // libphonenumber calls 400 numbers SHARED_COST and 800 numbers TOLL_FREE; SHARED_COST also
      // covers 950xxxxxxx and 1010xxxx service codes, which are not hotline numbers we should ring.
      // Hotlines have no trunk 0 and their national format is the bare 10 digits.
      if (trunk || !HOTLINE_PATTERN.test(nsn)) return null;
      return { number: nsn, kind: 'tollfree' };
    default:
      return null;
  }
}

/**
 * Only called for rejected numbers, so it can afford a couple of extra parses: a number that
 * becomes valid with one digit more or less is "too short"/"too long", which tells a dispatcher
 * far more than "invalid".
 */
function whyRejected(nsn: string, trunk: boolean, international: boolean): PhoneFailureReason {
  if (nsn.length === 0) return 'too_short';
  if (nsn.length > MAX_NSN_LENGTH + 1) return 'too_long';
  if (accept(nsn.slice(0, -1), trunk, international)) return 'too_long';
  if (nsn.length > MAX_NSN_LENGTH) return 'too_long';
  if (accept(`${nsn}0`, trunk, international) || accept(`${nsn}5`, trunk, international)) return 'too_short';
  // Mobiles are exactly 11 digits: a shorter 1… is a mobile with digits missing.
  if (!trunk && nsn.startsWith('1') && nsn.length < 11) return 'too_short';
  // Shorter than any area code + local number (or hotline).
  if (nsn.length < 9) return 'too_short';
  return 'invalid';
}

interface Scanned {
  digits: string;
  plus: boolean;
  /** Nothing but whitespace / invisible characters. */
  onlySpace: boolean;
  problem?: 'letters' | 'invalid';
}

/**
 * One pass over the input: collects ASCII digits (full-width ones converted), notes a leading
 * plus, skips the separators people type, and flags anything else.
 */
function scan(input: string): Scanned {
  let digits = '';
  let plus = false;
  let onlySpace = true;
  let letters = false;
  let other = false;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      digits += String.fromCharCode(c);
      onlySpace = false;
    } else if (c >= 0xff10 && c <= 0xff19) {
      // Full-width digits from a Chinese IME.
      digits += String.fromCharCode(c - 0xff10 + 0x30);
      onlySpace = false;
    } else if (isSpaceOrInvisible(c)) {
      // skip
    } else if (isSeparator(c)) {
      onlySpace = false;
    } else if (c === 0x2b || c === 0xff0b || c === 0xfe62) {
      onlySpace = false;
      // A plus is only meaningful before the first digit (`+86 …`, `(+86) …`), and only once.
      if (plus || digits !== '') other = true;
      plus = true;
    } else {
      onlySpace = false;
      // Look at the whole code point so astral letters (and lone surrogates) are judged correctly.
      const cp = input.codePointAt(i) ?? c;
      if (cp > 0xffff) i++;
      if (LETTER_PATTERN.test(String.fromCodePoint(cp))) letters = true;
      else other = true;
    }
  }
  return { digits, plus, onlySpace, problem: letters ? 'letters' : other ? 'invalid' : undefined };
}

/** Whitespace (incl. the ideographic space U+3000) and invisible format characters (bidi marks
 * phones add when copying a number, zero-width spaces from Word/Excel, BOM). */
function isSpaceOrInvisible(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0xad ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202f) ||
    (c >= 0x205f && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Dashes, dots and parentheses, ASCII and full-width. `/` is deliberately absent: it usually separates two numbers. */
function isSeparator(c: number): boolean {
  return (
    c === 0x2d || // -
    c === 0x2e || // .
    c === 0x28 || // (
    c === 0x29 || // )
    (c >= 0x2010 && c <= 0x2015) || // hyphens and dashes
    c === 0x2212 || // minus sign
    c === 0xfe58 || // small em dash
    c === 0xfe63 || // small hyphen-minus
    c === 0xff0d || // full-width hyphen-minus
    c === 0xff0e || // full-width full stop
    c === 0xff08 || // full-width (
    c === 0xff09 // full-width )
  );
}

function fail(reason: PhoneFailureReason, input: string): PhoneParseFailure {
  return { ok: false, reason, input };
}

/** How much of the typed value to quote back: enough to recognise it, never a pasted novel. */
const QUOTE_MAX = 40;

/** Control characters, bidi overrides (which could visually reorder our sentence) and lone surrogates. */
const UNSAFE_IN_QUOTE =
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A typed value as it is safe to quote in a message: cleaned, trimmed, truncated. Shared with
 * validation.ts so every message quotes user input the same way.
 */
export function quoteValue(input: string): string {
  // Cut first so a pasted megabyte costs nothing; a pair split here is removed as a lone surrogate.
  const cleaned = input
    .slice(0, QUOTE_MAX * 4)
    .replace(UNSAFE_IN_QUOTE, '')
    .trim();
  const chars = Array.from(cleaned.length > QUOTE_MAX * 2 ? cleaned.slice(0, QUOTE_MAX * 2) : cleaned);
  return chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX).join('')}…` : chars.join('');
}

/** A sentence for the dispatcher naming the rejected number and what is wrong with it. */
export function phoneErrorText(p: PhoneParseFailure): Message {
  const value = quoteValue(p.input);
  switch (p.reason) {
    case 'empty':
      return msg('phoneRule.empty');
    case 'letters':
      return msg('phoneRule.letters', { value });
    case 'foreign':
      return msg('phoneRule.foreign', { value });
    case 'too_short':
      return msg('phoneRule.tooShort', { value });
    case 'too_long':
      return msg('phoneRule.tooLong', { value });
    case 'invalid':
    default:
      return msg('phoneRule.invalid', { value });
  }
}
