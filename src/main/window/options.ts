/**
 * The window's security-relevant options, as a pure function so tests can assert every one.
 * `import type` only: no Electron at runtime here.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: '专线调度台 Dispatch Desk',
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

/** Only the app page itself may be (re)loaded; everything else is another origin and refused. */
export function isNavigationAllowed(targetUrl: string, isAppUrl: (url: string) => boolean): boolean {
  return isAppUrl(targetUrl);
}

/** The app never opens windows (no links out, no popups). */
export const WINDOW_OPEN_DENIED = { action: 'deny' } as const;

/** No camera, microphone, notifications, geolocation…: calls go through the carrier, not WebRTC. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}
