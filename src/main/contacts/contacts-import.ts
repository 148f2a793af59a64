/**
 * CSV import and export of the contact book. Reading the file lives in csv.ts, the format-neutral
 * rules (duplicates, what apply changes) in import/; this file holds the steps around them: the
 * preview kept between "preview" and "apply", storing the result, and the contract's shapes.
 */
import { randomUUID } from 'node:crypto';
import type {
  CsvExportResponse,
  ImportApplyRequest,
  ImportApplyResponse,
  ImportPreviewRequest,
  ImportPreviewResponse,
  ImportPreviewRow,
  ImportRowsRequest,
  ImportRowsResponse,
} from '../../shared/contract';
import { CONTACT_BOOK_MAX, IMPORT_FILE_MAX_BYTES, IMPORT_PREVIEW_ROWS, IMPORT_ROWS_MAX } from '../../shared/contact-limits';
import { msg, type Language } from '../../shared/i18n';
import { success } from '../../shared/result';
import { fileStamp } from '../local-time';
import type { ContactsSource } from '../sources/contacts-source';
import { exportContactsCsv } from './csv';
import { applyImport } from './import/import-apply';
import type { ImportPreview, ImportRow } from './import/import-preview';
import type { ImportProgress } from './import-parse';
import { createImportRunner, type ImportRunner } from './import-runner';
import { invalidField } from './field-text';
import type { Groups } from './groups';
import { createImportCache } from './import-cache';
import type { SourceReadFailure } from './import/read-source';
import type { MappingMemory } from './import/mapping-memory';

export interface ContactsImport {
  preview(request: ImportPreviewRequest): Promise<ImportPreviewResponse>;
  rows(request: ImportRowsRequest): ImportRowsResponse;
  apply(request: ImportApplyRequest): ImportApplyResponse;
  /** Headers and words in `lang` (the UI language; zh-CN when absent). */
  exportCsv(lang?: Language): CsvExportResponse;
  /** Forgets pending previews (closing the app). */
  clear(): void;
}

export interface ContactsImportDeps {
  contacts: ContactsSource;
  groups: Groups;
  now(): number;
  /** Preview lifetime and how many are kept (default one: a preview of a large file is large). */
  ttlMs?: number;
  kept?: number;
  /** Where the parse runs: a worker thread for anything but a small file, by default. */
  runner?: ImportRunner;
  /** Progress of the parse, for whoever shows it (core: the `importProgress` event). */
  onProgress?: (progress: ImportProgress) => void;
  /** Column mappings the dispatcher chose, remembered per header set (none kept without it). */
  mappings?: MappingMemory;
  /** Caps (defaults in shared/contact-limits.ts). */
  maxRows?: number;
  maxBook?: number;
}

const tooManyRows = (max: number) => invalidField('dataBase64', msg('importFile.tooManyRows', { max }));
const outOfMemory = invalidField('dataBase64', msg('importFile.tooLargeToPreview'));
const bookFull = (max: number, current: number, adding: number) => invalidField('importId', msg('importFile.bookFull', { max, current, adding }));
const cancelled = invalidField('dataBase64', msg('importFile.replaced'));

function rowView(r: ImportRow): ImportPreviewRow {
  return { line: r.line, status: r.status, name: r.name, numbers: r.numbers, errors: r.errors.map((e) => e.text) };
}

/** Why a file could not be read, in the dispatcher's words. */
function readFailure(f: SourceReadFailure) {
  switch (f.reason) {
    case 'undecodable':
      return undecodable;
    case 'too_many_rows':
      return tooManyRows(f.maxRows);
    case 'xls':
      return invalidField('dataBase64', msg('importSource.xls'));
    case 'bad_xlsx':
      return invalidField('dataBase64', msg('importSource.badXlsx'));
    case 'unknown_sheet':
      return invalidField('sheet', msg('importSource.unknownSheet', { sheet: f.sheet }));
    case 'no_cards':
      return invalidField('dataBase64', msg('importSource.noCards'));
    case 'empty':
      return invalidField('dataBase64', msg('importSource.emptyFile'));
  }
}

