/**
 * The app's main side assembled from plain-Node parts: the browser preview, the e2e tests and the
 * benchmarks run exactly this. It differs from the Electron entry point only in its adapters:
 * `conf` instead of electron-store (electron-store is conf plus Electron's userData path), and an
 * in-memory-key cipher instead of safeStorage.
 */
import { join } from 'node:path';
import type { ApiHostPolicy } from '../../yunxin/api-host';
import { createDispatchCore, type CoreDeps, type DispatchCore } from '../core';
import { createLogger, type Logger } from '../log';
import type { Sandbox } from '../sandbox/sandbox';
import { openConfStore } from '../stores/conf-store';
import { lockDataFolder, type DataFolderLock } from '../stores/data-folder-lock';
import type { StoreNotice } from '../stores/store-notice';
import { createMemoryKeyCipher } from '../vault/memory-key-cipher';

export interface NodeRuntime {
  core: DispatchCore;
  log: Logger;
  notices: StoreNotice[];
  dataDir: string;
}

export function openNodeRuntime(options: {
  dataDir: string;
  sandbox?: Sandbox;
  timeoutMs?: number;
  echoLog?: boolean;
  apiHosts?: ApiHostPolicy;
  /** Team mode's hub timeout, reconnect backoff and fetch (tests). */
  team?: CoreDeps['team'];
}): NodeRuntime {
  // First, before any file is opened: a second writer on the folder refuses here.
  const lock = lockDataFolder(options.dataDir);
  try {
    return openUnlocked(options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function openUnlocked(options: Parameters<typeof openNodeRuntime>[0], lock: DataFolderLock): NodeRuntime {
  const log = createLogger({ file: join(options.dataDir, 'dispatch-desk.log'), echo: options.echoLog });
  const settings = openConfStore({ cwd: options.dataDir, name: 'settings' });
  const vault = openConfStore({ cwd: options.dataDir, name: 'vault' });
  // The desktop settings are stored here too, for the desktop app that opens the same folder.
  const desktop = openConfStore({ cwd: options.dataDir, name: 'desktop' });
  const notices = [...settings.notices, ...vault.notices, ...desktop.notices];
  for (const notice of notices) log.warn('store.notice', { ...notice });
  const core: DispatchCore = createDispatchCore({
    settingsStore: settings.store,
    vaultStore: vault.store,
    desktopStore: desktop.store,
    cipher: createMemoryKeyCipher(),
    log,
    dataDir: options.dataDir,
    notices,
    sandbox: options.sandbox,
    timeoutMs: options.timeoutMs,
    // The preview is a development tool (never packaged): a local simulator may stand in for the API.
    apiHosts: options.apiHosts ?? { allowLoopback: true },
    team: options.team,
  });
  const locked: DispatchCore = {
    ...core,
    async close() {
      try {
        await core.close();
      } finally {
        // The log keeps its file open between lines; a line written after this opens it again.
        log.close();
        lock.release();
      }
    },
  };
  return { core: locked, log, notices, dataDir: options.dataDir };
}
