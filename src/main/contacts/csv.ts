/**
 * Contact CSV: decoding what Excel and WPS save in China, RFC 4180 parsing, an import preview the
 * dispatcher confirms, the apply step, and export.
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
} from '../../shared/contact-limits';
import type { Contact, ContactGroup, ContactNumber, DuplicatePolicy } from '../../shared/domain';
import { normalizePhone, phoneErrorText, quoteValue } from '../../shared/phone';
import { LANGUAGES, msg, translate, type Language, type Message, type PlainKey } from '../../shared/i18n';
import { multiLine, oneLine, textLength, tooLong } from './field-text';

// ---------------------------------------------------------------------------------------------
// Decoding and parsing: the readers' (import/text-decode.ts, import/csv-table.ts), re-exported for
// the callers that knew them here.

export { decodeTextBytes as decodeCsvBytes, type DecodedText as DecodedCsv, type TextEncoding as CsvEncoding } from './import/text-decode';
export { CsvTooManyRowsError, parseCsv } from './import/csv-table';

// ---------------------------------------------------------------------------------------------
// Columns

export type ColumnKind = 'name' | 'family' | 'given' | 'phone' | 'org' | 'notes' | 'groups' | 'favorite';

export interface ImportColumn {
  header: string;
  kind: ColumnKind | 'ignored';
}

// Checked in this order, by substring of the tidied header, so 单位电话 is a phone column,
// 单位名称 an org, QQ号码 ignored rather than dialled.
const IGNORED = ['身份证', '证件', '邮箱', '邮编', '微信', 'qq', 'email', 'mail', 'wechat', 'idcard', '传真', 'fax'];
const PHONE = ['电话', '手机', '号码', '座机', '固话', '分机', 'phone', 'mobile', 'tel', 'cell', 'number'];
const PHONE_META = ['type', '类型', 'label', '标签'];
const FAVORITE = ['收藏', '星标', 'favorite', 'favourite', 'starred'];
const ORG = ['单位', '部门', '组织', '公司', '机构', '科室', 'org', 'company', 'department', 'dept', 'team', 'employer'];
const GROUPS = ['分组', '群组', '组别', '标签', 'group', 'label', 'tag', 'category'];
const NOTES = ['备注', '说明', '描述', '附注', 'note', 'remark', 'comment', 'memo', 'description'];
const FAMILY = ['姓', '姓氏', 'lastname', 'familyname', 'surname'];
const GIVEN = ['名', 'firstname', 'givenname'];
const NAME = ['姓名', '名字', '名称', '联系人', '人名', 'name', 'contact'];
/** Phone headers that say nothing beyond "a number": such numbers get no label. */
const GENERIC_PHONE = ['电话', '号码', '电话号码', '联系电话', '联系方式', 'phone', 'phones', 'number', 'numbers', 'phonenumber', 'tel', 'telephone'];

const headerKey = (h: string) =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:：()（）#'"]/g, '');
const has = (key: string, words: readonly string[]) => words.some((w) => key.includes(w));

/** The export's columns, in order; their words come from the catalog in the language asked for. */
const EXPORT_COLUMNS: readonly { key: PlainKey; kind: ColumnKind }[] = [
  { key: 'csv.contacts.name', kind: 'name' },
  { key: 'csv.contacts.numbers', kind: 'phone' },
  { key: 'csv.contacts.org', kind: 'org' },
  { key: 'csv.contacts.notes', kind: 'notes' },
  { key: 'csv.contacts.groups', kind: 'groups' },
  { key: 'csv.contacts.favorite', kind: 'favorite' },
];

/** Our own export's headers in every UI language, read back exactly before the word lists guess. */
const EXPORTED_HEADER_KINDS: ReadonlyMap<string, ColumnKind> = new Map(
  LANGUAGES.flatMap((lang) => EXPORT_COLUMNS.map((c) => [headerKey(translate(lang, c.key)), c.kind] as const)),
);

/** The favourite column's "yes" in every UI language, besides the usual marks. */
const FAVORITE_YES = new Set(LANGUAGES.map((lang) => translate(lang, 'csv.contacts.yes').toLowerCase()));

function columnKind(header: string): ColumnKind | null {
  const exported = EXPORTED_HEADER_KINDS.get(headerKey(header));
  if (exported) return exported;
  const key = headerKey(header).replace(/\d+$/, '');
  if (key === '' || has(key, IGNORED)) return null;
  if (has(key, PHONE)) return has(key, PHONE_META) ? null : 'phone';
  if (has(key, FAVORITE)) return 'favorite';
  if (has(key, ORG)) return 'org';
  if (has(key, GROUPS)) return 'groups';
  if (has(key, NOTES)) return 'notes';
  if (FAMILY.includes(key)) return 'family';
  if (GIVEN.includes(key)) return 'given';
  if (has(key, NAME)) return 'name';
  return null;
}

