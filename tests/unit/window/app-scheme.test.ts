import { join, resolve, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_PAGE_URL, APP_SCHEME_PRIVILEGES, resolveAppFile } from '../../../src/main/window/app-scheme';
import { appUrlMatcher } from '../../../src/main/ipc/sender';
import { isNavigationAllowed } from '../../../src/main/window/options';

const root = resolve('/opt/dispatch/resources/app.asar/out/renderer');

describe('resolveAppFile', () => {
  it('serves files under the renderer folder, index.html for the bare origin', () => {
    expect(resolveAppFile('app://desk/index.html', root)).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppFile('app://desk/', root)).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppFile('app://desk/assets/index-abc.js?v=1#x', root)).toEqual({ ok: true, file: join(root, 'assets', 'index-abc.js') });
    expect(resolveAppFile('app://desk/assets/%E5%9B%BE.png', root)).toEqual({ ok: true, file: join(root, 'assets', '图.png') });
  });

  it.each([
    'app://desk/%2E%2E%2Fpackage.json',
    'app://desk/assets%2f..%2f..%2fmain%2findex.js',
    'app://desk/..%5c..%5cpackage.json',
    'app://desk/..\\..\\package.json',
    'app://desk/index.html%00.png',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, root)).toMatchObject({ ok: false, status: 403 });
  });

  // The WHATWG parser removes `..` and `%2e%2e` segments before we see the path: what is left must still be inside.
  it('never leaves the folder, whatever dot segments the URL parser leaves in', () => {
    for (const url of [
      'app://desk/../../main/index.js',
      'app://desk/%2e%2e/%2e%2e/main/index.js',
      'app://desk/assets/../../../../etc/passwd',
      'app://desk/./././index.html',
    ]) {
      const result = resolveAppFile(url, root);
      if (result.ok) expect(result.file.startsWith(root + sep)).toBe(true);
    }
  });

  it('refuses another host, scheme, credentials, a port and bad encoding', () => {
    expect(resolveAppFile('app://other/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppFile('file:///opt/dispatch/resources/app.asar/out/renderer/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppFile('app://user:pw@desk/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppFile('app://desk:81/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppFile('app://desk/%E5%9B', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppFile('::not a url', root)).toMatchObject({ ok: false, status: 400 });
  });

  it('is registered as a standard, secure scheme that cannot bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false, corsEnabled: false });
  });
});

describe('sender and navigation checks for the app:// page', () => {
  const isAppUrl = appUrlMatcher(APP_PAGE_URL);

  it('trusts the app page only, with any query or hash', () => {
    expect(isAppUrl('app://desk/index.html')).toBe(true);
    expect(isAppUrl('app://desk/index.html#/log')).toBe(true);
    for (const url of [
      'app://desk/other.html',
      'app://evil/index.html',
      'app://x@desk/index.html',
      'file:///index.html',
      'http://desk/index.html',
      'nonsense',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
      expect(isNavigationAllowed(url, isAppUrl), url).toBe(false);
    }
  });
});

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn(async (url: string) => new Response(`fetched ${url}`)) },
}));
vi.mock('electron', () => electron);

describe('Electron adapter', () => {
  it('registers the scheme as privileged and serves only confined files', async () => {
    const { registerAppSchemePrivileges, serveAppScheme } = await import('../../../src/main/electron/app-scheme');
    registerAppSchemePrivileges();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);

    const warn = vi.fn();
    serveAppScheme(root, { warn });
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as [string, (r: { url: string }) => Promise<Response> | Response];
    expect(scheme).toBe('app');
    const ok = await handler({ url: 'app://desk/index.html' });
    expect(await ok.text()).toContain('/out/renderer/index.html');
    const refused = await handler({ url: 'app://desk/%2E%2E%2Fpackage.json' });
    expect(refused.status).toBe(403);
    expect(electron.net.fetch).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('app_scheme.refused', expect.objectContaining({ status: 403 }));
  });
});
