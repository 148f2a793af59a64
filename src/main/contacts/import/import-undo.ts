/**
 * The last import, kept so it can be undone as one step for an hour — across a restart too, so it
 * is written to a file in the data folder (atomically; a damaged file only means no undo).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Contact, ContactGroup } from '../../../shared/domain';
import type { ImportCounts } from '../../../shared/contract';
import { writeFileAtomicSync } from '../../stores/durable-file';

export const IMPORT_UNDO_MS = 60 * 60_000;

export interface ImportUndoRecord {
  at: number;
  undoUntil: number;
  counts: ImportCounts;
  /** Contacts the import created: undo deletes them. */
  addedIds: string[];
  /** Contacts the import changed (merge, replace), as they were before: undo puts them back verbatim. */
  before: Contact[];
  /** Groups the import created: undo deletes those no contact uses any more. */
  newGroups: ContactGroup[];
}

export interface ImportUndoStore {
  read(): ImportUndoRecord | null;
  write(record: ImportUndoRecord | null): void;
}

export function memoryImportUndoStore(): ImportUndoStore {
  let kept: ImportUndoRecord | null = null;
  return {
    read: () => kept,
    write: (r) => void (kept = r),
  };
}

const FORMAT = 'dispatch-desk.import-undo';

export function fileImportUndoStore(dataDir: string): ImportUndoStore {
  const file = join(dataDir, 'import-undo.json');
  return {
    read() {
      if (!existsSync(file)) return null;
      try {
        const doc = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; record?: ImportUndoRecord };
        const r = doc.format === FORMAT ? doc.record : undefined;
        const valid = r && typeof r.undoUntil === 'number' && Array.isArray(r.addedIds) && Array.isArray(r.before) && Array.isArray(r.newGroups);
        return valid ? r : null;
      } catch {
        return null;
      }
    },
    write(record) {
      if (record === null) rmSync(file, { force: true });
      else writeFileAtomicSync(file, Buffer.from(JSON.stringify({ format: FORMAT, record })));
    },
  };
}