/** Without a recognisable header row, the common layout is assumed. */
const POSITIONAL: ColumnKind[] = ['name', 'phone', 'org', 'notes', 'groups'];

/** Excel opens digit strings as numbers; these undo the two ways exports protect them. */
function unwrapCell(raw: string): string {
  const formula = /^="(.*)"$/s.exec(raw.trim());
  const v = formula ? formula[1].replace(/""/g, '"') : raw;
  // Our own formula-injection guard (see guard()): one apostrophe we added before = + - @ tab CR,
  // or before an apostrophe the user typed.
  return /^'[=+\-@\t\r']/.test(v) ? v.slice(1) : v;
}

// ---------------------------------------------------------------------------------------------
// Import preview

export type ImportField = 'name' | 'numbers' | 'org' | 'notes' | 'groups';

export interface ImportError {
  field: ImportField;
  text: Message;
}

/** A row as it would be stored (numbers normalised); groups by name, resolved on apply. */
export interface ImportedContact {
  name: string;
  numbers: ContactNumber[];
  org: string;
  notes: string;
  groupNames: string[];
  /** Absent when the file has no favourite column (a replace then keeps the current flag). */
  favorite?: boolean;
}

export type DuplicateTarget = { kind: 'existing'; id: string; name: string } | { kind: 'row'; line: number; name: string };

export interface ImportRow {
  /** Row number as Excel shows it (the header is row 1). */
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
  /** False when no header was recognised and columns were taken as name, phone, org, notes, groups. */
  header: boolean;
  columns: ImportColumn[];
  rows: ImportRow[];
  summary: { total: number; new: number; duplicate: number; error: number };
}

/**
 * Reads the rows of a parsed file against the current contacts. A row is a duplicate when one of
 * its numbers (normalised) belongs to an existing contact or an earlier row; rows sharing numbers
 * thus collapse onto one target, which the policy then skips, merges into or replaces.
 */
