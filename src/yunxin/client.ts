/**
 * The Yunxin ECP client. Every method RESOLVES to a Result, never throws: input, network and
 * API problems all come back as a Failure with advice for the dispatcher.
 *
 * NO AUTOMATIC RETRY of startCall / startConf, ever: after a timeout or a broken connection we
 * cannot know whether Yunxin already placed the call, and a second request would ring real
 * phones twice. Only querySession and checkAccount (read-only) retry, once, on a network error.
 */
import type { PhoneNumber, SessionId, SessionStatus, SessionType } from '../shared/domain';
import type { Failure, Result } from '../shared/result';
import { validateCallRequest, validateConfRequest } from '../shared/validation';
import { checkAccount as runAccountCheck, GET_UINFOS_PATH, type CheckAccountResult } from './account-check';
import { checkOptions, type YunxinClientOptions } from './client-config';
import { toFailure } from './errors';
import { asRecord, asText } from './jsonish';
import { callYunxin, type Exchange } from './protocol';
import { toSessionStatus } from './session-status';
import { conferenceMaxDurCap } from '../shared/conference-time';

export interface StartCallInput {
  callerAcc: string;
  caller: string;
  callee: string;
  maxDur: number;
}
export interface StartConfInput {
  callerAcc: string;
  caller: string;
  callees: string[];
  maxDur: number;
  /** By position, '' for none: checked by the conference rules (two people at one switchboard), never sent. */
  extensions?: readonly string[];
}
export interface QuerySessionInput {
  session: SessionId;
  type: SessionType;
}

/** Present on successes too: a skewed clock is worth a warning before it starts failing calls. */
interface SkewNote {
  clockSkewSeconds?: number;
}
export type StartCallResult = Result<{ session: SessionId; caller: PhoneNumber; callee: PhoneNumber; maxDur: number } & SkewNote>;
export type StartConfResult = Result<{ session: SessionId; caller: PhoneNumber; callees: PhoneNumber[]; maxDur: number } & SkewNote>;
export type QuerySessionResult = Result<{ status: SessionStatus; raw: unknown } & SkewNote>;
export type { CheckAccountResult } from './account-check';

export interface YunxinClient {
  startCall(input: StartCallInput): Promise<StartCallResult>;
  startConf(input: StartConfInput): Promise<StartConfResult>;
  querySession(input: QuerySessionInput): Promise<QuerySessionResult>;
  checkAccount(input: { callerAcc: string }): Promise<CheckAccountResult>;
}

export const PATHS = {
  startCall: '/call/ecp/startcall.action',
  startConf: '/call/ecp/startconf.action',
  querySession: '/call/ecp/queryBySession.action',
  getUinfos: GET_UINFOS_PATH,
} as const;

/** Session ids are echoed back into a form body: keep them short and boring. */
const SESSION_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
const SESSION_TYPE_CODE: Record<SessionType, string> = { call: '1', conf: '2' };

function skew(x: { clockSkewSeconds?: number }): SkewNote {
  return x.clockSkewSeconds === undefined ? {} : { clockSkewSeconds: x.clockSkewSeconds };
}

function invalid(field: string, detail: string): Failure {
  return { ...toFailure({ code: 'invalid_input', detail }), field };
}

/** start* answers must carry obj.session; without it the call cannot be tracked (and may be ringing). */
function sessionOf(ex: Extract<Exchange, { ok: true }>): SessionId | undefined {
  const obj = asRecord(ex.body.obj);
  const session = obj ? asText(obj.session) : undefined;
  return session && session.length <= 256 ? session : undefined;
}

function missingSession(ex: Extract<Exchange, { ok: true }>, host: string): Failure {
  return toFailure({ code: 'bad_response', reason: 'missing_session', ringsPhones: true, host, httpStatus: 200, ...skew(ex) });
}

/** Never throws: a bug here must still come back as data, not kill the IPC handler. */
async function guarded<T>(work: () => Promise<T>): Promise<T | Failure> {
  try {
    return await work();
  } catch {
    return toFailure({ code: 'internal', detail: 'unexpected client error' });
  }
}

export function createYunxinClient(options: YunxinClientOptions): YunxinClient {
  const checked = checkOptions(options);

  const startCall = (input: StartCallInput) =>
    guarded(async (): Promise<StartCallResult> => {
      if ('ok' in checked) return checked;
      const v = validateCallRequest(input, checked.maxDurRange);
      if (!v.ok) return v;
      const { callerAcc, caller, callee, maxDur } = v;
      const params = { callerAcc, caller, callee, maxDur: String(maxDur) };
      const ex = await callYunxin(checked.protocol, PATHS.startCall, params, { ringsPhones: true, retryOnNetworkError: false });
      if (!ex.ok) return toFailure(ex.facts);
      const session = sessionOf(ex);
      if (!session) return missingSession(ex, checked.protocol.host);
      return { ok: true, session, caller, callee, maxDur, ...skew(ex) };
    });

  const startConf = (input: StartConfInput) =>
    guarded(async (): Promise<StartConfResult> => {
      if ('ok' in checked) return checked;
      // A conference's maxDur counts every leg ([doc]): up to the per-person maximum times nine legs.
      const v = validateConfRequest(input, { min: checked.maxDurRange.min, max: conferenceMaxDurCap(checked.maxDurRange.max) });
      if (!v.ok) return v;
      const { callerAcc, caller, callees, maxDur } = v;
      // Real JSON (["…","…"]), not the vendor C# sample's single-quoted list.
      const params = { callerAcc, caller, callee: JSON.stringify(callees), maxDur: String(maxDur) };
      const ex = await callYunxin(checked.protocol, PATHS.startConf, params, { ringsPhones: true, retryOnNetworkError: false });
      if (!ex.ok) return toFailure(ex.facts);
      const session = sessionOf(ex);
      if (!session) return missingSession(ex, checked.protocol.host);
      return { ok: true, session, caller, callees, maxDur, ...skew(ex) };
    });

  const querySession = (input: QuerySessionInput) =>
    guarded(async (): Promise<QuerySessionResult> => {
      if ('ok' in checked) return checked;
      const session = input?.session;
      if (typeof session !== 'string' || !SESSION_PATTERN.test(session)) {
        return invalid('session', 'the session id must be 1-128 characters of letters, digits, _ . : -');
      }
      const type = input.type;
      if (type !== 'call' && type !== 'conf') return invalid('type', "the session type must be 'call' or 'conf'");
      const params = { session, type: SESSION_TYPE_CODE[type] };
      const ex = await callYunxin(checked.protocol, PATHS.querySession, params, { ringsPhones: false, retryOnNetworkError: true });
      if (!ex.ok) return toFailure(ex.facts);
      return { ok: true, status: toSessionStatus(session, type, ex.body.obj), raw: ex.body.obj, ...skew(ex) };
    });

  const checkAccount = (input: { callerAcc: string }) =>
    guarded(() => runAccountCheck(checked, input?.callerAcc)).then((r) =>
      // guarded() only adds a verdict-less Failure on an internal bug.
      r.ok || 'verdict' in r ? r : { ...r, verdict: 'unreachable' as const },
    );

  return { startCall, startConf, querySession, checkAccount };
}
