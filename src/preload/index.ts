/**
 * The bridge: exactly one method per contract operation under `window.dispatch`, nothing else.
 * No ipcRenderer, no generic invoke, no logic. A sandboxed preload can only `require('electron')`,
 * so everything else here is bundled in.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';
import { BRIDGE_GLOBAL } from '../shared/contract';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  buildBridge((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
