/**
 * Main's event bus: services emit what changed (the contract's `AppEvents`), the adapters
 * (Electron IPC to the app's windows, the preview's Server-Sent Events) subscribe and carry it to
 * the window. Plain Node, synchronous, in emission order.
 *
 * A subscriber that throws is logged and skipped: services emit in the middle of their own work
 * (a call just recorded, a contact just saved), and a broken window transport must not undo or
 * interrupt that.
 */
import type { AppEvent, AppEventName, AppEvents } from '../../shared/contract';
import type { Logger } from '../log';

export type EventListener = (event: AppEvent) => void;

/** What a service needs: it can emit, not listen. */
export interface EventSink {
  emit<K extends AppEventName>(type: K, data: AppEvents[K]): void;
}

export interface EventBus extends EventSink {
  /** Returns the unsubscribe function; calling it twice is harmless. */
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(log: Logger): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(type, data) {
      const event = { type, data } as AppEvent;
      // A copy: a listener may unsubscribe (itself or another) while we deliver.
      for (const listener of [...listeners]) {
        if (!listeners.has(listener)) continue;
        try {
          listener(event);
        } catch (error) {
          log.error('events.listener_threw', { type, error: error instanceof Error ? error.message : String(error) });
        }
      }
    },
    subscribe(listener) {
      // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
      const own: EventListener = (event) => listener(event);
      listeners.add(own);
      return () => {
        listeners.delete(own);
      };
    },
  };
}
