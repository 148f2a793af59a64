import path from 'node:path';
import { app } from 'electron';
import ElectronStore from 'electron-store';
import { asKeyValueStore, confOptions, type OpenedStore } from '../stores/conf-store';
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
  const notice = quarantineUnreadableJson(path.join(cwd, `${options.name}.json`));
  const store = new ElectronStore<Record<string, unknown>>({
    cwd,
    name: options.name,
    ...confOptions(options.fileMode),
  });
  return { store: asKeyValueStore(store), notices: notice ? [notice] : [] };
}
