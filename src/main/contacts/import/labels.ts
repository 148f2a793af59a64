/**
 * Number labels as other tools write them (vCard TYPE=CELL, Google's "Mobile", Outlook's "Business
 * Phone 2") in the dispatcher's words: the same labels the contact editor offers, in the UI language.
 * A label we do not know is kept as the file wrote it.
 */
import { CONTACT_LABEL_MAX } from '../../../shared/contact-limits';
import { translate, type Language, type PlainKey } from '../../../shared/i18n';
import { oneLine } from '../field-text';

/** Words that say how a number is reached, not whose it is: never a label by themselves. */
const NOISE = new Set(['voice', 'pref', 'internet', 'text', 'msg', 'video', 'uri', 'tel', 'phone', 'x', 'type', 'value', 'number', 'primary']);

const KNOWN: readonly [readonly string[], PlainKey][] = [
  [['cell', 'mobile', 'cellular', 'iphone', 'mobilephone', 'cellphone'], 'contacts.labelMobile'],
  [['work', 'business', 'office', 'businessphone', 'workphone', 'company'], 'contacts.labelOffice'],
  [['home', 'residence', 'homephone', 'private'], 'contacts.labelHome'],
  [['main', 'companymain', 'companymainphone', 'mainphone'], 'importSource.label.main'],
  [['car', 'carphone'], 'importSource.label.car'],
  [['assistant', 'assistantsphone', 'assistantphone'], 'importSource.label.assistant'],
  [['other', 'otherphone'], 'importSource.label.other'],
];
const KNOWN_BY_WORD = new Map(KNOWN.flatMap(([words, key]) => words.map((w) => [w, key] as const)));

const key = (w: string) =>
  w
    .toLowerCase()
    .replace(/^\*\s*/, '')
    .replace(/^x-/, '')
    .replace(/[\s'’_.\-\d]/g, '');

/** A fax line cannot take a call: such a number is left out. */
export function isFaxLabel(words: readonly string[]): boolean {
  return words.some((w) => /fax|传真/i.test(w));
}

/**
 * One label from the words a file gives a number (a vCard's TYPE list, a Google type cell, an
 * Outlook header). Known words are translated; the first other word is kept as written.
 */
export function numberLabel(words: readonly string[], lang: Language): string {
  let kept = '';
  for (const word of words) {
    const k = key(word);
    if (k === '' || NOISE.has(k)) continue;
    const known = KNOWN_BY_WORD.get(k);
    if (known) return translate(lang, known);
    if (kept === '') kept = oneLine(word.replace(/^\*\s*/, '').replace(/^x-/i, ''));
  }
  return Array.from(kept).slice(0, CONTACT_LABEL_MAX).join('');
}
