import { msg } from '../../shared/i18n';
import { failWith, type Failure } from '../../shared/result';
import { checkApiBaseUrl, type ApiHostPolicy } from '../../yunxin/api-host';

/**
 * The API base URL must be one of the vendor's https hosts (src/yunxin/api-host.ts): signed
 * headers are replayable against any API of the AppKey for five minutes, so whoever receives them
 * must be the vendor. Loopback (a local simulator) only where `policy.allowLoopback` says so.
 */
export function validateBaseUrl(value: string, policy: ApiHostPolicy = {}): Failure | null {
  return checkApiBaseUrl(value, policy).ok ? null : bad(value);
}

function bad(value: string): Failure {
  const shown = value.slice(0, 80);
  return failWith('invalid_input', msg('settingsRule.baseUrl', { url: shown }), { field: 'baseUrl' });
}

/** settingsSet may not move the signed requests elsewhere: a new host comes with the AppSecret, in accountSave. */
export function hostChangeNeedsSecret(): Failure {
  return failWith('invalid_input', msg('settingsRule.hostNeedsSecret'), { field: 'baseUrl' });
}
