/**
 * The format-neutral first half of an import: the records a reader produced (CSV, vCard, xlsx —
 * see source-record.ts), checked against the contact rules and against the current contacts,
 * become the preview the dispatcher confirms. Nothing here knows which format a record came from.
 *
 * Pure functions (no I/O, no clock, no id generator of their own) so main's service decides when
 * to read, write and stamp, and tests can pin everything.
 */
import {
  CONTACT_GROUPS_MAX,
  CONTACT_LABEL_MAX,
  CONTACT_NAME_MAX,
  CONTACT_NOTES_MAX,
  CONTACT_NUMBERS_MAX,
  CONTACT_ORG_MAX,
  GROUP_NAME_MAX,
} from '../../../shared/contact-limits';
import type { Contact, ContactNumber, DuplicatePolicy } from '../../../shared/domain';
import { normalizePhone, phoneErrorText, quoteValue } from '../../../shared/phone';
import { msg, type Message } from '../../../shared/i18n';
import { multiLine, oneLine, textLength, tooLong } from '../field-text';
import type { SourceNumber, SourceRecord } from './source-record';

export type ImportField = 'name' | 'numbers' | 'org' | 'notes' | 'groups';

export interface ImportError {
  field: ImportField;
  text: Message;
}

/** A record as it would be stored (numbers normalised); groups by name, resolved on apply. */
export interface ImportedContact {
  name: string;
  numbers: ContactNumber[];
  org: string;
  notes: string;
  groupNames: string[];
  /** Absent when the file says nothing about favourites (a replace then keeps the current flag). */
  favorite?: boolean;
}

export type DuplicateTarget = { kind: 'existing'; id: string; name: string } | { kind: 'row'; line: number; name: string };

export interface ImportRow {
  /** Where the record is in the file (see SourceRecord.line). */
  line: number;
  status: 'new' | 'duplicate' | 'error';
  /** For display, also on error rows: the name and the numbers as typed. */
  name: string;
  numbers: string[];
  /** Absent on error rows. */
  contact?: ImportedContact;
  /** For duplicates: the contact (or earlier row) sharing a number, which merge/replace update. */
  duplicateOf?: DuplicateTarget;
  /** Errors for 'error'; for 'duplicate' the explanation of what it duplicates. */
  errors: ImportError[];
}

export interface ImportPreview {
  duplicate: DuplicatePolicy;
  rows: ImportRow[];
  summary: { total: number; new: number; duplicate: number; error: number };
}

/**
 * Checks each record and compares it with the current contacts. A record is a duplicate when one
 * of its numbers (normalised) belongs to an existing contact or an earlier record; records sharing
 * numbers thus collapse onto one target, which the policy then skips, merges into or replaces.
 */
export function previewImport(records: readonly SourceRecord[], existing: readonly Contact[], options: { duplicate: DuplicatePolicy }): ImportPreview {
  const owners = new Map<string, DuplicateTarget[]>();
  const own = (number: string, target: DuplicateTarget) => {
    const list = owners.get(number);
    if (!list) owners.set(number, [target]);
    else if (!list.some((t) => sameTarget(t, target))) list.push(target);
  };
  for (const c of existing) for (const n of c.numbers) own(n.number, { kind: 'existing', id: c.id, name: c.name });

  const out: ImportRow[] = [];
  const summary = { total: 0, new: 0, duplicate: 0, error: 0 };
  for (const record of records) {
    const row = checkRecord(record);
    if (row.status !== 'error') {
      const contact = row.contact!;
      const matches = contact.numbers.flatMap((n) => (owners.get(n.number) ?? []).map((t) => ({ t, n: n.number })));
      // Several contacts can share a number (an office line): prefer the one with this name.
      const match = matches.find((m) => m.t.name === contact.name) ?? matches[0];
      const target: DuplicateTarget = match ? match.t : { kind: 'row', line: row.line, name: contact.name };
      if (match) {
        row.status = 'duplicate';
        row.duplicateOf = match.t;
        row.errors.push({ field: 'numbers', text: duplicateText(match.n, match.t) });
      }
      for (const n of contact.numbers) own(n.number, target);
    }
    summary.total++;
    summary[row.status]++;
    out.push(row);
  }
  return { duplicate: options.duplicate, rows: out, summary };
}

