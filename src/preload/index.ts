/**
 * The bridge: exactly one method per contract operation under `window.dispatch`, plus one
 * `subscribe` for main's events, nothing else. No ipcRenderer, no generic invoke or listen, no
 * logic. A sandboxed preload can only `require('electron')`, so everything else here is bundled
 * in (the contract's name list only: zod stays out of it).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';
import { BRIDGE_GLOBAL } from '../shared/contract';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  buildBridge({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    on: (channel, listener) => ipcRenderer.on(channel, listener),
    removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
  }),
);
