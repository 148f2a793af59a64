/**
 * The heavy part of an import preview — read the file (any format), check every record against the
 * book — as one function of plain data, so it can run in a worker thread (import-worker.ts) and, in
 * tests, inline. Bounded: the file size is checked by the caller, the line count by the readers.
 */
import type { ImportSourceView } from '../../shared/contract';
import { IMPORT_ROWS_MAX } from '../../shared/contact-limits';
import type { Contact, DuplicatePolicy } from '../../shared/domain';
import type { Language } from '../../shared/i18n';
import type { ColumnMapping } from '../../shared/import-mapping';
import { exportContactsCsv, importContacts, type ImportPreview } from './csv';
import { readSource, type ReadProgress, type SourceReadFailure } from './import/read-source';
import type { SourceRecord } from './import/source-record';

export interface ImportParseInput {
  bytes: Uint8Array;
  fileName: string;
  /** The language number labels are translated into (Mobile → 手机). */
  lang: Language;
  sheet?: string;
  mapping?: ColumnMapping[];
  remembered?: Record<string, ColumnMapping[]>;
  existing: readonly Contact[];
  duplicate: DuplicatePolicy;
  maxRows?: number;
}

export type ImportParseOutput = { ok: true; preview: ImportPreview; source: ImportSourceView; headerSet: string | null } | SourceReadFailure;

export type ImportProgress = ReadProgress;

export async function parseImport(input: ImportParseInput, onProgress: (p: ImportProgress) => void = () => {}): Promise<ImportParseOutput> {
  const read = await readSource(input.bytes, {
    fileName: input.fileName,
    lang: input.lang,
    sheet: input.sheet,
    mapping: input.mapping,
    remembered: input.remembered,
    maxRows: input.maxRows ?? IMPORT_ROWS_MAX,
    onProgress,
  });
  if (!read.ok) return read;
  onProgress({ stage: 'checking', done: 0 });
  const preview = planRecords(read.records, input.existing, input.duplicate);
  onProgress({ stage: 'checking', done: 1 });
  return { ok: true, preview, source: read.source, headerSet: read.headerSet };
}

/**
 * Until the format-neutral plan lands (the `rules` branch: SourceRecord[] → preview), the records
 * go through today's CSV plan in the shape of our own export, which it reads back exactly.
 */
function planRecords(records: readonly SourceRecord[], existing: readonly Contact[], duplicate: DuplicatePolicy): ImportPreview {
  const header = exportContactsCsv([])
    .replace(/^\uFEFF/, '')
    .trim()
    .split(',');
  const rows: string[][] = [header];
  for (const r of records) {
    rows.push([
      r.name,
      r.numbers.map((n) => (n.label ? `${n.label.replace(/[:：;；,，、/|]/g, ' ')}:${n.raw}` : n.raw)).join('; '),
      r.org,
      r.notes,
      r.groupNames.join('; '),
      r.favorite ? '是' : '',
    ]);
  }
  const preview = importContacts(rows, existing, { duplicate });
  // Row n of this table is record n - 2; report the record's own line.
  const lineOf = (n: number) => records[n - 2]?.line ?? n;
  for (const row of preview.rows) {
    row.line = lineOf(row.line);
    if (row.duplicateOf?.kind === 'row') row.duplicateOf = { ...row.duplicateOf, line: lineOf(row.duplicateOf.line) };
  }
  return preview;
}
