/**
 * The desktop shell around the window: dial links, global hotkeys, tray, application menu,
 * notifications, close to tray, window state and start at login. Each piece's rules are pure
 * modules in ../desktop; this file only connects them to Electron and to the core.
 */
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { DispatchCore } from '../core';
import { callInProgress, recentCalls } from '../desktop/call-activity';
import { readWindowState } from '../desktop/desktop-prefs';
import { createImportUndoMenu } from '../desktop/import-undo-menu';
import { nextZoom, type MenuCommand } from '../desktop/menu-model';
import { createNotificationDecider } from '../desktop/notifications';
import type { TrayAction } from '../desktop/tray-model';
import { mustAskBeforeQuit, onWindowClose } from '../desktop/window-lifecycle';
import type { DialSource } from '../links/dial-requests';
import type { Logger } from '../log';
import type { KeyValueStore } from '../stores/kv-store';
import { readClipboardForDial, unregisterGlobalHotkeys } from './hotkey';
import { createElectronDesktopIntegration } from './desktop-integration';
import { installApplicationMenu } from './menu';
import { showNativeNotification } from './notifications';
import { createAppTray, type AppTray } from './tray';
import { applyWindowState, captureWindowState } from './window-state';
import type { CallLogEntry } from '../../shared/domain';
import { translate } from '../../shared/i18n';
import type { Language } from '../../shared/result';

export interface WindowAccess {
  /** The app window if it exists. */
  get(): BrowserWindow | null;
  /** Creates the window (after it was closed on macOS, or closed without close-to-tray). */
  open(): BrowserWindow;
}

export interface DesktopShell {
  /** Call for every new window: restores its state and handles close-to-tray. */
  adoptWindow(win: BrowserWindow): void;
  /** Links from argv/open-url/second-instance: each becomes a dial request for the window to confirm. */
  receiveLinks(links: string[]): void;
  /** The window shows (restoring from the tray) and takes focus. */
  show(): void;
  /** The window is listening for events (its first operation call, see ../desktop/first-call.ts). */
  windowListening(): void;
  /** Re-reads the call log and settings for the tray, menu language and notifications. */
  refresh(changed?: CallLogEntry): void;
  dispose(): void;
}

