/**
 * The account check asks getUinfos about the callerAcc: it rings nobody, yet it proves the
 * AppKey/AppSecret pair and that the accid exists. The verdict tells the administrator WHICH of
 * those is wrong, so the mapping from answers to verdicts lives here:
 *
 *   414 "CurTime is expired", or any 414 while the clock is > 300 s off   → clock_skew
 *   414 "checksum"                                                        → bad_app_secret
 *   text mentioning the AppKey (403 or 414), 414 "bad http header"
 *     (the AppKey is the only header the user supplies), other 403        → bad_app_key
 *   403 "no authorization", 301 banned, 315 IP restricted                  → no_permission
 *   414 bad param / text naming the accid, 404, 422, 200 without uinfos   → unknown_caller_acc
 *   timeout, network, bad_response, 5xx, 416 and anything else           → unreachable
 */
import type { AccountCheckVerdict } from '../shared/domain';
import { formatMessage } from '../shared/i18n';
import { CHECKSUM_VALIDITY_SECONDS } from '../shared/limits';
import type { Failure } from '../shared/result';
import { validateCallerAcc } from '../shared/validation';
import type { CheckedConfig } from './client-config';
import { classifyServerAnswer, explainFailure, toFailure, type FailureFacts } from './errors';
import { asRecordArray, asText } from './jsonish';
import { callYunxin } from './protocol';

export const GET_UINFOS_PATH = '/nimserver/user/getUinfos.action';

export type AccountCheckFailureVerdict = Exclude<AccountCheckVerdict, 'ok'>;

export interface AccountCheckFailure extends Failure {
  verdict: AccountCheckFailureVerdict;
}

export function verdictFor(facts: FailureFacts, callerAcc: string): AccountCheckFailureVerdict {
  if (typeof facts.code !== 'number') return 'unreachable';
  const code = facts.code;
  const text = facts.serverText ?? '';
  const kind = classifyServerAnswer(code, text).kind;
  const skew = facts.clockSkewSeconds;
  if (kind === 'curtime_expired') return 'clock_skew';
  if (code === 414 && skew !== undefined && Math.abs(skew) > CHECKSUM_VALIDITY_SECONDS) return 'clock_skew';
  if (kind === 'checksum') return 'bad_app_secret';
  if (kind === 'bad_app_key' || kind === 'bad_http_header') return 'bad_app_key';
  if (kind === 'no_authorization' || code === 301 || code === 315) return 'no_permission';
  const namesAccid = /accid/i.test(text) || (callerAcc !== '' && text.toLowerCase().includes(callerAcc.toLowerCase()));
  if (kind === 'bad_param' || (code === 414 && namesAccid) || code === 404 || code === 422) return 'unknown_caller_acc';
  if (code === 403) return 'bad_app_key';
  return 'unreachable';
}

/** True when the getUinfos answer lists the accid (the server lower-cases accids). */
export function uinfosContain(body: Record<string, unknown>, callerAcc: string): boolean {
  const infos = asRecordArray(body.uinfos) ?? [];
  const wanted = callerAcc.toLowerCase();
  return infos.some((u) => {
    const accid = asText(u.accid);
    return accid === undefined || accid.toLowerCase() === wanted;
  });
}

export type CheckAccountResult = { ok: true; verdict: Extract<AccountCheckVerdict, 'ok'>; detail: string; clockSkewSeconds?: number } | AccountCheckFailure;

/** Failures before anything was sent (settings, input) still name the setting to fix. */
function localVerdict(f: Failure): AccountCheckFailureVerdict {
  if (f.field === 'callerAcc') return 'unknown_caller_acc';
  if (f.code === 'not_configured') return /AppSecret/.test(f.message) ? 'bad_app_secret' : 'bad_app_key';
  if (f.field === 'appKey') return 'bad_app_key';
  return 'unreachable';
}

/** The server's wording can be vague ("x not exist"); the advice must match the verdict. */
function serverFailure(facts: FailureFacts, callerAcc: string): AccountCheckFailure {
  const verdict = verdictFor(facts, callerAcc);
  const f = toFailure(facts);
  if (verdict !== 'unknown_caller_acc' || classifyServerAnswer(Number(facts.code), facts.serverText).kind === 'bad_param') {
    return { ...f, verdict };
  }
  const { detail } = explainFailure({ code: 'not_found', reason: 'unknown_account', detail: callerAcc });
  const quoted = facts.serverText ? ` "${facts.serverText}"` : '';
  return { ...f, detail, message: `Yunxin ${String(facts.code)}${quoted}: ${formatMessage('en', detail)}`, verdict };
}

export async function checkAccount(config: CheckedConfig | Failure, rawCallerAcc: unknown): Promise<CheckAccountResult> {
  if ('ok' in config) return { ...config, verdict: localVerdict(config) };
  const problem = validateCallerAcc(rawCallerAcc);
  if (problem) return { ...problem, verdict: localVerdict(problem) };
  const callerAcc = rawCallerAcc as string;
  const params = { accids: JSON.stringify([callerAcc]) };
  const ex = await callYunxin(config.protocol, GET_UINFOS_PATH, params, { ringsPhones: false, retryOnNetworkError: true });
  if (!ex.ok) return serverFailure(ex.facts, callerAcc);
  const skew = ex.clockSkewSeconds === undefined ? {} : { clockSkewSeconds: ex.clockSkewSeconds };
  if (!uinfosContain(ex.body, callerAcc)) {
    const f = toFailure({ code: 'not_found', reason: 'unknown_account', detail: callerAcc, ...skew });
    return { ...f, field: 'callerAcc', verdict: 'unknown_caller_acc' };
  }
  return { ok: true, verdict: 'ok', detail: `AppKey and AppSecret accepted; caller account "${callerAcc}" exists.`, ...skew };
}
