import path from 'node:path';
import { app, ipcMain } from 'electron';
import ElectronStore from 'electron-store';
import { asKeyValueStore, confOptions, type OpenedStore } from '../stores/conf-store';
import { refuseSymlink } from '../stores/no-follow';
import { quarantineUnreadableJson } from '../stores/quarantine';

export interface ElectronStoreOptions {
  /** File name without extension; the file is `<userData>/<name>.json`. */
  name: string;
  fileMode?: number;
}

/**
 * openConfStore's twin for the packaged app: the file lives in Electron's userData folder.
 * Call after `app.whenReady()` so userData reflects any `app.setPath` done at startup.
 */
export function openElectronStore(options: ElectronStoreOptions): OpenedStore {
  const cwd = app.getPath('userData');
  const file = path.join(cwd, `${options.name}.json`);
  // electron-store follows links: a planted one would make it read and write a file elsewhere.
  refuseSymlink(file);
  const notice = quarantineUnreadableJson(file);
  const store = new ElectronStore<Record<string, unknown>>({
    cwd,
    name: options.name,
    ...confOptions(options.fileMode),
  });
  // electron-store registers an unauthenticated `electron-store-get-data` IPC listener for
  // renderer-side stores. Our renderer never uses one, and every IPC entry must go through the
  // checked registration in ipc.ts, so remove it.
  ipcMain.removeAllListeners('electron-store-get-data');
  return { store: asKeyValueStore(store), notices: notice ? [notice] : [] };
}
