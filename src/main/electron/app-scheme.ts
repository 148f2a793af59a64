/** Electron adapter for the app:// scheme (the rules are in ../window/app-scheme.ts). */
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, resolveAppFile } from '../window/app-scheme';
import type { Logger } from '../log';

/** Must run before `app.whenReady()`: Chromium fixes the scheme list at start-up. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Serves files under `rendererDir` (out/renderer inside the asar) and nothing else. */
export function serveAppScheme(rendererDir: string, log: Pick<Logger, 'warn'>): void {
  protocol.handle(APP_SCHEME, (request) => {
    const resolved = resolveAppFile(request.url, rendererDir);
    if (!resolved.ok) {
      log.warn('app_scheme.refused', { status: resolved.status, reason: resolved.reason });
      return new Response(null, { status: resolved.status });
    }
    return net.fetch(pathToFileURL(resolved.file).href);
  });
}
