/**
 * Where the hub may send signed ECP requests in production: https hosts under netease.im only.
 * The desk pins the same rule (src/main/settings/base-url.ts allows any https host today; the
 * `security` engineer is narrowing it). Signed headers are replayable for five minutes and the
 * body rings phones, so a typo or a hostile setting must not point them elsewhere.
 */
export function isAllowedYunxinBaseUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return (
    url.protocol === 'https:' &&
    (host === 'netease.im' || host.endsWith('.netease.im')) &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === ''
  );
}
