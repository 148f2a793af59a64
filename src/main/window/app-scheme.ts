/**
 * The renderer is served from `app://desk/…` instead of `file://` (Electron security guide: use a
 * custom protocol; file:// pages can read any file the user can). This is the pure part: which URL
 * maps to which file. Only files under the renderer folder are ever served; anything that tries
 * to climb out (`..`, encoded dots or slashes, backslashes, NUL) is refused, not normalised.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** How the scheme is registered before the app is ready (standard + secure: origin, CSP 'self', fetch). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  stream: false,
  bypassCSP: false,
  allowServiceWorkers: false,
} as const;

export type AppFileResolution = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

export function resolveAppFile(requestUrl: string, rootDir: string): AppFileResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403, reason: 'foreign origin' };
  if (url.username || url.password || url.port) return { ok: false, status: 403, reason: 'credentials or port' };

  const rawPath = url.pathname;
  // Refuse rather than decode-and-hope: %2e (.), %2f (/), %5c (\) and %00 exist only to sneak past a check.
  if (/%(2e|2f|5c|00)/i.test(rawPath)) return { ok: false, status: 403, reason: 'encoded path separator or dot' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return { ok: false, status: 403, reason: 'backslash or NUL' };
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return { ok: false, status: 403, reason: 'dot segment' };
  if (segments.length === 0) segments.push('index.html');

  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || !file.startsWith(root + sep)) {
    return { ok: false, status: 403, reason: 'outside the renderer folder' };
  }
  return { ok: true, file };
}
