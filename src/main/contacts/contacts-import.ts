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
  ImportLastResponse,
  ImportPreviewRequest,
  ImportPreviewResponse,
  ImportPreviewRow,
  ImportRejectedRequest,
  ImportRowsRequest,
  ImportRowsResponse,
  ImportUndoResponse,
} from '../../shared/contract';
import { CONTACT_BOOK_MAX, IMPORT_FILE_MAX_BYTES, IMPORT_PREVIEW_ROWS, IMPORT_ROWS_MAX } from '../../shared/contact-limits';
import { msg, type Language } from '../../shared/i18n';
import { success } from '../../shared/result';
import { fileStamp } from '../local-time';
import type { ContactsSource } from '../sources/contacts-source';
import { exportContactsCsv } from './csv';
import { applyImport } from './import/import-apply';
import type { ConflictDecision, ImportPreview, ImportRow } from './import/import-preview';
import { IMPORT_UNDO_MS, memoryImportUndoStore, type ImportUndoStore } from './import/import-undo';
import { exportRejectedCsv } from './import/rejected-csv';
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
  /** The last import while it can be undone. */
  last(): ImportLastResponse;
  /** Undoes the last import as one step: what it added goes, what it changed comes back as it was. */
  undo(): ImportUndoResponse;
  /** A preview's rejected rows as a CSV to fix. */
  rejectedCsv(request: ImportRejectedRequest): CsvExportResponse;
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
  /** Where the last import's undo is kept (a file in the data folder in the app; memory by default). */
  undoStore?: ImportUndoStore;
  /** How long an import can be undone (default an hour). */
  undoMs?: number;
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
  const view: ImportPreviewRow = {
    line: r.line,
    status: r.status,
    name: r.name,
    numbers: r.numbers,
    org: r.org,
    notes: r.notes,
    groups: r.groupNames,
    errors: r.errors.map((e) => e.text),
    warnings: r.warnings.map((e) => e.text),
    removes: r.removes,
  };
  if (r.match) view.match = r.match;
  if (r.conflictWith) view.conflictWith = r.conflictWith.map((t) => t.name);
  return view;
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
const undoGone = invalidField('import', msg('importPlan.undoExpired'));

export function createContactsImport(deps: ContactsImportDeps): ContactsImport {
  const previews = createImportCache<ImportPreview>({ now: deps.now, ttlMs: deps.ttlMs, max: deps.kept ?? 1 });
  const runner = deps.runner ?? createImportRunner();
  const maxRows = deps.maxRows ?? IMPORT_ROWS_MAX;
  const maxBook = deps.maxBook ?? CONTACT_BOOK_MAX;
  const undoStore = deps.undoStore ?? memoryImportUndoStore();
  const undoMs = deps.undoMs ?? IMPORT_UNDO_MS;
  /** The undo record while it is still valid; an expired one is forgotten. */
  const lastImport = () => {
    const r = undoStore.read();
    if (r && r.undoUntil > deps.now()) return r;
    if (r) undoStore.write(null);
    return null;
  };
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
      const decisions = new Map<number, ConflictDecision>((request.decisions ?? []).map((d) => [d.line, d.decision]));
      const plan = applyImport(preview, deps.contacts.all(), {
        duplicate: request.duplicate,
        decisions,
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
      const at = deps.now();
      const undoUntil = at + undoMs;
      // Only the last import is undoable: a second one makes the first permanent.
      undoStore.write({ at, undoUntil, counts: plan.counts, addedIds: plan.addedIds, before: plan.before, newGroups: plan.newGroups });
      return success({ ...plan.counts, undoUntil });
    },

    last() {
      const r = lastImport();
      return success({ last: r && { at: r.at, undoUntil: r.undoUntil, counts: r.counts } });
    },

    undo() {
      const r = lastImport();
      if (!r) return undoGone;
      const removed = deps.contacts.remove(r.addedIds);
      if (!removed.ok) return removed;
      if (r.before.length > 0) {
        const put = deps.contacts.put(r.before, 'restore');
        if (!put.ok) return put;
      }
      // A group the import created goes too, unless a contact has been put in it since.
      const used = new Set(deps.contacts.all().flatMap((c) => c.groupIds));
      for (const g of r.newGroups) if (!used.has(g.id)) deps.groups.delete(g.id, () => null);
      undoStore.write(null);
      return success({ removed: removed.deleted.length, restored: r.before.length });
    },

    rejectedCsv(request) {
      const preview = previews.get(request.importId);
      if (!preview) return expired;
      const lang = request.lang ?? 'zh-CN';
      return success({ fileName: `rejected-rows-${fileStamp(deps.now())}.csv`, csv: exportRejectedCsv(preview.rows, lang) });
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
