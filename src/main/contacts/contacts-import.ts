/**
 * CSV import and export of the contact book. The CSV rules (decoding, columns, duplicates, what
 * apply changes) live in csv.ts; this file holds the steps around them: the preview kept between
 * "preview" and "apply", storing the result, and the contract's shapes.
 */
import { randomUUID } from 'node:crypto';
import type {
  CsvExportResponse,
  ImportApplyRequest,
  ImportApplyResponse,
  ImportPreviewRequest,
  ImportPreviewResponse,
} from '../../shared/contract';
import { IMPORT_FILE_MAX_BYTES } from '../../shared/contact-limits';
import { msg, type Language } from '../../shared/i18n';
import { success } from '../../shared/result';
import { fileStamp } from '../local-time';
import type { ContactsSource } from '../sources/contacts-source';
import { applyImport, decodeCsvBytes, exportContactsCsv, importContacts, parseCsv, type ImportPreview } from './csv';
import { invalidField } from './field-text';
import type { Groups } from './groups';
import { createImportCache } from './import-cache';

export interface ContactsImport {
  preview(request: ImportPreviewRequest): ImportPreviewResponse;
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
  /** Preview lifetime and how many are kept; defaults in import-cache.ts. */
  ttlMs?: number;
  kept?: number;
}

const tooBig = invalidField('dataBase64', msg('importFile.tooBig', { mb: IMPORT_FILE_MAX_BYTES / 1024 / 1024 }));
const undecodable = invalidField('dataBase64', msg('importFile.undecodable'));
const expired = invalidField('importId', msg('importFile.expired'));

export function createContactsImport(deps: ContactsImportDeps): ContactsImport {
  const previews = createImportCache<ImportPreview>({ now: deps.now, ttlMs: deps.ttlMs, max: deps.kept });

  return {
    preview(request) {
      const bytes = Buffer.from(request.dataBase64, 'base64');
      if (bytes.length > IMPORT_FILE_MAX_BYTES) return tooBig;
      const decoded = decodeCsvBytes(bytes);
      // Mojibake names would be imported as if they were real; better to say what to do.
      if (decoded.lossy) return undecodable;
      const preview = importContacts(parseCsv(decoded.text), deps.contacts.all(), { duplicate: request.duplicate });
      const importId = previews.put(preview);
      return success({
        preview: {
          importId,
          encoding: decoded.encoding,
          rows: preview.rows.map((r) => ({
            line: r.line,
            status: r.status,
            name: r.name,
            numbers: r.numbers,
            errors: r.errors.map((e) => e.text),
          })),
          summary: preview.summary,
        },
      });
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

    clear: () => previews.clear(),
  };
}
