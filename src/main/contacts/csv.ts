/**
 * Contact CSV: decoding what Excel and WPS save in China, RFC 4180 parsing, reading the rows as
 * source records for the import plan (import/), and export.
 *
 * Pure functions (no I/O, no clock, no id generator of their own) so main's service decides when
 * to read, write and stamp, and tests can pin everything.
 */
import type { Contact, ContactGroup, DuplicatePolicy } from '../../shared/domain';
import { translate, type Language, type PlainKey } from '../../shared/i18n';
import type { ColumnRole } from '../../shared/import-mapping';
import { guessColumns } from './import/columns';
import { previewImport, type ImportPreview } from './import/import-preview';
import type { SourceRecord } from './import/source-record';
import { tableRecords } from './import/table-records';
import { csvCell, guard } from '../../shared/csv-cell';

// ---------------------------------------------------------------------------------------------
// Decoding and parsing: the readers' (import/text-decode.ts, import/csv-table.ts), re-exported for
// the callers that knew them here.

export { decodeTextBytes as decodeCsvBytes, type DecodedText as DecodedCsv, type TextEncoding as CsvEncoding } from './import/text-decode';
export { CsvTooManyRowsError, parseCsv } from './import/csv-table';

// ---------------------------------------------------------------------------------------------
// Columns and records: the table reader's (import/columns.ts, import/table-records.ts), for the
// callers that read a parsed CSV directly. The import itself goes through import/read-source.ts.

export type ColumnKind = 'name' | 'family' | 'given' | 'phone' | 'org' | 'notes' | 'groups' | 'favorite';

export interface ImportColumn {
  header: string;
  kind: ColumnKind | 'ignored';
}

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

const kindOf = (role: ColumnRole): ImportColumn['kind'] => (role === 'number' ? 'phone' : role === 'ignore' || role === 'label' ? 'ignored' : role);

/** Reads the rows of a parsed file as source records, guessing what each column holds. */
export function csvRecords(rows: readonly string[][], lang: Language = 'zh-CN'): CsvRecords {
  const guess = guessColumns(rows, lang);
  const header = guess.headerRow >= 0;
  const columns = guess.mapping.map((m, i) => ({ header: header ? rows[guess.headerRow][i].trim() : '', kind: kindOf(m.role) }));
  const records = tableRecords(rows, guess.mapping, { layout: guess.layout, headerRow: guess.headerRow, lang });
  return { header, columns, records };
}

/** A parsed CSV in one call: columns guessed, then the format-neutral preview. */
export function importContacts(rows: readonly string[][], existing: readonly Contact[], options: { duplicate: DuplicatePolicy }): CsvImportPreview {
  const { header, columns, records } = csvRecords(rows);
  return { ...previewImport(records, existing, options), header, columns };
}

/** The export's columns, in order; their words come from the catalog in the language asked for. */
const EXPORT_COLUMNS: readonly PlainKey[] = [
  'csv.contacts.name',
  'csv.contacts.numbers',
  'csv.contacts.org',
  'csv.contacts.notes',
  'csv.contacts.groups',
  'csv.contacts.favorite',
];

// ---------------------------------------------------------------------------------------------
// Export

export function exportHeaders(lang: Language): string[] {
  return EXPORT_COLUMNS.map((key) => translate(lang, key));
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
