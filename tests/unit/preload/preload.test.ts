import { describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, channelFor, EVENTS_CHANNEL, OPERATION_NAMES, SUBSCRIBE } from '../../../src/shared/contract';

async function exposed(): Promise<Record<string, unknown>> {
  await import('../../../src/preload/index');
  const expose = vi.mocked(contextBridge.exposeInMainWorld);
  expect(expose).toHaveBeenCalledTimes(1);
  const [globalName, api] = expose.mock.calls[0] as [string, Record<string, unknown>];
  expect(globalName).toBe(BRIDGE_GLOBAL);
  return api;
}

describe('preload', () => {
  it('exposes exactly the contract operations plus subscribe under one global, each operation bound to its own channel', async () => {
    const api = await exposed();
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES, SUBSCRIBE].sort());
    expect(Object.isFrozen(api)).toBe(true);

    for (const name of OPERATION_NAMES) {
      expect(typeof api[name]).toBe('function');
      vi.mocked(ipcRenderer.invoke).mockClear();
      await (api[name] as (p: unknown) => Promise<unknown>)({ probe: name });
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(channelFor(name), { probe: name });
    }
  });

  it('never hands out ipcRenderer or a generic invoke or listen', async () => {
    const api = await exposed();
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'on', 'once', 'removeListener', 'require']) expect(api).not.toHaveProperty(forbidden);
    for (const value of Object.values(api)) {
      expect(value).not.toBe(ipcRenderer.invoke);
      expect(value).not.toBe(ipcRenderer.on);
    }
  });

  it('subscribe listens on the events channel only, and the listener gets the event data, never the IPC event', async () => {
    const api = await exposed();
    vi.mocked(ipcRenderer.on).mockClear();
    vi.mocked(ipcRenderer.removeListener).mockClear();
    const listener = vi.fn();
    const unsubscribe = (api[SUBSCRIBE] as (l: (e: unknown) => void) => () => void)(listener);
    expect(ipcRenderer.on).toHaveBeenCalledTimes(1);
    const [channel, handler] = vi.mocked(ipcRenderer.on).mock.calls[0] as unknown as [string, (event: unknown, data: unknown) => void];
    expect(channel).toBe(EVENTS_CHANNEL);

    // What Electron passes: the IpcRendererEvent (whose sender is ipcRenderer itself), then the data.
    const ipcEvent = { sender: ipcRenderer, senderId: 0, ports: [] };
    const data = { type: 'contactsChanged', data: { revision: 3 } };
    handler(ipcEvent, data);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([data]);
    expect(listener.mock.calls[0]).not.toContain(ipcEvent);

    unsubscribe();
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(EVENTS_CHANNEL, handler);
  });

  it('subscribe refuses something that is not a function', async () => {
    const api = await exposed();
    expect(() => (api[SUBSCRIBE] as (l: unknown) => unknown)('dispatch:startCall')).toThrow(TypeError);
  });
});
