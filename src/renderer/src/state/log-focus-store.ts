/**
 * Which call-log entry the window was asked to show (a native notification was clicked). `seq`
 * grows with every request, so the same entry asked for twice scrolls to it twice.
 */
import { create } from 'zustand';

export interface LogFocusState {
  entryId: string | null;
  seq: number;
  focus(entryId: string): void;
}

export const useLogFocusStore = create<LogFocusState>((set, get) => ({
  entryId: null,
  seq: 0,
  focus(entryId) {
    set({ entryId, seq: get().seq + 1 });
  },
}));
