/**
 * Places calls and conferences with whichever account the current mode uses.
 *
 * Never retried: a start request that timed out may still have rung phones, so a retry could ring
 * them twice. A second identical request while the first is still in flight is answered `busy`
 * without touching the network (a double click, or Enter held down).
 */
import type {
  AccountCheckResponse,
  QuerySessionRequest,
  QuerySessionResponse,
  StartCallRequest,
  StartCallResponse,
  StartConfRequest,
  StartConfResponse,
} from '../../shared/contract';
import type { Settings } from '../../shared/domain';
import { failure, success, type Failure } from '../../shared/result';
import { validateCallRequest, validateConfRequest } from '../../shared/validation';
import { createYunxinClient } from '../yunxin';
import type { Logger } from '../log';
import type { CredentialSource } from './credential-source';

export interface CallService {
  startCall(request: StartCallRequest): Promise<StartCallResponse>;
  startConf(request: StartConfRequest): Promise<StartConfResponse>;
  querySession(request: QuerySessionRequest): Promise<QuerySessionResponse>;
  checkAccount(): Promise<AccountCheckResponse>;
}

export interface CallServiceDeps {
  settings: () => Settings;
  credentials: CredentialSource;
  log: Logger;
  timeoutMs?: number;
}

const inFlightText = {
  'zh-CN': '同一呼叫正在提交，请勿重复点击。',
  en: 'The same call is already being submitted.',
};

export function createCallService(deps: CallServiceDeps): CallService {
  const inFlight = new Set<string>();

  async function clientFor(settings: Settings) {
    const creds = await deps.credentials.resolve(settings);
    if (!creds.ok) return creds;
    return {
      ok: true as const,
      client: createYunxinClient({
        appKey: creds.appKey,
        appSecret: creds.appSecret,
        baseUrl: creds.baseUrl,
        timeoutMs: deps.timeoutMs,
        maxDurRange: { min: settings.maxDurMin, max: settings.maxDurMax },
      }),
    };
  }

  /** Runs `send` unless the same request is already in flight. */
  async function once<T>(key: string, send: () => Promise<T | Failure>): Promise<T | Failure> {
    if (inFlight.has(key)) return failure('busy', inFlightText.en, { text: inFlightText });
    inFlight.add(key);
    try {
      return await send();
    } finally {
      inFlight.delete(key);
    }
  }

  return {
    async startCall(request) {
      const settings = deps.settings();
      const checked = validateCallRequest(
        {
          callerAcc: settings.callerAcc,
          caller: settings.callerNumber,
          callee: request.callee,
          maxDur: request.maxDur ?? settings.defaultMaxDur,
        },
        { min: settings.maxDurMin, max: settings.maxDurMax },
      );
      if (!checked.ok) return checked;
      const { ok: _ok, ...call } = checked;
      return once(`call:${call.caller}:${call.callee}`, async () => {
        const c = await clientFor(settings);
        if (!c.ok) return c;
        const result = await c.client.startCall(call);
        deps.log.info('call.start', { mode: settings.mode, ok: result.ok, code: result.ok ? 200 : String(result.code) });
        return result.ok ? success({ session: result.session, caller: call.caller, callee: call.callee, maxDur: call.maxDur }) : result;
      });
    },

    async startConf(request) {
      const settings = deps.settings();
      const checked = validateConfRequest(
        {
          callerAcc: settings.callerAcc,
          caller: settings.callerNumber,
          callees: request.callees,
          maxDur: request.maxDur ?? settings.defaultMaxDur,
        },
        { min: settings.maxDurMin, max: settings.maxDurMax },
      );
      if (!checked.ok) return checked;
      const { ok: _ok, ...conf } = checked;
      return once(`conf:${conf.caller}:${[...conf.callees].sort().join(',')}`, async () => {
        const c = await clientFor(settings);
        if (!c.ok) return c;
        const result = await c.client.startConf(conf);
        deps.log.info('conf.start', { mode: settings.mode, ok: result.ok, code: result.ok ? 200 : String(result.code), callees: conf.callees.length });
        return result.ok
          ? success({ session: result.session, caller: conf.caller, callees: conf.callees, maxDur: conf.maxDur })
          : result;
      });
    },

    async querySession(request) {
      const settings = deps.settings();
      const c = await clientFor(settings);
      if (!c.ok) return c;
      const result = await c.client.querySession(request);
      return result.ok ? success({ status: result.status }) : result;
    },

    async checkAccount() {
      const settings = deps.settings();
      const c = await clientFor(settings);
      if (!c.ok) return c;
      const result = await c.client.checkAccount({ callerAcc: settings.callerAcc });
      deps.log.info('account.check', { mode: settings.mode, ok: result.ok });
      if (result.ok) {
        return success({ verdict: 'ok' as const, detail: 'AppKey, AppSecret and callerAcc are valid.', clockSkewSeconds: result.clockSkewSeconds });
      }
      return result;
    },
  };
}
