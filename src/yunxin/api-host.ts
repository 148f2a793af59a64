/**
 * Where signed requests may go. The CheckSum covers neither the path nor the body, so anyone who
 * receives one set of signed headers can replay them against any API of that AppKey for about
 * five minutes: the host that receives them must be the vendor's. This rule is code, not a
 * setting — the window (or a compromised renderer) can only pick among hosts listed here, and a
 * deployment can extend the list only with a file shipped next to the packaged app.
 *
 * Used by main (settings, the credential hand-over) and by the hub.
 */

/** The vendor's API lives under this domain (api.netease.im and regional names). */
export const PINNED_API_DOMAINS: readonly string[] = ['netease.im'];

export interface ApiHostPolicy {
  /** Extra exact host names (lower case, no port) from the packaged config file. */
  extraHosts?: readonly string[];
  /**
   * Loopback (127.0.0.0/8, localhost, ::1) over http or https: for the local simulator, in
   * sandbox mode and in development builds only. Never in a packaged build's production mode.
   */
  allowLoopback?: boolean;
}

export type ApiHostVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/** A prefix path such as `/yunxin` is allowed for a proxy listed in the packaged file; nothing exotic. */
const SAFE_PATH = /^(\/[A-Za-z0-9._~-]+){0,4}\/?$/;
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** True for a syntactically valid DNS host name (what the packaged list may contain). */
export function isHostName(value: string): boolean {
  return HOST_NAME.test(value);
}

export function isPinnedHost(hostname: string, extraHosts: readonly string[] = []): boolean {
  const h = hostname.toLowerCase();
  if (extraHosts.includes(h)) return true;
  return PINNED_API_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
}

/** Whether signed requests may be sent to `value` under `policy`. */
export function checkApiBaseUrl(value: string, policy: ApiHostPolicy = {}): ApiHostVerdict {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials in the URL' };
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) {
    return { ok: false, reason: 'query or fragment in the URL' };
  }
  if (!SAFE_PATH.test(url.pathname)) return { ok: false, reason: 'unexpected path' };
  if (isLoopbackHost(url.hostname)) {
    if (!policy.allowLoopback) return { ok: false, reason: 'loopback is allowed in sandbox and development builds only' };
    return url.protocol === 'http:' || url.protocol === 'https:' ? { ok: true, url } : { ok: false, reason: 'not http(s)' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'not https' };
  if (!isPinnedHost(url.hostname, policy.extraHosts)) return { ok: false, reason: 'host not in the allowed list' };
  return { ok: true, url };
}

/**
 * Parses the packaged `api-hosts.json` (`{ "hosts": ["ecp.example.com"] }`). Anything malformed
 * yields no extra hosts: the file can only ever widen the list by valid host names.
 */
export function parseApiHostsFile(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const hosts = (parsed as { hosts?: unknown } | null)?.hosts;
  if (!Array.isArray(hosts)) return [];
  return hosts
    .filter((h): h is string => typeof h === 'string')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => isHostName(h) && !isLoopbackHost(h));
}
