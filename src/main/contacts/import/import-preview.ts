/**
 * The format-neutral first half of an import: the records a reader produced (CSV, vCard, xlsx —
 * see source-record.ts), checked with the shared contact rules and compared with the current
 * contacts, become the preview the dispatcher confirms. Nothing here knows which format a record
 * came from.
 *
 * The duplicate rule: the same person is the same name and a shared number (after normalisation).
 * A shared number under another name is a conflict the dispatcher decides (keep both, merge into
 * the other, skip); it is never merged or replaced by itself. The same name with other numbers is
 * another person.
 *
 * Pure functions (no I/O, no clock, no id generator of their own) so main's service decides when
 * to read, write and stamp, and tests can pin everything.
 */
import { CONTACT_LABEL_MAX as LABEL_MAX } from '../../../shared/contact-limits';
import { checkContactFields, type ContactProblem } from '../../../shared/contact-rules';
import { contactProblemText } from '../../../shared/contact-problem-text';
import type { Contact, ContactNumber, DuplicatePolicy } from '../../../shared/domain';
import { msg, type Message } from '../../../shared/i18n';
import { phoneErrorText, quoteValue } from '../../../shared/phone';
import type { SourceRecord } from './source-record';

export type ImportField = 'name' | 'numbers' | 'org' | 'notes' | 'groups';

export interface ImportIssue {
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

export type ImportRowStatus = 'new' | 'duplicate' | 'conflict' | 'error';
/** What to do with a conflict row; 'keep' (both people, both with the number) unless decided otherwise. */
export type ConflictDecision = 'keep' | 'merge' | 'skip';
export const DEFAULT_CONFLICT_DECISION: ConflictDecision = 'keep';

export interface ImportRow {
  /** Where the record is in the file (see SourceRecord.line). */
  line: number;
  status: ImportRowStatus;
  /** For display, also on error rows: the tidied name, the numbers as typed, unit, notes, groups. */
  name: string;
  numbers: string[];
  org: string;
  notes: string;
  groupNames: string[];
  /** Absent on error rows. */
  contact?: ImportedContact;
  /** 'duplicate': the same person (an existing contact or an earlier row), which the policy skips, merges into or replaces. */
  duplicateOf?: DuplicateTarget;
  /** 'conflict': who else has one of this row's numbers under another name; a merge goes into the first. */
  conflictWith?: DuplicateTarget[];
  /** Why an 'error' row is rejected. */
  errors: ImportIssue[];
  /** Numbers left out of a row that is kept anyway. */
  warnings: ImportIssue[];
  /** For 'duplicate' and 'conflict': which number it shares with whom. */
  match?: Message;
  /** For a 'duplicate' under "replace": what the existing contact loses, shown before it happens. */
  removes: Message[];
  /** The record itself, kept for error rows only (exporting them to fix). */
  source?: SourceRecord;
}

export interface ImportSummary {
  total: number;
  new: number;
  duplicate: number;
  conflict: number;
  error: number;
}

export interface ImportPreview {
  duplicate: DuplicatePolicy;
  rows: ImportRow[];
  summary: ImportSummary;
}

/** Names compared as a dispatcher would: width, case and spaces do not make another person. */
export function sameName(a: string, b: string): boolean {
  const key = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLocaleLowerCase('zh-CN');
  return key(a) === key(b);
}

/** The line and its extension: another extension on the same switchboard is another desk. */
export const numberKey = (n: ContactNumber) => `${n.number}#${n.extension ?? ''}`;

/**
 * Checks each record and compares it with the current contacts (and the records before it), as
 * the duplicate rule above says.
 */
export function previewImport(records: readonly SourceRecord[], existing: readonly Contact[], options: { duplicate: DuplicatePolicy }): ImportPreview {
  const owners = new Map<string, DuplicateTarget[]>();
  const own = (key: string, target: DuplicateTarget) => {
    const list = owners.get(key);
    if (!list) owners.set(key, [target]);
    else if (!list.some((t) => sameTarget(t, target))) list.push(target);
  };
  const byId = new Map<string, Contact>();
  for (const c of existing) {
    byId.set(c.id, c);
    for (const n of c.numbers) own(numberKey(n), { kind: 'existing', id: c.id, name: c.name });
  }

  const out: ImportRow[] = [];
  const summary: ImportSummary = { total: 0, new: 0, duplicate: 0, conflict: 0, error: 0 };
  for (const record of records) {
    const row = checkRecord(record);
    const contact = row.contact;
    if (contact) {
      const matches = contact.numbers.flatMap((n) => (owners.get(numberKey(n)) ?? []).map((t) => ({ t, n })));
      const same = matches.find((m) => sameName(m.t.name, contact.name));
      let target: DuplicateTarget = { kind: 'row', line: row.line, name: contact.name };
      if (same) {
        row.status = 'duplicate';
        row.duplicateOf = same.t;
        row.match = matchText(same.n, same.t);
        target = same.t;
        if (options.duplicate === 'replace' && same.t.kind === 'existing') row.removes = replaceLosses(byId.get(same.t.id), contact);
      } else if (matches.length > 0) {
        row.status = 'conflict';
        row.conflictWith = matches.map((m) => m.t).filter((t, i, all) => all.findIndex((u) => sameTarget(u, t)) === i);
        row.match = matchText(matches[0].n, matches[0].t);
      }
      for (const n of contact.numbers) own(numberKey(n), target);
    }
    summary.total++;
    summary[row.status]++;
    out.push(row);
  }
  return { duplicate: options.duplicate, rows: out, summary };
}

const sameTarget = (a: DuplicateTarget, b: DuplicateTarget) =>
  a.kind === 'existing' ? b.kind === 'existing' && a.id === b.id : b.kind === 'row' && a.line === b.line;

/**
 * One record against the shared contact rules. A bad number is a warning as long as the row keeps
 * at least one valid number; a row without any is rejected, as the editor would reject it.
 */
export function checkRecord(record: SourceRecord): ImportRow {
  const typed: string[] = [];
  const numbers = record.numbers.flatMap((n) => {
    const raw = n.raw.trim();
    if (raw === '') return [];
    typed.push(raw);
    return [{ label: n.label, number: raw }];
  });
  const { fields, problems } = checkContactFields({ name: record.name, numbers, org: record.org, notes: record.notes, groupNames: record.groupNames });
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  for (const p of problems) {
    // Within a file a repeated number is simply taken once.
    if (p.code === 'number_repeated') continue;
    if (p.code === 'number_invalid') {
      (fields.numbers.length > 0 ? warnings : errors).push({ field: 'numbers', text: numberProblemText(typed[p.index], p) });
      continue;
    }
    // A label is the file's own word for a number: cut to size rather than rejecting the row.
    if (p.code === 'label_too_long') continue;
    errors.push({ field: p.field, text: importProblemText(p) });
  }
  const row: ImportRow = {
    line: record.line,
    status: errors.length ? 'error' : 'new',
    name: fields.name,
    numbers: typed,
    org: fields.org,
    notes: fields.notes,
    groupNames: fields.groupNames,
    errors,
    warnings,
    removes: [],
  };
  if (errors.length) {
    row.source = record;
    return row;
  }
  const contact: ImportedContact = {
    name: fields.name,
    numbers: fields.numbers.map((n) => ({ ...n, label: Array.from(n.label).slice(0, LABEL_MAX).join('') })),
    org: fields.org,
    notes: fields.notes,
    groupNames: fields.groupNames,
  };
  if (record.favorite !== undefined) contact.favorite = record.favorite;
  row.contact = contact;
  return row;
}

function importProblemText(p: ContactProblem): Message {
  switch (p.code) {
    case 'name_missing':
      return msg('importFile.nameMissing');
    case 'no_number':
      return msg('importPlan.noNumber');
    case 'too_many_numbers':
      return msg('importFile.tooManyNumbers', { max: p.max, count: p.count });
    default:
      return contactProblemText(p);
  }
}

function numberProblemText(typed: string, p: Extract<ContactProblem, { code: 'number_invalid' }>): Message {
  // 1.38001E+10: a spreadsheet showed the column as numbers and the file was saved that way; the
  // digits are gone, so only the dispatcher can fix the file.
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(typed)) return msg('importFile.scientific', { value: quoteValue(typed) });
  return phoneErrorText(p.phone);
}

