/**
 * Builds the `window.dispatch` object from the contract; tested without Electron. One method per
 * operation, each bound to its own channel, plus one `subscribe` for main's events (the
 * createListener pattern of grafana/k6-studio): the listener gets the event's data only, never
 * Electron's IpcRendererEvent (whose `sender` is ipcRenderer itself), and nothing lets the page
 * name a channel.
 */
import { channelFor, EVENTS_CHANNEL, OPERATION_NAMES, SUBSCRIBE, type AppEvent, type DispatchApi } from '../shared/contract';

/** The slice of ipcRenderer the bridge uses. */
export interface RendererIpc {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, data: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, data: unknown) => void): unknown;
}

export function buildBridge(ipc: RendererIpc): DispatchApi {
  const api: Record<string, unknown> = {};
  for (const name of OPERATION_NAMES) {
    const channel = channelFor(name);
    // Only the payload crosses: the renderer cannot pick a channel.
    api[name] = (payload: unknown) => ipc.invoke(channel, payload);
  }
  api[SUBSCRIBE] = (listener: (event: AppEvent) => void) => {
    if (typeof listener !== 'function') throw new TypeError('subscribe needs a listener function');
    // Our own wrapper, so removal does not depend on the identity of a function proxied across
    // the context bridge, and the IPC event object stays here.
    const forward = (_event: unknown, data: unknown) => listener(data as AppEvent);
    ipc.on(EVENTS_CHANNEL, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(EVENTS_CHANNEL, forward);
    };
  };
  return Object.freeze(api) as unknown as DispatchApi;
}
