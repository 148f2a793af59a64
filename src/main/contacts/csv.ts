/**
 * Contact CSV: decoding what Excel and WPS save in China, RFC 4180 parsing, reading the rows as
 * source records for the import plan (import/), and export.
 *
 * Pure functions (no I/O, no clock, no id generator of their own) so main's service decides when
 * to read, write and stamp, and tests can pin everything.
 */
import type { Contact, ContactGroup, DuplicatePolicy } from '../../shared/domain';
import { normalizePhone } from '../../shared/phone';
import { LANGUAGES, translate, type Language, type PlainKey } from '../../shared/i18n';
import { oneLine } from './field-text';
import { previewImport, type ImportPreview } from './import/import-preview';
import type { SourceNumber, SourceRecord } from './import/source-record';

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
// Records: the CSV reader's half of the import (the plan's half is in import/)

export interface CsvRecords {
  /** False when no header was recognised and columns were taken as name, phone, org, notes, groups. */
  header: boolean;
  columns: ImportColumn[];
  records: SourceRecord[];
}

/** A CSV import's preview: the format-neutral preview plus how the file's columns were read. */
export interface CsvImportPreview extends ImportPreview {
  header: boolean;
  columns: ImportColumn[];
}

/** Reads the rows of a parsed file as source records, guessing what each column holds. */
export function csvRecords(rows: readonly string[][]): CsvRecords {
  const first = rows.findIndex((r) => !isBlank(r));
  const kinds = first < 0 ? [] : rows[first].map((h) => columnKind(unwrapCell(h)));
  // A data row can contain a header word (an org called 电话组); it cannot contain a valid number.
  const header = kinds.some((k) => k !== null) && !rows[first].some((c) => normalizePhone(unwrapCell(c)).ok);
  const columns: ImportColumn[] = header
    ? rows[first].map((h, i) => ({ header: h.trim(), kind: kinds[i] ?? 'ignored' }))
    : POSITIONAL.map((kind) => ({ header: '', kind }));
  const records: SourceRecord[] = [];
  for (let r = header ? first + 1 : Math.max(first, 0); r < rows.length; r++) {
    if (isBlank(rows[r])) continue;
    records.push(readRecord(rows[r], columns, r + 1));
  }
  return { header, columns, records };
}

/** Today's CSV path in one call: columns guessed, then the format-neutral preview. */
export function importContacts(rows: readonly string[][], existing: readonly Contact[], options: { duplicate: DuplicatePolicy }): CsvImportPreview {
  const { header, columns, records } = csvRecords(rows);
  return { ...previewImport(records, existing, options), header, columns };
}

const isBlank = (r: readonly string[]) => r.every((c) => c.trim() === '');

function readRecord(cells: readonly string[], columns: readonly ImportColumn[], line: number): SourceRecord {
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
  const numbers: SourceNumber[] = [];
  columns.forEach((col, i) => {
    if (col.kind !== 'phone') return;
    const generic = GENERIC_PHONE.includes(headerKey(col.header).replace(/\d+$/, '')) || EXPORTED_HEADER_KINDS.get(headerKey(col.header)) === 'phone';
    for (const item of unwrapCell(cells[i] ?? '').split(/[;；,，、/|\r\n]+/)) {
      const number = readNumberItem(item, generic ? '' : col.header);
      if (number) numbers.push(number);
    }
  });
  const favCol = columns.some((c) => c.kind === 'favorite');
  const mark = cell('favorite').trim();
  const record: SourceRecord = {
    line,
    name,
    numbers,
    org: cell('org'),
    notes: cell('notes'),
    groupNames: cell('groups').split(/[;；,，、|\r\n]+/),
  };
  if (favCol) record.favorite = /^(是|y|yes|true|1|★|☆|√|✓|✔|收藏)$/i.test(mark) || FAVORITE_YES.has(mark.toLowerCase());
  return record;
}

/** One number item of a cell: `13800138000`, `手机:13800138000`, `010-6552 9988`. */
function readNumberItem(item: string, columnLabel: string): SourceNumber | null {
  let value = unwrapCell(item).trim();
  if (value === '') return null;
  let label = columnLabel;
  // Numbers have no letters, so letters before a colon are a label (what export writes).
  const m = /^(.*?)[:：](.*)$/s.exec(value);
  if (m && /\p{L}/u.test(m[1])) {
    label = m[1];
    value = m[2].trim();
  }
  return { raw: value, label };
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
