/**
 * What makes a contact storable, once: main (the authority, on save and restore), the contact
 * editor (instant feedback) and the import (per row) all run these rules and only turn the coded
 * problems into their own words (contact-problem-text.ts has the common sentences).
 */
import {
  CONTACT_GROUPS_MAX,
  CONTACT_LABEL_MAX,
  CONTACT_NAME_MAX,
  CONTACT_NOTES_MAX,
  CONTACT_NUMBERS_MAX,
  CONTACT_ORG_MAX,
  GROUP_NAME_MAX,
} from './contact-limits';
import type { ContactNumber, PhoneNumber } from './domain';
import type { PhoneKind, PhoneParseFailure } from './phone';
import { parseDialable } from './phone-extension';
import { multiLine, oneLine, textLength } from './text-fields';

export type ContactTextField = 'name' | 'org' | 'notes';

export type ContactProblem =
  | { code: 'name_missing'; field: 'name' }
  | { code: 'too_long'; field: ContactTextField; value: string; length: number; max: number }
  | { code: 'label_too_long'; field: 'numbers'; index: number; value: string; length: number; max: number }
  | { code: 'no_number'; field: 'numbers' }
  | { code: 'too_many_numbers'; field: 'numbers'; count: number; max: number }
  /** `index`: position among the numbers as given (0-based). */
  | { code: 'number_invalid'; field: 'numbers'; index: number; phone: PhoneParseFailure }
  | { code: 'number_repeated'; field: 'numbers'; index: number; first: number; typed: string; number: PhoneNumber }
  | { code: 'group_name_too_long'; field: 'groups'; name: string; max: number };

/** A number as typed: `number` may carry its extension (`0571-88886666 转 123`); `extension` may be given apart. */
export interface TypedNumber {
  label: string;
  number: string;
  extension?: string;
}

export interface ContactFieldsInput {
  name: string;
  numbers: readonly TypedNumber[];
  org?: string;
  notes?: string;
  /** Group names, for a contact whose groups are named (the import); ids are main's business. */
  groupNames?: readonly string[];
}

export interface CheckedContactFields {
  name: string;
  /** The valid numbers, normalised, each once (a repeat is a problem and left out). */
  numbers: ContactNumber[];
  org: string;
  notes: string;
  groupNames: string[];
}

/** One number: its main number and extension, or why it cannot be dialled. */
export function checkNumber(typed: TypedNumber): { ok: true; number: ContactNumber; kind: PhoneKind } | { ok: false; phone: PhoneParseFailure } {
  const given = typed.extension?.trim() ?? '';
  // A separate extension field is joined with its marker so one parser reads both spellings.
  const parsed = parseDialable(given === '' ? typed.number : `${typed.number} 转 ${given}`);
  if (!parsed.ok) return { ok: false, phone: parsed };
  const number: ContactNumber = { label: oneLine(typed.label), number: parsed.number };
  if (parsed.extension) number.extension = parsed.extension;
  return { ok: true, number, kind: parsed.kind };
}

/**
 * Tidies the fields and lists every problem (not just the first), so the editor can mark each
 * field and the import can keep a row whose one bad number is only a warning.
 */
export function checkContactFields(input: ContactFieldsInput): { fields: CheckedContactFields; problems: ContactProblem[] } {
  const problems: ContactProblem[] = [];
  const name = oneLine(input.name);
  const org = oneLine(input.org ?? '');
  const notes = multiLine(input.notes ?? '');
  if (name === '') problems.push({ code: 'name_missing', field: 'name' });
  for (const [field, value, max] of [
    ['name', name, CONTACT_NAME_MAX],
    ['org', org, CONTACT_ORG_MAX],
    ['notes', notes, CONTACT_NOTES_MAX],
  ] as const) {
    const length = textLength(value);
    if (length > max) problems.push({ code: 'too_long', field, value, length, max });
  }

  const filled = input.numbers.filter((n) => n.number.trim() !== '');
  if (filled.length === 0) problems.push({ code: 'no_number', field: 'numbers' });
  if (filled.length > CONTACT_NUMBERS_MAX) problems.push({ code: 'too_many_numbers', field: 'numbers', count: filled.length, max: CONTACT_NUMBERS_MAX });
  const numbers: ContactNumber[] = [];
  const firstAt = new Map<PhoneNumber, number>();
  input.numbers.forEach((typed, index) => {
    if (typed.number.trim() === '') return;
    const label = oneLine(typed.label);
    const labelLength = textLength(label);
    if (labelLength > CONTACT_LABEL_MAX)
      problems.push({ code: 'label_too_long', field: 'numbers', index, value: label, length: labelLength, max: CONTACT_LABEL_MAX });
    const checked = checkNumber(typed);
    if (!checked.ok) {
      problems.push({ code: 'number_invalid', field: 'numbers', index, phone: checked.phone });
      return;
    }
    // The same line with another extension is another person's desk: both are kept.
    const key = `${checked.number.number}#${checked.number.extension ?? ''}`;
    const first = firstAt.get(key);
    if (first !== undefined) {
      problems.push({ code: 'number_repeated', field: 'numbers', index, first, typed: typed.number, number: checked.number.number });
      return;
    }
    firstAt.set(key, index);
    numbers.push(checked.number);
  });

  const groupNames = [...new Set((input.groupNames ?? []).map(oneLine).filter(Boolean))].slice(0, CONTACT_GROUPS_MAX);
  const longGroup = groupNames.find((g) => textLength(g) > GROUP_NAME_MAX);
  if (longGroup !== undefined) problems.push({ code: 'group_name_too_long', field: 'groups', name: longGroup, max: GROUP_NAME_MAX });

  return { fields: { name, numbers, org, notes, groupNames }, problems };
}
