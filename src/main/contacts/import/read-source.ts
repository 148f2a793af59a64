/**
 * The reader half of the import: a file's bytes and name → SourceRecords, whatever the format.
 * The format is told by the bytes (a zip is an .xlsx, an OLE2 file an old .xls, text opening with
 * BEGIN:VCARD a vCard, other text a CSV/TSV), not by the name, which users rename freely. Tables
 * go through the column guess (or the dispatcher's mapping, or the one remembered for the same
 * headers); vCards name their fields themselves.
 */
import type { ImportSourceView } from '../../../shared/contract';
import type { Language } from '../../../shared/i18n';
import { IMPORT_SAMPLE_ROWS, type ColumnMapping } from '../../../shared/import-mapping';
import { guessColumns, headerKey, unwrapCell, type ColumnGuess } from './columns';
import { CsvTooManyRowsError, parseCsv } from './csv-table';
import type { SourceRecord } from './source-record';
import { tableRecords } from './table-records';
import { decodeTextBytes } from './text-decode';
import { looksLikeVcard, readVcard, VcardTooManyCardsError } from './vcard-reader';
import { looksLikeOle2, looksLikeZip, readWorkbook } from './xlsx-reader';

export interface ReadProgress {
  stage: 'decoding' | 'parsing' | 'checking';
  /** Fraction of the stage done, 0…1. */
  done: number;
}

export interface ReadOptions {
  fileName: string;
  lang: Language;
  /** The sheet of a workbook to read (default: the first). */
  sheet?: string;
  /** The dispatcher's mapping, one entry per column; wins over everything. */
  mapping?: readonly ColumnMapping[];
  /** Mappings chosen before, by headerSetKey(): used when the same headers come again. */
  remembered?: Readonly<Record<string, readonly ColumnMapping[]>>;
  maxRows: number;
  onProgress?: (p: ReadProgress) => void;
}

export type SourceReadFailure =
  | { ok: false; reason: 'undecodable' | 'xls' | 'bad_xlsx' | 'empty' | 'no_cards' }
  | { ok: false; reason: 'unknown_sheet'; sheet: string }
  | { ok: false; reason: 'too_many_rows'; maxRows: number };

export type SourceRead = { ok: true; records: SourceRecord[]; source: ImportSourceView; headerSet: string | null } | SourceReadFailure;

/** The key a mapping is remembered under: the header row, tidied. */
export function headerSetKey(headers: readonly string[]): string {
  return headers.map(headerKey).join('\u001f');
}

export async function readSource(bytes: Uint8Array, options: ReadOptions): Promise<SourceRead> {
  const progress = options.onProgress ?? (() => {});
  progress({ stage: 'decoding', done: 0 });
  if (looksLikeOle2(bytes) || (/\.xls$/i.test(options.fileName) && !looksLikeZip(bytes))) return { ok: false, reason: 'xls' };
  if (looksLikeZip(bytes)) {
    const read = await readWorkbook(bytes, options.sheet);
    if (!read.ok) return read;
    const { workbook } = read;
    if (workbook.rows.length > options.maxRows) return { ok: false, reason: 'too_many_rows', maxRows: options.maxRows };
    return fromTable(workbook.rows, { format: 'xlsx', encoding: null, sheets: workbook.sheets, sheet: workbook.sheet }, options);
  }
  const decoded = decodeTextBytes(bytes);
  // Mojibake names would be imported as if they were real; better to say what to do.
  if (decoded.lossy) return { ok: false, reason: 'undecodable' };
  if (decoded.text.trim() === '') return { ok: false, reason: 'empty' };
  if (looksLikeVcard(decoded.text) || (/\.vcf$/i.test(options.fileName) && /BEGIN:VCARD/i.test(decoded.text))) {
    let records: SourceRecord[];
    try {
      records = readVcard(decoded.text, { lang: options.lang, maxCards: options.maxRows });
    } catch (error) {
      if (error instanceof VcardTooManyCardsError) return { ok: false, reason: 'too_many_rows', maxRows: options.maxRows };
      throw error;
    }
    if (records.length === 0) return { ok: false, reason: 'no_cards' };
    progress({ stage: 'checking', done: 0 });
    const source: ImportSourceView = {
      format: 'vcard',
      encoding: decoded.encoding,
      sheets: [],
      sheet: null,
      layout: 'vcard',
      columns: [],
      certain: true,
      mappingFrom: 'file',
    };
    return { ok: true, records, source, headerSet: null };
  }
  let rows: string[][];
  try {
    rows = parseCsv(decoded.text, undefined, {
      maxRecords: options.maxRows,
      onRecords: (_n, offset) => progress({ stage: 'parsing', done: offset / decoded.text.length }),
    });
  } catch (error) {
    if (error instanceof CsvTooManyRowsError) return { ok: false, reason: 'too_many_rows', maxRows: options.maxRows };
    throw error;
  }
  return fromTable(rows, { format: 'csv', encoding: decoded.encoding, sheets: [], sheet: null }, options);
}

/** The mapping step shows a glimpse of each cell; a 10 KB note must not cross IPC 300 times. */
const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

/** A mapping for `width` columns: a shorter one is padded with "ignore", a longer one cut. */
function fit(mapping: readonly ColumnMapping[], width: number): ColumnMapping[] {
  return Array.from({ length: width }, (_, i) => mapping[i] ?? { role: 'ignore', label: '' });
}

function fromTable(table: string[][], file: Pick<ImportSourceView, 'format' | 'encoding' | 'sheets' | 'sheet'>, options: ReadOptions): SourceRead {
  if (table.every((r) => r.every((c) => c.trim() === ''))) return { ok: false, reason: 'empty' };
  const guess: ColumnGuess = guessColumns(table, options.lang);
  const headers = guess.headerRow < 0 ? null : table[guess.headerRow].map((h) => unwrapCell(h).trim());
  const headerSet = headers ? headerSetKey(headers) : null;
  const width = Math.max(guess.mapping.length, ...table.slice(0, 50).map((r) => r.length));
  const remembered = headerSet === null ? undefined : options.remembered?.[headerSet];
  let mapping = fit(guess.mapping, width);
  let mappingFrom: ImportSourceView['mappingFrom'] = 'guess';
  if (options.mapping) {
    mapping = fit(options.mapping, width);
    mappingFrom = 'chosen';
  } else if (remembered) {
    mapping = fit(remembered, width);
    mappingFrom = 'remembered';
  }
  options.onProgress?.({ stage: 'checking', done: 0 });
  const records = tableRecords(table, mapping, { layout: guess.layout, headerRow: guess.headerRow, lang: options.lang });
  const firstData = table.slice(guess.headerRow + 1).filter((r) => r.some((c) => c.trim() !== ''));
  const columns = mapping.map((m, i) => ({
    header: clip(headers?.[i] ?? ''),
    samples: firstData.slice(0, IMPORT_SAMPLE_ROWS).map((r) => clip(unwrapCell(r[i] ?? '').trim())),
    role: m.role,
    label: m.label,
  }));
  const source: ImportSourceView = {
    ...file,
    layout: guess.layout,
    columns,
    certain: mappingFrom !== 'guess' || guess.certain,
    mappingFrom,
  };
  return { ok: true, records, source, headerSet };
}
