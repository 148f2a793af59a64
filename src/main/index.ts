/**
 * Electron entry point: the only place that ties the plain-Node core to Electron's app, window,
 * IPC and safeStorage adapters.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { startDesktopShell, type DesktopShell } from './electron/desktop';
import { linksAtLaunch, registerLinkIntake } from './electron/protocol';
import { withFirstCallSignal } from './desktop/first-call';
import { createDispatchCore, type DispatchCore } from './core';
import { forwardEventsToWindows } from './electron/events';
import { registerIpc } from './electron/ipc';
import { createSafeStorageCipher } from './electron/safe-storage-cipher';
import { openElectronStore } from './electron/electron-store';
import { createMainWindow } from './electron/window';
import { registerAppSchemePrivileges, serveAppScheme } from './electron/app-scheme';
import { APP_PAGE_URL } from './window/app-scheme';
import { appUrlMatcher } from './ipc/sender';
import { createLogger } from './log';
import { quitAfterClose } from './quit-after-close';
import { runStartUp } from './start-failure';
import { lockDataFolder, type DataFolderLock } from './stores/data-folder-lock';
import { API_HOSTS_FILE, readApiHostsFile } from './settings/api-hosts-file';
import { rendererUrl } from './window/renderer-url';

// A portable or test data directory; must be set before the app is ready.
if (process.env.DISPATCH_DATA_DIR) app.setPath('userData', process.env.DISPATCH_DATA_DIR);

// The renderer is served from app://desk, never file:// (registered before ready, served after).
registerAppSchemePrivileges();

// One instance only: two instances would race on the same store files.
if (!app.requestSingleInstanceLock()) app.quit();

let core: DispatchCore | null = null;
let lock: DataFolderLock | null = null;
const windowIds = new Set<number>();

// Dial links (argv, a second instance, macOS open-url) wait for the desktop shell, then ask the window.
let desktop: DesktopShell | null = null;
const launchLinks = linksAtLaunch();
registerLinkIntake({
  onLinks: (links) => (desktop ? desktop.receiveLinks(links) : launchLinks.push(...links)),
  focus: () => desktop?.show(),
});

// A start-up that throws (unwritable or locked folder) shows why and quits instead of leaving a
// process without a window.
app.whenReady().then(() =>
  runStartUp(start, app.getPath('userData'), (text) => {
    dialog.showErrorBox(text.title, text.message);
    lock?.release();
    app.exit(1);
  }),
);

function start() {
  const dataDir = app.getPath('userData');
  // One writer per data folder (the preview takes the same lock).
  lock = lockDataFolder(dataDir);
  const log = createLogger({ file: join(dataDir, 'dispatch-desk.log'), echo: !app.isPackaged });
  const settingsStore = openElectronStore({ name: 'settings' });
  const vaultStore = openElectronStore({ name: 'vault' });
  const desktopStore = openElectronStore({ name: 'desktop' });
  const notices = [...settingsStore.notices, ...vaultStore.notices, ...desktopStore.notices];
  for (const notice of notices) log.warn('store.notice', { ...notice });

  core = createDispatchCore({
    settingsStore: settingsStore.store,
    vaultStore: vaultStore.store,
    desktopStore: desktopStore.store,
    cipher: createSafeStorageCipher(),
    log,
    dataDir,
    notices,
    // Production calls go to the vendor's hosts, plus those of a file packaged with the app;
    // a loopback simulator only in development.
    apiHosts: {
      extraHosts: app.isPackaged ? readApiHostsFile(join(process.resourcesPath, API_HOSTS_FILE)) : [],
      allowLoopback: !app.isPackaged,
    },
  });

  serveAppScheme(join(__dirname, '../renderer'), log);
  const appUrl = rendererUrl({ isPackaged: app.isPackaged, envUrl: process.env.ELECTRON_RENDERER_URL, bundledUrl: APP_PAGE_URL });
  const isAppUrl = appUrlMatcher(appUrl);
  registerIpc(
    withFirstCallSignal(core.handlers, () => desktop?.windowListening()),
    { isAppWebContents: (id) => windowIds.has(id), isAppUrl },
    log,
  );
  forwardEventsToWindows({ subscribe: core.subscribe, windowIds: () => windowIds, isAppUrl, log });

  let mainWindow: BrowserWindow | null = null;
  const open = () => {
    const win = createMainWindow({ preloadPath: join(__dirname, '../preload/index.js'), appUrl, isAppUrl });
    const id = win.webContents.id;
    windowIds.add(id);
    mainWindow = win;
    desktop?.adoptWindow(win);
    win.on('closed', () => {
      windowIds.delete(id);
      if (mainWindow === win) mainWindow = null;
    });
    return win;
  };
  desktop = startDesktopShell(
    { core, log, dataDir, prefsStore: desktopStore.store, appRoot: app.getAppPath(), appVersion: app.getVersion() },
    { get: () => mainWindow, open },
  );
  open();
  if (launchLinks.length > 0) desktop.receiveLinks(launchLinks.splice(0));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => desktop?.dispose());

// Quit waits for the core to close (journals flushed, compaction done), then releases the lock.
app.on(
  'before-quit',
  quitAfterClose({
    close: async () => {
      try {
        await core?.close();
      } finally {
        lock?.release();
      }
    },
    quit: () => app.quit(),
    onError: (error) => console.error('close failed', error),
  }),
);
