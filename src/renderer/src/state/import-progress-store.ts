/**
 * How far main has got with the import preview being read (the `importProgress` event), for the
 * import dialog's progress line. Main sends it as it goes; nothing here asks.
 */
import { create } from 'zustand';
import type { ImportProgressView } from '../../../shared/contract';

interface ImportProgressState {
  progress: ImportProgressView | null;
  received(progress: ImportProgressView): void;
  /** A new preview request starts from nothing. */
  reset(): void;
}

export const useImportProgressStore = create<ImportProgressState>((set) => ({
  progress: null,
  received: (progress) => set({ progress }),
  reset: () => set({ progress: null }),
}));

/** Decoding is quick; parsing is most of the work, checking the rest. */
export function progressPercent(p: ImportProgressView): number {
  return Math.round(p.stage === 'decoding' ? 0 : p.stage === 'parsing' ? p.done * 70 : 70 + p.done * 30);
}