export function importContacts(rows: readonly string[][], existing: readonly Contact[], options: { duplicate: DuplicatePolicy }): ImportPreview {
  const first = rows.findIndex((r) => !isBlank(r));
  const kinds = first < 0 ? [] : rows[first].map((h) => columnKind(unwrapCell(h)));
  // A data row can contain a header word (an org called 电话组); it cannot contain a valid number.
  const header = kinds.some((k) => k !== null) && !rows[first].some((c) => normalizePhone(unwrapCell(c)).ok);
  const columns: ImportColumn[] = header
    ? rows[first].map((h, i) => ({ header: h.trim(), kind: kinds[i] ?? 'ignored' }))
    : POSITIONAL.map((kind) => ({ header: '', kind }));

  const owners = new Map<string, DuplicateTarget[]>();
  const own = (number: string, target: DuplicateTarget) => {
    const list = owners.get(number);
    if (!list) owners.set(number, [target]);
    else if (!list.some((t) => sameTarget(t, target))) list.push(target);
  };
  for (const c of existing) for (const n of c.numbers) own(n.number, { kind: 'existing', id: c.id, name: c.name });

  const out: ImportRow[] = [];
  const summary = { total: 0, new: 0, duplicate: 0, error: 0 };
  for (let r = header ? first + 1 : Math.max(first, 0); r < rows.length; r++) {
    if (isBlank(rows[r])) continue;
    const row = readRow(rows[r], columns, r + 1);
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
  return { duplicate: options.duplicate, header, columns, rows: out, summary };
}

const isBlank = (r: readonly string[]) => r.every((c) => c.trim() === '');
const sameTarget = (a: DuplicateTarget, b: DuplicateTarget) =>
  a.kind === 'existing' ? b.kind === 'existing' && a.id === b.id : b.kind === 'row' && a.line === b.line;

function readRow(cells: readonly string[], columns: readonly ImportColumn[], line: number): ImportRow {
  const errors: ImportError[] = [];
  const cell = (kind: ColumnKind) => {
    const i = columns.findIndex((c) => c.kind === kind);
    return i < 0 ? '' : unwrapCell(cells[i] ?? '');
  };
  let name = oneLine(cell('name'));
  if (name === '') {
    const [family, given] = [oneLine(cell('family')), oneLine(cell('given'))];
    // 张 + 三 → 张三; Smith + John → John Smith.
    name = /^[\u3400-\u9fff]/.test(family) ? family + given : [given, family].filter(Boolean).join(' ');
  }
  if (name === '') errors.push({ field: 'name', text: msg('importFile.nameMissing') });
  const org = oneLine(cell('org'));
  const notes = multiLine(cell('notes'));
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
  columns.forEach((col, i) => {
    if (col.kind !== 'phone') return;
    const generic = GENERIC_PHONE.includes(headerKey(col.header).replace(/\d+$/, '')) || EXPORTED_HEADER_KINDS.get(headerKey(col.header)) === 'phone';
    for (const item of unwrapCell(cells[i] ?? '').split(/[;；,，、/|\r\n]+/)) {
      const parsed = readNumber(item, generic ? '' : col.header);
      if (!parsed) continue;
      typed.push(parsed.typed);
      if ('error' in parsed) errors.push({ field: 'numbers', text: parsed.error });
      else if (!numbers.some((n) => n.number === parsed.number.number)) numbers.push(parsed.number);
    }
  });
  if (numbers.length > CONTACT_NUMBERS_MAX) {
    errors.push({
      field: 'numbers',
      text: msg('importFile.tooManyNumbers', { max: CONTACT_NUMBERS_MAX, count: numbers.length }),
    });
  }

  const groupNames = [
    ...new Set(
      cell('groups')
        .split(/[;；,，、|\r\n]+/)
        .map(oneLine)
        .filter(Boolean),
    ),
  ];
  const longGroup = groupNames.find((g) => textLength(g) > GROUP_NAME_MAX);
  if (longGroup !== undefined) {
    errors.push({
      field: 'groups',
      text: msg('importFile.groupNameTooLong', { name: quoteValue(longGroup), max: GROUP_NAME_MAX }),
    });
  }
  const favCol = columns.some((c) => c.kind === 'favorite');
  const mark = cell('favorite').trim();
  const favorite = favCol ? /^(是|y|yes|true|1|★|☆|√|✓|✔|收藏)$/i.test(mark) || FAVORITE_YES.has(mark.toLowerCase()) : undefined;

  const row: ImportRow = { line, status: errors.length ? 'error' : 'new', name, numbers: typed, errors };
  if (!errors.length) {
    const contact: ImportedContact = { name, numbers, org, notes, groupNames: groupNames.slice(0, CONTACT_GROUPS_MAX) };
    if (favorite !== undefined) contact.favorite = favorite;
    row.contact = contact;
  }
  return row;
}

/** One number item of a cell: `13800138000`, `手机:13800138000`, `010-6552 9988`. */
function readNumber(item: string, columnLabel: string): { typed: string; number: ContactNumber } | { typed: string; error: Message } | null {
  let value = unwrapCell(item).trim();
  if (value === '') return null;
  let label = columnLabel;
  // Numbers have no letters, so letters before a colon are a label (what export writes).
  const m = /^(.*?)[:：](.*)$/s.exec(value);
  if (m && /\p{L}/u.test(m[1])) {
    label = m[1];
    value = m[2].trim();
  }
  label = Array.from(oneLine(label)).slice(0, CONTACT_LABEL_MAX).join('');
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(value)) {
    // 1.38001E+10: Excel showed the column as numbers and the file was saved that way; the
    // digits are gone, so only the dispatcher can fix the file.
    return {
      typed: value,
      error: msg('importFile.scientific', { value: quoteValue(value) }),
    };
  }
  const parsed = normalizePhone(value);
  if (!parsed.ok) return { typed: value, error: phoneErrorText(parsed) };
  return { typed: value, number: { label, number: parsed.number } };
}

function duplicateText(number: string, t: DuplicateTarget): Message {
  const name = quoteValue(t.name);
  return t.kind === 'existing' ? msg('importFile.duplicateExisting', { number, name }) : msg('importFile.duplicateRow', { number, line: t.line, name });
}

// ---------------------------------------------------------------------------------------------
// Apply

export interface ImportPlan {
  /** New and changed contacts, each once, ready to store (changed ones keep id and createdAt). */
  contacts: Contact[];
  /** Groups named in the file that do not exist yet; store them before the contacts. */
  newGroups: ContactGroup[];
  counts: { added: number; merged: number; replaced: number; skipped: number; failed: number };
}

