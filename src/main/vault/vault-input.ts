import { msg } from '../../shared/i18n';
import { failWith, type Failure } from '../../shared/result';

/** Yunxin AppKeys are hex strings; letters and digits cover them without guessing the case. */
const APP_KEY_PATTERN = /^[A-Za-z0-9]{1,64}$/;
/** Printable ASCII without space: a pasted secret with a space or newline is a paste error. */
const APP_SECRET_PATTERN = /^[\x21-\x7E]{1,128}$/;

export interface CredentialsInput {
  appKey: string;
  appSecret: string;
}

/**
 * Main is the authority, whatever the renderer checked. Messages name the rule, never echo the
 * value: an echoed secret would end up in logs and IPC responses.
 */
export function validateCredentials(input: { appKey?: unknown; appSecret?: unknown }): CredentialsInput | Failure {
  const { appKey, appSecret } = input;
  if (typeof appKey !== 'string' || !APP_KEY_PATTERN.test(appKey)) {
    return failWith('invalid_input', msg('vault.appKeyFormat'), { field: 'appKey' });
  }
  if (typeof appSecret !== 'string' || !APP_SECRET_PATTERN.test(appSecret)) {
    return failWith('invalid_input', msg('vault.appSecretFormat'), { field: 'appSecret' });
  }
  return { appKey, appSecret };
}

export function isValidAppKey(value: unknown): value is string {
  return typeof value === 'string' && APP_KEY_PATTERN.test(value);
}

/** `fd46…f027`: enough for a dispatcher to recognise their key, short keys show less. */
export function maskAppKey(appKey: string): string {
  if (appKey.length > 8) return `${appKey.slice(0, 4)}…${appKey.slice(-4)}`;
  if (appKey.length > 2) return `${appKey.slice(0, 1)}…${appKey.slice(-1)}`;
  return '…';
}
