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
import { previewImport, type ImportPreview } from './import/import-preview';
import { readSource, type ReadProgress, type SourceReadFailure } from './import/read-source';

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
  const preview = previewImport(read.records, input.existing, { duplicate: input.duplicate });
  onProgress({ stage: 'checking', done: 1 });
  return { ok: true, preview, source: read.source, headerSet: read.headerSet };
}