const sameTarget = (a: DuplicateTarget, b: DuplicateTarget) =>
  a.kind === 'existing' ? b.kind === 'existing' && a.id === b.id : b.kind === 'row' && a.line === b.line;

/** One record against the contact rules: tidied fields, normalised numbers, or what is wrong. */
export function checkRecord(record: SourceRecord): ImportRow {
  const errors: ImportError[] = [];
  const name = oneLine(record.name);
  if (name === '') errors.push({ field: 'name', text: msg('importFile.nameMissing') });
  const org = oneLine(record.org);
  const notes = multiLine(record.notes);
  for (const [field, label, value, max] of [
    ['name', msg('field.contactName'), name, CONTACT_NAME_MAX],
    ['org', msg('field.org'), org, CONTACT_ORG_MAX],
    ['notes', msg('field.notes'), notes, CONTACT_NOTES_MAX],
  ] as const) {
    const problem = tooLong(field, label, value, max);
    if (problem?.detail) errors.push({ field, text: problem.detail });
  }

  const typed: string[] = [];
  const numbers: ContactNumber[] = [];
  for (const item of record.numbers) {
    const parsed = readNumber(item);
    if (!parsed) continue;
    typed.push(parsed.typed);
    if ('error' in parsed) errors.push({ field: 'numbers', text: parsed.error });
    else if (!numbers.some((n) => n.number === parsed.number.number)) numbers.push(parsed.number);
  }
  if (numbers.length > CONTACT_NUMBERS_MAX) {
    errors.push({
      field: 'numbers',
      text: msg('importFile.tooManyNumbers', { max: CONTACT_NUMBERS_MAX, count: numbers.length }),
    });
  }

  const groupNames = [...new Set(record.groupNames.map(oneLine).filter(Boolean))];
  const longGroup = groupNames.find((g) => textLength(g) > GROUP_NAME_MAX);
  if (longGroup !== undefined) {
    errors.push({
      field: 'groups',
      text: msg('importFile.groupNameTooLong', { name: quoteValue(longGroup), max: GROUP_NAME_MAX }),
    });
  }

  const row: ImportRow = { line: record.line, status: errors.length ? 'error' : 'new', name, numbers: typed, errors };
  if (!errors.length) {
    const contact: ImportedContact = { name, numbers, org, notes, groupNames: groupNames.slice(0, CONTACT_GROUPS_MAX) };
    if (record.favorite !== undefined) contact.favorite = record.favorite;
    row.contact = contact;
  }
  return row;
}

/** One number of a record, as the file wrote it: `13800138000`, `010-6552 9988`. */
function readNumber(item: SourceNumber): { typed: string; number: ContactNumber } | { typed: string; error: Message } | null {
  const value = item.raw.trim();
  if (value === '') return null;
  const label = Array.from(oneLine(item.label)).slice(0, CONTACT_LABEL_MAX).join('');
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(value)) {
    // 1.38001E+10: a spreadsheet showed the column as numbers and the file was saved that way; the
    // digits are gone, so only the dispatcher can fix the file.
    return { typed: value, error: msg('importFile.scientific', { value: quoteValue(value) }) };
  }
  const parsed = normalizePhone(value);
  if (!parsed.ok) return { typed: value, error: phoneErrorText(parsed) };
  return { typed: value, number: { label, number: parsed.number } };
}

function duplicateText(number: string, t: DuplicateTarget): Message {
  const name = quoteValue(t.name);
  return t.kind === 'existing' ? msg('importFile.duplicateExisting', { number, name }) : msg('importFile.duplicateRow', { number, line: t.line, name });
}
