import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow } from 'electron';
import { isNavigationAllowed, isPermissionGranted, mainWindowOptions, WINDOW_OPEN_DENIED } from '../../../src/main/window/options';
import { appUrlMatcher } from '../../../src/main/ipc/sender';
import { createMainWindow } from '../../../src/main/electron/window';

describe('main window options', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.js').webPreferences!;

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('leaves web security on', () => {
    expect(prefs.webSecurity).not.toBe(false);
  });

  it('loads the given preload', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js');
  });
});

describe('navigation, popups and permissions', () => {
  const isAppUrl = appUrlMatcher('file:///app/out/renderer/index.html');

  it('allows only the app page', () => {
    expect(isNavigationAllowed('file:///app/out/renderer/index.html', isAppUrl)).toBe(true);
    expect(isNavigationAllowed('https://api.netease.im/', isAppUrl)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', isAppUrl)).toBe(false);
  });

  it('denies window.open', () => {
    expect(WINDOW_OPEN_DENIED).toEqual({ action: 'deny' });
  });

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])('denies the %s permission', (p) => {
    expect(isPermissionGranted(p)).toBe(false);
  });
});

// The static security scan (npm run security:scan) cannot follow `new BrowserWindow(mainWindowOptions(...))`
// and checks mainWindowOptions() on its own; its justifications rely on this wiring staying as it is.
describe('createMainWindow wiring', () => {
  const appUrl = 'file:///app/out/renderer/index.html';

  function openWithFakeElectron() {
    const listeners: Record<string, (event: { preventDefault: () => void }, url?: string) => void> = {};
    const fake = {
      openHandler: undefined as undefined | ((details: { url: string }) => unknown),
      permissionRequest: undefined as undefined | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
      permissionCheck: undefined as undefined | ((wc: unknown, permission: string) => boolean),
    };
    const win = {
      webContents: {
        setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (fake.openHandler = handler),
        on: (event: string, listener: (typeof listeners)[string]) => (listeners[event] = listener),
        session: {
          setPermissionRequestHandler: (handler: NonNullable<typeof fake.permissionRequest>) => (fake.permissionRequest = handler),
          setPermissionCheckHandler: (handler: NonNullable<typeof fake.permissionCheck>) => (fake.permissionCheck = handler),
        },
      },
      once: vi.fn(),
      show: vi.fn(),
      loadURL: vi.fn(() => Promise.resolve()),
    };
    vi.mocked(BrowserWindow).mockImplementation(function fakeBrowserWindow() {
      return win;
    } as never);
    createMainWindow({ preloadPath: '/app/out/preload/index.js', appUrl, isAppUrl: appUrlMatcher(appUrl) });
    const fire = (event: string, url?: string) => {
      const preventDefault = vi.fn();
      listeners[event]?.({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    };
    return { fake, fire, win };
  }

  afterEach(() => {
    vi.mocked(BrowserWindow).mockReset();
  });

  it('passes mainWindowOptions() to BrowserWindow unchanged and loads the app URL', () => {
    const { win } = openWithFakeElectron();
    expect(vi.mocked(BrowserWindow).mock.calls).toEqual([[mainWindowOptions('/app/out/preload/index.js')]]);
    expect(win.loadURL).toHaveBeenCalledWith(appUrl);
  });

  it('denies every new window, including a middle-click on a link', () => {
    const { fake } = openWithFakeElectron();
    expect(fake.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(fake.openHandler?.({ url: appUrl })).toEqual({ action: 'deny' });
  });

  it('cancels navigation and redirects away from the app page, and every <webview>', () => {
    const { fire } = openWithFakeElectron();
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', appUrl)).toBe(false);
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('refuses every permission request and check', () => {
    const { fake } = openWithFakeElectron();
    const callback = vi.fn();
    fake.permissionRequest?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.permissionCheck?.({}, 'notifications')).toBe(false);
  });
});
