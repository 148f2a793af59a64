/**
 * Tidying and checking of the free-text fields of contacts, groups and rosters. Shared by the
 * contact, group and roster rules so every field fails with the same kind of sentence.
 */
import { quoteValue } from '../../shared/phone';
import { msg, type Message } from '../../shared/i18n';
import { failWith, type Failure } from '../../shared/result';

/** The English sentence doubles as `message`, so logs name the problem too. */
export function invalidField(field: string, detail: Message): Failure {
  return failWith('invalid_input', detail, { field });
}

// Control characters would break CSV rows and the search index's line separator; in one-line
// fields they become spaces, in notes only line breaks and tabs survive.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROL_BUT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069), marks, zero-width spaces, the BOM,
 * soft hyphens: invisible, and able to show a name as another (U+202E turns "evil" around). All
 * format characters go except the zero-width (non-)joiner, which emoji and some scripts need and
 * which cannot reorder text.
 */
const FORMAT = /(?![\u200c\u200d])\p{Cf}/gu;

export function oneLine(s: string): string {
  return s.replace(FORMAT, '').replace(CONTROL, ' ').trim();
}

export function multiLine(s: string): string {
  return s.replace(FORMAT, '').replace(CONTROL_BUT_BREAKS, '').replace(/\r\n?/g, '\n').trim();
}

/** Code points, not UTF-16 units: 64 Chinese characters are 64 characters to a dispatcher. */
export function textLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function tooLong(field: string, name: Message, value: string, max: number): Failure | null {
  const length = textLength(value);
  if (length <= max) return null;
  return invalidField(field, msg('field.tooLong', { name, value: quoteValue(value), length, max }));
}

/** A required one-line field: tidied, non-empty, within `max`. */
export function requiredLine(field: string, name: Message, raw: unknown, max: number): { ok: true; value: string } | Failure {
  const value = typeof raw === 'string' ? oneLine(raw) : '';
  if (value === '') {
    return invalidField(field, msg('field.required', { name }));
  }
  return tooLong(field, name, value, max) ?? { ok: true, value };
}

/** An optional one-line field: tidied (absent = empty), within `max`. */
export function optionalLine(field: string, name: Message, raw: unknown, max: number): { ok: true; value: string } | Failure {
  const value = typeof raw === 'string' ? oneLine(raw) : '';
  return tooLong(field, name, value, max) ?? { ok: true, value };
}