export function applyImport(
  preview: ImportPreview,
  existing: readonly Contact[],
  options: { duplicate?: DuplicatePolicy; groups: readonly ContactGroup[]; now: number; newId: () => string },
): ImportPlan {
  const policy = options.duplicate ?? preview.duplicate;
  const { now, newId } = options;
  const groupKey = (name: string) => name.normalize('NFKC').toLocaleLowerCase('zh-CN');
  const groupIds = new Map(options.groups.map((g) => [groupKey(g.name), g.id]));
  const newGroups: ContactGroup[] = [];
  const groupId = (name: string) => {
    let id = groupIds.get(groupKey(name));
    if (id === undefined) {
      id = newId();
      groupIds.set(groupKey(name), id);
      newGroups.push({ id, name, createdAt: now });
    }
    return id;
  };

  const byId = new Map(existing.map((c) => [c.id, c]));
  const byLine = new Map<number, string>();
  const changed = new Map<string, Contact>();
  const counts = { added: 0, merged: 0, replaced: 0, skipped: 0, failed: 0 };
  for (const row of preview.rows) {
    const imported = row.contact;
    if (!imported) {
      counts.failed++;
      continue;
    }
    if (row.status === 'new') {
      const groups = imported.groupNames.map(groupId);
      const contact: Contact = {
        id: newId(),
        ...fields(imported, groups),
        favorite: imported.favorite ?? false,
        createdAt: now,
        updatedAt: now,
      };
      changed.set(contact.id, contact);
      byLine.set(row.line, contact.id);
      counts.added++;
      continue;
    }
    const t = row.duplicateOf!;
    const id = t.kind === 'existing' ? t.id : byLine.get(t.line);
    const current = id === undefined ? undefined : (changed.get(id) ?? byId.get(id));
    if (policy === 'skip' || !current) {
      counts.skipped++;
      continue;
    }
    // Resolved only now, so a skipped row never creates a group.
    const groups = imported.groupNames.map(groupId);
    const next = policy === 'merge' ? merge(current, imported, groups) : replace(current, imported, groups);
    if (!next) {
      counts.failed++;
      continue;
    }
    changed.set(current.id, { ...next, updatedAt: now });
    counts[policy === 'merge' ? 'merged' : 'replaced']++;
  }
  return { contacts: [...changed.values()], newGroups, counts };
}

function fields(c: ImportedContact, groupIds: string[]) {
  return { name: c.name, numbers: c.numbers, org: c.org, notes: c.notes, groupIds };
}

function replace(current: Contact, c: ImportedContact, groupIds: string[]): Contact {
  return { ...current, ...fields(c, groupIds), favorite: c.favorite ?? current.favorite };
}

/** Adds what the contact lacks; null if the result would break a limit (the row then fails). */
function merge(current: Contact, c: ImportedContact, groupIds: string[]): Contact | null {
  const numbers = [...current.numbers, ...c.numbers.filter((n) => !current.numbers.some((m) => m.number === n.number))];
  const notes = c.notes === '' || current.notes.includes(c.notes) ? current.notes : [current.notes, c.notes].filter(Boolean).join('\n');
  const groups = [...new Set([...current.groupIds, ...groupIds])];
  if (numbers.length > CONTACT_NUMBERS_MAX || textLength(notes) > CONTACT_NOTES_MAX || groups.length > CONTACT_GROUPS_MAX) return null;
  return {
    ...current,
    numbers,
    org: current.org || c.org,
    notes,
    groupIds: groups,
    favorite: current.favorite || c.favorite === true,
  };
}

// ---------------------------------------------------------------------------------------------
// Export

export function exportHeaders(lang: Language): string[] {
  return EXPORT_COLUMNS.map((c) => translate(lang, c.key));
}

/**
 * UTF-8 with a BOM (without it Excel reads UTF-8 as GBK and shows mojibake), CRLF, and numbers
 * as `label:number` items in one cell, which importContacts reads back to the same contacts
 * whichever language the headers are in.
 */
export function exportContactsCsv(contacts: readonly Contact[], groups: readonly ContactGroup[] = [], lang: Language = 'zh-CN'): string {
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const yes = translate(lang, 'csv.contacts.yes');
  const lines = [exportHeaders(lang).map(csvCell).join(',')];
  for (const c of contacts) {
    const numbers = c.numbers
      .map((n) => {
        // Separators in a label would split the cell differently on the way back in.
        const label = n.label.replace(/[:：;；,，、/|\r\n]/g, ' ').trim();
        return label ? `${label}:${n.number}` : n.number;
      })
      .join('; ');
    const cells = [
      guard(c.name),
      // A bare digit string would be opened by Excel as a number: 1.38001E+10, leading 0 lost.
      // ="…" keeps it text in Excel and WPS; the import unwraps it.
      /^\d+$/.test(numbers) ? `="${numbers}"` : guard(numbers),
      guard(c.org),
      guard(c.notes),
      guard(c.groupIds.flatMap((id) => groupName.get(id) ?? []).join('; ')),
      c.favorite ? yes : '',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Formula injection: a spreadsheet runs a cell starting with = + - @ (or a tab/CR before them)
 * as a formula, e.g. a "name" of =HYPERLINK(…). A leading apostrophe keeps it text.
 */
export function guard(value: string): string {
  // A value the user began with an apostrophe gets one more, so the import (which removes one)
  // gives back exactly what was typed.
  return /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 quoting, only where a cell needs it. `;` and tab too: Excel with a `;` list separator
 * (most of Europe) splits an unquoted `a;=1+1` into two cells, the second a formula.
 */
export function csvCell(value: string): string {
  return /[",;\t\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
