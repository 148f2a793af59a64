import { checkSum } from '../yunxin/sign';
import { NONCE_MAX_LENGTH } from '../shared/limits';
import type { AccountBook, KnownAccount } from './accounts';
import { answers, type Answer } from './answers';

export type AuthVerdict = { ok: true; account: KnownAccount; signatureValid: true } | { ok: false; answer: Answer; signatureValid: boolean };

type HeaderBag = Record<string, string | string[] | undefined>;

/** CurTime is UTC seconds. Anything but plain digits is malformed; a digits value too far off is "expired". */
const CUR_TIME_PATTERN = /^\d{1,15}$/;

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The four signing headers, checked in the order the server most plausibly uses [inf]: shape,
 * then AppKey, then freshness, then the CheckSum itself. Freshness before CheckSum means a PC with a
 * wrong clock hears "CurTime is expired" — the answer the app turns into "fix your clock".
 *
 * The CheckSum must be lowercase hex as the vendor page specifies; an uppercase one counts as wrong
 * [inf], which keeps the app's own signer honest.
 */
export function authenticate(headers: HeaderBag, accounts: AccountBook, nowMs: number, validityMs: number): AuthVerdict {
  const appKey = header(headers, 'appkey');
  const nonce = header(headers, 'nonce');
  const curTime = header(headers, 'curtime');
  const sum = header(headers, 'checksum');
  if (!appKey || !nonce || nonce.length > NONCE_MAX_LENGTH || !curTime || !CUR_TIME_PATTERN.test(curTime) || !sum) {
    return { ok: false, answer: answers.badHeader(), signatureValid: false };
  }
  const account = accounts.find(appKey);
  if (!account) return { ok: false, answer: answers.unknownAppKey(), signatureValid: false };

  const signatureValid = checkSum(account.appSecret, nonce, curTime) === sum;
  if (Math.abs(nowMs - Number(curTime) * 1000) > validityMs) {
    return { ok: false, answer: answers.curTimeExpired(), signatureValid };
  }
  if (!signatureValid) return { ok: false, answer: answers.checksum(), signatureValid };
  return { ok: true, account, signatureValid };
}
