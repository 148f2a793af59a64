/**
 * Electron adapter for main's events: each event goes out on the one events channel to the app's
 * own windows only — the webContents ids index.ts registered when it opened them, still alive and
 * still showing the app page. Never a broadcast (no BrowserWindow.getAllWindows(), no
 * webContents.getAllWebContents()): a devtools or any other webContents gets nothing.
 */
import { webContents } from 'electron';
import { EVENTS_CHANNEL, type AppEvent } from '../../shared/contract';
import type { Logger } from '../log';

/** The parts of a WebContents we use. */
export interface EventTarget {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, data: AppEvent): void;
}

export interface EventForwarding {
  subscribe(listener: (event: AppEvent) => void): () => void;
  /** The app's windows' webContents ids, read at every event (windows come and go). */
  windowIds(): Iterable<number>;
  isAppUrl(url: string): boolean;
  log: Logger;
  /** Tests pass a fake; the app looks the id up in Electron. */
  find?(id: number): EventTarget | undefined;
}

/** Starts forwarding; returns the function that stops it. */
export function forwardEventsToWindows(options: EventForwarding): () => void {
  const find = options.find ?? ((id: number) => webContents.fromId(id));
  return options.subscribe((event) => {
    for (const id of options.windowIds()) {
      const target = find(id);
      // Closing: the 'closed' handler has not removed the id yet.
      if (!target || target.isDestroyed()) continue;
      // Navigation is denied, so this only guards against a window that somehow left the app.
      if (!options.isAppUrl(target.getURL())) continue;
      try {
        target.send(EVENTS_CHANNEL, event);
      } catch (error) {
        // A renderer that died between the check and the send; the others still get the event.
        options.log.warn('events.send_failed', { type: event.type, error: error instanceof Error ? error.message : String(error) });
      }
    }
  });
}
