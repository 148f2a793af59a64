import { msg } from '../../shared/i18n';
import { failWith, type Failure } from '../../shared/result';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The API base URL must be HTTPS: the signed headers are replayable for five minutes, so they
 * must not cross a network in clear text (public samples post to port 80). Plain HTTP is allowed
 * to loopback only, for a local simulator.
 */
export function validateBaseUrl(value: string): Failure | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return bad(value);
  }
  const ok =
    (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '';
  return ok ? null : bad(value);
}

function bad(value: string): Failure {
  const shown = value.slice(0, 80);
  return failWith('invalid_input', msg('settingsRule.baseUrl', { url: shown }), { field: 'baseUrl' });
}
