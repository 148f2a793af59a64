/**
 * "Undo last import" in the application menu: whether it is enabled, and until when. Main keeps
 * the last import's undo for an hour (contacts-import.ts); the menu item is enabled exactly while
 * that record exists and has not expired, and greys out by itself when the hour is over (a timer
 * set for `undoUntil`, not polling). The undo it runs is the window's own operation
 * (contactsImportUndo through the core's handlers), so the toolbar, the toast and the menu can
 * never disagree about what is undone. Plain TypeScript: the Electron adapter only redraws the
 * menu when `onAvailability` says so.
 */
import type { ImportUndoResponse, LastImport } from '../../shared/contract';

export interface UndoImportAvailability {
  enabled: boolean;
  /** When the item must be re-checked (the undo's deadline), or null when nothing is pending. */
  until: number | null;
}

export function undoImportAvailability(last: LastImport | null, now: number): UndoImportAvailability {
  if (!last || last.undoUntil <= now) return { enabled: false, until: null };
  return { enabled: true, until: last.undoUntil };
}

export interface ImportUndoMenuDeps {
  /** The import that can still be undone (contactsImportLast), or null. */
  lastImport(): Promise<LastImport | null>;
  /** The same undo as the toolbar's (contactsImportUndo); the caller shows its result in the window. */
  undo(): Promise<ImportUndoResponse>;
  now(): number;
  /** Runs `run` once after `ms`; returns a function that cancels it. */
  setTimer(run: () => void, ms: number): () => void;
  /** The item's enabled state changed (also called once by the first refresh). */
  onAvailability(enabled: boolean): void;
}

export interface ImportUndoMenu {
  /** Re-reads main's undo record (after an import, an undo, a change of contact source). */
  refresh(): Promise<void>;
  /** The menu item was chosen: the undo's answer (a failure when nothing is undoable any more). */
  run(): Promise<ImportUndoResponse>;
  enabled(): boolean;
  dispose(): void;
}

export function createImportUndoMenu(deps: ImportUndoMenuDeps): ImportUndoMenu {
  let enabled: boolean | null = null;
  let cancelTimer: (() => void) | null = null;
  // Only the latest refresh's answer counts: an older one arriving late must not re-enable the item.
  let generation = 0;
  let disposed = false;

  const apply = (availability: UndoImportAvailability) => {
    cancelTimer?.();
    cancelTimer = null;
    if (availability.until !== null) {
      cancelTimer = deps.setTimer(() => void refresh(), Math.max(0, availability.until - deps.now()));
    }
    if (availability.enabled !== enabled) {
      enabled = availability.enabled;
      deps.onAvailability(enabled);
    }
  };

  async function refresh(): Promise<void> {
    if (disposed) return;
    const mine = ++generation;
    const last = await deps.lastImport();
    if (mine !== generation || disposed) return;
    apply(undoImportAvailability(last, deps.now()));
  }

  return {
    refresh,
    async run() {
      // Main decides, not the menu's possibly stale state: after the hour its answer is the
      // "no longer undoable" failure, which the window shows like the toolbar's.
      const result = await deps.undo();
      await refresh();
      return result;
    },
    enabled: () => enabled === true,
    dispose() {
      disposed = true;
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}