export function startDesktopShell(
  deps: { core: DispatchCore; log: Logger; dataDir: string; prefsStore: KeyValueStore; appRoot: string; appVersion: string },
  windows: WindowAccess,
): DesktopShell {
  const { core, log, prefsStore } = deps;
  const desktopSettings = core.desktop.desktopSettings;
  const language = () => core.desktop.settings().language;
  const decideNotification = createNotificationDecider((n) => n);
  let quitConfirmed = false;
  let quitting = false;
  let menuLanguage: string | null = null;
  // Requests that arrive before the window listens (a launching link) wait until it does.
  let pageReady = false;
  const early: Array<() => void> = [];

  if (process.platform === 'win32') app.setAppUserModelId('com.dispatchdesk.desk');

  const show = () => {
    const win = windows.get() ?? windows.open();
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  const whenPageReady = (run: () => void) => (pageReady ? run() : early.push(run));
  const focusLogEntry = (entryId: string) => {
    show();
    whenPageReady(() => core.desktop.focusLogEntry(entryId));
  };
  const dialText = (text: string, source: DialSource) => {
    show();
    whenPageReady(() => core.desktop.dialRequests.fromText(text, source));
  };
  const dialFromClipboard = (source: DialSource) => {
    void readClipboardForDial().then(
      (text) => dialText(text, source),
      (error) => log.warn('clipboard.read_failed', { error: error instanceof Error ? error.message : String(error) }),
    );
  };

  const requestQuit = () => {
    const busy = callInProgress(core.desktop.callLog(), Date.now());
    if (mustAskBeforeQuit({ callInProgress: busy, alreadyConfirmed: quitConfirmed })) {
      const l = language();
      const choice = dialog.showMessageBoxSync({
        type: 'warning',
        title: translate(l, 'shell.quitWhileCallTitle'),
        message: translate(l, 'shell.quitWhileCallTitle'),
        detail: translate(l, 'shell.quitWhileCallText'),
        buttons: [translate(l, 'shell.quitAnyway'), translate(l, 'shell.cancel')],
        defaultId: 1,
        cancelId: 1,
      });
      if (choice !== 0) return;
      quitConfirmed = true;
    }
    quitting = true;
    app.quit();
  };

  const onTrayAction = (action: TrayAction) => {
    if (action.type === 'show') show();
    else if (action.type === 'dial-clipboard') dialFromClipboard('tray');
    else if (action.type === 'redial') dialText(action.number, 'tray');
    else requestQuit();
  };
  let tray: AppTray | null = null;
  try {
    tray = createAppTray({ appRoot: deps.appRoot, onAction: onTrayAction, formatNumber: (n) => n });
  } catch (error) {
    // Some Linux desktops have no tray; the app works without it (and close-to-tray stays off).
    log.warn('tray.unavailable', { error: error instanceof Error ? error.message : String(error) });
  }

  const onMenuCommand = (command: MenuCommand) => {
    const win = windows.get();
    if (command === 'quit') return requestQuit();
    if (command === 'undo-last-import') {
      // The answer (words, or why not) appears in the window, brought forward and listening first.
      show();
      return whenPageReady(
        () =>
          void importUndoMenu.run().catch((error) => log.warn('menu.undo_import_failed', { error: error instanceof Error ? error.message : String(error) })),
      );
    }
    if (command === 'open-data-folder') return void shell.openPath(deps.dataDir);
    if (command === 'about') {
      const l = language();
      return void dialog.showMessageBox({
        type: 'info',
        title: translate(l, 'shell.about'),
        message: translate(l, 'shell.aboutText', { version: deps.appVersion }),
      });
    }
    if (!win) return;
    const level = nextZoom(win.webContents.getZoomLevel(), command);
    win.webContents.setZoomLevel(level);
    prefsStore.set('windowState', captureWindowState(win));
  };

  let undoImportEnabled = false;
  const installMenu = (language: Language) => installApplicationMenu(language, onMenuCommand, { undoImport: undoImportEnabled });
  const importUndoMenu = createImportUndoMenu({
    lastImport: () => core.desktop.lastImport(),
    undo: () => core.desktop.undoLastImport(),
    now: Date.now,
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    onAvailability: (enabled) => {
      undoImportEnabled = enabled;
      if (menuLanguage !== null) installMenu(core.desktop.settings().language);
    },
  });
  const refreshUndoMenu = () =>
    void importUndoMenu
      .refresh()
      .catch((error) => log.warn('menu.undo_import_state_failed', { error: error instanceof Error ? error.message : String(error) }));

  const refresh = (changed?: CallLogEntry) => {
    const settings = core.desktop.settings();
    const entries = core.desktop.callLog();
    tray?.update({ mode: settings.mode, callInProgress: callInProgress(entries, Date.now()), recent: recentCalls(entries), language: settings.language });
    if (menuLanguage !== settings.language) {
      menuLanguage = settings.language;
      installMenu(settings.language);
    }
    if (changed) {
      const model = decideNotification(changed, { enabled: desktopSettings.current().notifications, language: settings.language });
      // A click brings the window forward on the log, at this call's row.
      if (model) showNativeNotification(model, (entryId) => focusLogEntry(entryId));
    }
  };

  const toggleWindow = () => {
    const win = windows.get();
    if (win && win.isVisible() && win.isFocused()) win.hide();
    else show();
  };
  // The settings page changes hotkeys and start at login through the core; this applies them.
  const applied = desktopSettings.attach(
    createElectronDesktopIntegration({ handlers: { dialClipboard: () => dialFromClipboard('hotkey'), toggleWindow }, log }),
  );
  // Held by another program at start-up: said in a notification (the settings page says it too).
  const reportHotkeys = () => {
    const l = language();
    for (const hotkey of Object.values(applied.hotkeys)) {
      const body =
        hotkey.status === 'taken'
          ? translate(l, 'shell.hotkeyTaken', { accelerator: hotkey.accelerator })
          : hotkey.status === 'invalid'
            ? translate(l, 'shell.hotkeyInvalid', { text: hotkey.accelerator })
            : null;
      if (body) showNativeNotification({ entryId: '', title: translate(l, 'shell.appName'), body }, show);
    }
  };

  refresh();
  // The tray's in-call state, its recent calls and the notifications follow the call log's events.
  // The undo menu item follows imports, undos (from anywhere) and the switch to or from team mode.
  const unsubscribe = core.subscribe((event) => {
    if (event.type === 'callUpdated') refresh(event.data.entry);
    else if (event.type === 'contactsChanged' || event.type === 'teamStatusChanged' || event.type === 'importUndone') refreshUndoMenu();
  });
  refreshUndoMenu();
  reportHotkeys();
  // The Electron smoke test (tests/e2e/electron.spec.ts) asks whether the tray exists; read-only.
  if (process.env.DISPATCH_E2E_HOOKS === '1') Object.assign(globalThis, { dispatchDeskShell: { hasTray: () => tray !== null } });

  return {
    adoptWindow(win) {
      applyWindowState(win, readWindowState(prefsStore));
      win.on('close', (event) => {
        prefsStore.set('windowState', captureWindowState(win));
        if (onWindowClose({ closeToTray: desktopSettings.current().closeToTray, quitting, trayAvailable: tray !== null }) === 'hide') {
          event.preventDefault();
          win.hide();
          return;
        }
        // Closing the last window quits (except on macOS): ask first while a call is going on.
        if (
          !quitting &&
          process.platform !== 'darwin' &&
          mustAskBeforeQuit({ callInProgress: callInProgress(core.desktop.callLog(), Date.now()), alreadyConfirmed: quitConfirmed })
        ) {
          event.preventDefault();
          requestQuit();
        }
      });
    },
    windowListening() {
      pageReady = true;
      for (const run of early.splice(0)) run();
    },
    receiveLinks(links) {
      show();
      for (const link of links) whenPageReady(() => core.desktop.dialRequests.fromLink(link, 'link'));
    },
    show,
    refresh,
    dispose() {
      unsubscribe();
      importUndoMenu.dispose();
      unregisterGlobalHotkeys();
      tray?.destroy();
      tray = null;
    },
  };
}