function matchText(n: ContactNumber, t: DuplicateTarget): Message {
  const name = quoteValue(t.name);
  const number = n.extension ? msg('importPlan.numberWithExtension', { number: n.number, extension: n.extension }) : n.number;
  return t.kind === 'existing' ? msg('importFile.duplicateExisting', { number, name }) : msg('importFile.duplicateRow', { number, line: t.line, name });
}

/** What replacing `current` with the row would take away from it. */
function replaceLosses(current: Contact | undefined, c: ImportedContact): Message[] {
  if (!current) return [];
  const out: Message[] = [];
  const kept = new Set(c.numbers.map(numberKey));
  for (const n of current.numbers) {
    if (!kept.has(numberKey(n))) {
      const number = n.extension ? msg('importPlan.numberWithExtension', { number: n.number, extension: n.extension }) : n.number;
      out.push(msg('importPlan.removesNumber', { number, label: n.label || '—' }));
    }
  }
  if (current.name !== c.name) out.push(msg('importPlan.changesName', { from: quoteValue(current.name), to: quoteValue(c.name) }));
  if (current.org !== '' && current.org !== c.org) out.push(msg('importPlan.changesOrg', { from: quoteValue(current.org), to: quoteValue(c.org) || '—' }));
  if (current.notes !== '' && current.notes !== c.notes) out.push(msg('importPlan.replacesNotes', { from: quoteValue(current.notes) }));
  return out;
}
