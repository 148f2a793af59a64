import { describe, expect, it } from 'vitest';
import { isNavigationAllowed, isPermissionGranted, mainWindowOptions, WINDOW_OPEN_DENIED } from '../../../src/main/window/options';
import { appUrlMatcher } from '../../../src/main/ipc/sender';

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