const tooBig = invalidField('dataBase64', msg('importFile.tooBig', { mb: IMPORT_FILE_MAX_BYTES / 1024 / 1024 }));
const undecodable = invalidField('dataBase64', msg('importFile.undecodable'));
const expired = invalidField('importId', msg('importFile.expired'));

export function createContactsImport(deps: ContactsImportDeps): ContactsImport {
  const previews = createImportCache<ImportPreview>({ now: deps.now, ttlMs: deps.ttlMs, max: deps.kept ?? 1 });
  const runner = deps.runner ?? createImportRunner();
  const maxRows = deps.maxRows ?? IMPORT_ROWS_MAX;
  const maxBook = deps.maxBook ?? CONTACT_BOOK_MAX;
  const onProgress = (p: ImportProgress) => deps.onProgress?.(p);

  return {
    async preview(request) {
      // Checked on the base64 length before decoding: a too-large file is never materialised.
      if (Math.floor((request.dataBase64.length * 3) / 4) > IMPORT_FILE_MAX_BYTES + 2) return tooBig;
      const bytes = Buffer.from(request.dataBase64, 'base64');
      if (bytes.length > IMPORT_FILE_MAX_BYTES) return tooBig;
      // A new file replaces the previous preview: only one is kept.
      previews.clear();
      const parsed = await runner.run(
        {
          bytes,
          fileName: request.fileName,
          lang: request.lang ?? 'zh-CN',
          sheet: request.sheet,
          mapping: request.mapping,
          remembered: deps.mappings?.all(),
          existing: deps.contacts.all(),
          duplicate: request.duplicate,
          maxRows,
        },
        onProgress,
      );
      if (!parsed.ok) {
        if (parsed.reason === 'out_of_memory') return outOfMemory;
        if (parsed.reason === 'cancelled') return cancelled;
        return readFailure(parsed as SourceReadFailure);
      }
      // The dispatcher chose these columns for these headers: next time they are read the same way.
      if (request.mapping && parsed.headerSet !== null) deps.mappings?.remember(parsed.headerSet, request.mapping);
      const preview = parsed.preview;
      const importId = previews.put(preview);
      const problemRows: ImportPreviewRow[] = [];
      for (const r of preview.rows) {
        if (problemRows.length >= IMPORT_PREVIEW_ROWS) break;
        if (r.status !== 'new') problemRows.push(rowView(r));
      }
      return success({
        preview: {
          importId,
          encoding: parsed.source.encoding ?? '',
          rows: preview.rows.slice(0, IMPORT_PREVIEW_ROWS).map(rowView),
          problemRows,
          summary: preview.summary,
          source: parsed.source,
        },
      });
    },

    rows(request) {
      const preview = previews.get(request.importId);
      if (!preview) return expired;
      const matching = request.status ? preview.rows.filter((r) => r.status === request.status) : preview.rows;
      const limit = Math.min(request.limit, IMPORT_PREVIEW_ROWS);
      return success({ rows: matching.slice(request.offset, request.offset + limit).map(rowView), total: matching.length });
    },

    apply(request) {
      const preview = previews.get(request.importId);
      if (!preview) return expired;
      // Against the book as it is now: contacts deleted since the preview are skipped, not revived.
      const plan = applyImport(preview, deps.contacts.all(), {
        duplicate: request.duplicate,
        groups: deps.groups.all(),
        now: deps.now(),
        newId: randomUUID,
      });
      const current = deps.contacts.all().length;
      if (current + plan.counts.added > maxBook) return bookFull(maxBook, current, plan.counts.added);
      // Groups first: a crash in between leaves unused groups, never contacts in missing groups.
      const failed = deps.groups.addMany(plan.newGroups);
      if (failed) return failed;
      const put = deps.contacts.put(plan.contacts, 'import');
      if (!put.ok) return put;
      previews.delete(request.importId);
      return success(plan.counts);
    },

    exportCsv(lang) {
      const csv = exportContactsCsv(deps.contacts.all(), deps.groups.all(), lang);
      return success({ fileName: `contacts-${fileStamp(deps.now())}.csv`, csv });
    },

    clear: () => {
      runner.cancel();
      previews.clear();
    },
  };
}
