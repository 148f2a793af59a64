/**
 * The heavy part of an import preview — decode, parse, check every row against the book — as one
 * function of plain data, so it can run in a worker thread (import-worker.ts) and, in tests, inline.
 * Bounded: the file size is checked by the caller, the line count here while parsing.
 */
import type { Contact } from '../../shared/domain';
import { IMPORT_ROWS_MAX } from '../../shared/contact-limits';
import type { DuplicatePolicy } from '../../shared/domain';
import { CsvTooManyRowsError, decodeCsvBytes, importContacts, parseCsv, type CsvEncoding, type CsvImportPreview } from './csv';

export interface ImportParseInput {
  bytes: Uint8Array;
  existing: readonly Contact[];
  duplicate: DuplicatePolicy;
  maxRows?: number;
}

export type ImportParseOutput =
  | { ok: true; preview: CsvImportPreview; encoding: CsvEncoding }
  | { ok: false; reason: 'undecodable' }
  | { ok: false; reason: 'too_many_rows'; maxRows: number };

export interface ImportProgress {
  stage: 'decoding' | 'parsing' | 'checking';
  /** Fraction of the stage done, 0…1. */
  done: number;
}

export function parseImport(input: ImportParseInput, onProgress: (p: ImportProgress) => void = () => {}): ImportParseOutput {
  const maxRows = input.maxRows ?? IMPORT_ROWS_MAX;
  onProgress({ stage: 'decoding', done: 0 });
  const decoded = decodeCsvBytes(input.bytes);
  // Mojibake names would be imported as if they were real; better to say what to do.
  if (decoded.lossy) return { ok: false, reason: 'undecodable' };
  let records: string[][];
  try {
    records = parseCsv(decoded.text, undefined, {
      maxRecords: maxRows,
      onRecords: (_n, offset) => onProgress({ stage: 'parsing', done: offset / decoded.text.length }),
    });
  } catch (error) {
    if (error instanceof CsvTooManyRowsError) return { ok: false, reason: 'too_many_rows', maxRows };
    throw error;
  }
  onProgress({ stage: 'checking', done: 0 });
  const preview = importContacts(records, input.existing, { duplicate: input.duplicate });
  onProgress({ stage: 'checking', done: 1 });
  return { ok: true, preview, encoding: decoded.encoding };
}
