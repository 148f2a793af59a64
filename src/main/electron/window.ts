/** Electron adapter: creates the one app window and locks it down. */
import { BrowserWindow, session } from 'electron';
import { isNavigationAllowed, isPermissionGranted, mainWindowOptions, WINDOW_OPEN_DENIED } from '../window/options';

export function createMainWindow(options: { preloadPath: string; appUrl: string; isAppUrl: (url: string) => boolean }) {
  const win = new BrowserWindow(mainWindowOptions(options.preloadPath));
  const contents = win.webContents;

  contents.setWindowOpenHandler(() => WINDOW_OPEN_DENIED);
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, options.isAppUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url, options.isAppUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  const ses = contents.session ?? session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission));

  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.appUrl);
  return win;
}
