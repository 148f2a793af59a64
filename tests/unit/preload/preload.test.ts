import { describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, channelFor, OPERATION_NAMES } from '../../../src/shared/contract';

describe('preload', () => {
  it('exposes exactly the contract operations under one global, each bound to its own channel', async () => {
    await import('../../../src/preload/index');
    const expose = vi.mocked(contextBridge.exposeInMainWorld);
    expect(expose).toHaveBeenCalledTimes(1);
    const [globalName, api] = expose.mock.calls[0] as [string, Record<string, unknown>];
    expect(globalName).toBe(BRIDGE_GLOBAL);
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);

    for (const name of OPERATION_NAMES) {
      expect(typeof api[name]).toBe('function');
      vi.mocked(ipcRenderer.invoke).mockClear();
      await (api[name] as (p: unknown) => Promise<unknown>)({ probe: name });
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(channelFor(name), { probe: name });
    }
  });

  it('never hands out ipcRenderer or a generic invoke', async () => {
    await import('../../../src/preload/index');
    const [, api] = vi.mocked(contextBridge.exposeInMainWorld).mock.calls[0] as [string, Record<string, unknown>];
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'on', 'require']) expect(api).not.toHaveProperty(forbidden);
    for (const value of Object.values(api)) expect(value).not.toBe(ipcRenderer.invoke);
  });
});
