/** Short-lived messages at the bottom of the window, optionally with an Undo (deletes are undoable, never confirmed). */
import { create } from 'zustand';
import type { Tone, UiMessage } from '../lib/ui-message';

export const UNDO_WINDOW_MS = 6000;
const DEFAULT_MS = 4000;
const MAX_TOASTS = 3;

export interface Toast {
  id: number;
  message: UiMessage;
  tone: Tone;
  /** Present for undoable actions; the toast's button runs it once. */
  undo?: () => Promise<void> | void;
  timeoutMs: number;
}

export interface ToastInput {
  message: UiMessage;
  tone?: Tone;
  undo?: () => Promise<void> | void;
  timeoutMs?: number;
}

interface ToastState {
  toasts: Toast[];
  show(input: ToastInput): number;
  dismiss(id: number): void;
  runUndo(id: number): Promise<void>;
  /** Stops the timer while the pointer or focus is on a toast, so Undo does not vanish under the cursor. */
  hold(id: number): void;
  release(id: number): void;
}

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function clearTimer(id: number): void {
  const t = timers.get(id);
  if (t !== undefined) clearTimeout(t);
  timers.delete(id);
}

export const useToastStore = create<ToastState>((set, get) => {
  const arm = (toast: Toast) => {
    clearTimer(toast.id);
    timers.set(
      toast.id,
      setTimeout(() => get().dismiss(toast.id), toast.timeoutMs),
    );
  };
  return {
    toasts: [],
    show(input) {
      const toast: Toast = {
        id: nextId++,
        message: input.message,
        tone: input.tone ?? 'info',
        undo: input.undo,
        timeoutMs: input.timeoutMs ?? (input.undo ? UNDO_WINDOW_MS : DEFAULT_MS),
      };
      const kept = get().toasts.slice(-(MAX_TOASTS - 1));
      for (const dropped of get().toasts.slice(0, get().toasts.length - kept.length)) clearTimer(dropped.id);
      set({ toasts: [...kept, toast] });
      arm(toast);
      return toast.id;
    },
    dismiss(id) {
      clearTimer(id);
      if (get().toasts.some((t) => t.id === id)) set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },
    async runUndo(id) {
      const toast = get().toasts.find((t) => t.id === id);
      get().dismiss(id);
      if (toast?.undo) await toast.undo();
    },
    hold(id) {
      clearTimer(id);
    },
    release(id) {
      const toast = get().toasts.find((t) => t.id === id);
      if (toast) arm(toast);
    },
  };
});

export function showToast(input: ToastInput): number {
  return useToastStore.getState().show(input);
}
