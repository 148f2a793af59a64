/**
 * The last import while it can be undone (an hour, kept by main across restarts): the import's
 * toast offers Undo for a few seconds, the contacts toolbar offers "undo last import" for the hour
 * (and, in the desktop app, the File menu: main runs that undo and sends its answer here).
 */
import { create } from 'zustand';
import type { ImportCounts, ImportUndoResponse, LastImport } from '../../../shared/contract';
import { invoke } from '../bridge';
import { showToast } from './toast-store';
import { useContactsStore } from './contacts-store';

interface ImportUndoState {
  last: LastImport | null;
  /** Asks main whether an import can still be undone. */
  refresh(): Promise<void>;
  /** An import was just applied: remember it and offer Undo in a toast. */
  imported(counts: ImportCounts, undoUntil: number): void;
  undo(): Promise<void>;
  /** Main undid the last import itself (the application menu): shows its answer as `undo` would. */
  undoneElsewhere(result: ImportUndoResponse): Promise<void>;
}

/** The answer of an undo, in words, whichever command asked for it. */
async function showUndoResult(r: ImportUndoResponse): Promise<void> {
  if (!r.ok) {
    showToast({ message: { failure: r }, tone: 'error' });
    return;
  }
  showToast({ message: { key: 'importReview.undone', params: { removed: r.removed, restored: r.restored } }, tone: 'success' });
  await useContactsStore.getState().load();
}

export const useImportUndoStore = create<ImportUndoState>((set, get) => ({
  last: null,
  async refresh() {
    const r = await invoke('contactsImportLast', {});
    if (r.ok) set({ last: r.last });
  },
  imported(counts, undoUntil) {
    set({ last: { at: Date.now(), undoUntil, counts } });
    showToast({
      message: { key: 'importReview.imported', params: { added: counts.added, merged: counts.merged, replaced: counts.replaced } },
      tone: 'success',
      undo: () => get().undo(),
    });
  },
  async undo() {
    const r = await invoke('contactsImportUndo', {});
    set({ last: null });
    await showUndoResult(r);
  },
  async undoneElsewhere(result) {
    set({ last: null });
    await showUndoResult(result);
  },
}));
