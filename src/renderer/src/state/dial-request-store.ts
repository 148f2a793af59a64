/**
 * Dial requests from outside the window (tel: links, the clipboard hotkey, the tray), each waiting
 * for the dispatcher's confirmation. Enter on the confirmation places exactly one call; Esc drops
 * it. A request main could not turn into a number shows the normal phone error and queues nothing.
 */
import { create } from 'zustand';
import { phoneErrorText } from '../../../shared/phone';
import type { DialableParse } from '../../../shared/phone-extension';
import { EMPTY_DIAL_QUEUE, enqueueDial, takeCurrent, type DialQueue, type DialRequestSource } from '../lib/dial-queue';
import { useCallsStore } from './calls-store';
import { showToast } from './toast-store';

export interface IncomingDialRequest {
  source: DialRequestSource;
  /** The main number with its extension apart (read by parseDialable), or why it is not one. */
  phone: DialableParse;
}

interface DialRequestState {
  queue: DialQueue;
  receive(request: IncomingDialRequest): void;
  /** Calls the shown request once; a stale or repeated confirm does nothing. */
  confirm(id: number, name?: string): Promise<void>;
  cancel(id: number): void;
}

let nextId = 1;

export const useDialRequestStore = create<DialRequestState>((set, get) => ({
  queue: EMPTY_DIAL_QUEUE,
  receive({ source, phone }) {
    if (!phone.ok) {
      // The same words as the dial box: what was wrong with which number.
      showToast({ message: phoneErrorText(phone), tone: 'error' });
      return;
    }
    const pending = { id: nextId++, number: phone.number, source, ...(phone.extension ? { extension: phone.extension } : {}) };
    set({ queue: enqueueDial(get().queue, pending).queue });
  },
  async confirm(id, name) {
    const { queue, call } = takeCurrent(get().queue, id);
    if (!call) return;
    set({ queue });
    // The confirmation is the deliberate act; the calls store still refuses an identical call in flight.
    await useCallsStore
      .getState()
      .startCall({ number: call.number, ...(name ? { name } : {}), ...(call.extension ? { extension: call.extension } : {}) }, { explicit: true });
  },
  cancel(id) {
    set({ queue: takeCurrent(get().queue, id).queue });
  },
}));
