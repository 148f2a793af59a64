/**
 * "Test connection" tests exactly what the settings form shows and says which:
 *
 * - `unsaved`: the AppKey/AppSecret typed in the form (and the API address typed with them, else
 *   the saved one), against that production server. Nothing is stored.
 * - `saved`: the account in the vault, against the saved API address.
 * - `sandbox`: the in-process simulator with its demo account. It proves the app's own signing and
 *   transport work, and never that a real AppKey is valid: its answer says so.
 *
 * The accid is the one the form shows (typed or saved). Every check is read-only (getUinfos rings
 * nobody); a refused input or host sends nothing.
 */
import type { AccountCheckRequest, AccountCheckResponse } from '../../shared/contract';
import type { AccountCheckTarget, Settings } from '../../shared/domain';
import { failWith, success, type Failure } from '../../shared/result';
import { msg } from '../../shared/i18n';
import { validateCallerAcc } from '../../shared/validation';
import { createYunxinClient, type YunxinClient } from '../../yunxin';
import type { ClientFor } from '../calls/client-factory';
import type { Logger } from '../log';
import { validateCredentials } from '../vault/vault-input';

export const SANDBOX_SERVER = 'sandbox';

export interface AccountTesterDeps {
  settings: () => Settings;
  /** The client of a mode (sandbox demo account, or the vault's account in production). */
  clientFor: ClientFor;
  checkBaseUrl: (baseUrl: string) => Failure | null;
  log: Logger;
  timeoutMs?: number;
}

export function createAccountTester(deps: AccountTesterDeps) {
  return async function testAccount(request: AccountCheckRequest): Promise<AccountCheckResponse> {
    const settings = deps.settings();
    const target: AccountCheckTarget = request.target ?? (settings.mode === 'production' ? 'saved' : 'sandbox');
    const callerAcc = request.callerAcc ?? settings.callerAcc;
    const accProblem = validateCallerAcc(callerAcc);
    if (accProblem) return { ...accProblem, field: 'callerAcc' };

    const typed = request.appKey !== undefined || request.appSecret !== undefined || request.baseUrl !== undefined;
    if (target !== 'unsaved' && typed) return failWith('invalid_input', msg('accountTest.typedNeedsUnsaved'));

    let client: YunxinClient;
    let server: string;
    if (target === 'unsaved') {
      const credentials = validateCredentials({ appKey: request.appKey, appSecret: request.appSecret });
      if ('ok' in credentials) return credentials;
      deps.log.redact(credentials.appSecret);
      const baseUrl = request.baseUrl ?? settings.baseUrl;
      const refused = deps.checkBaseUrl(baseUrl);
      if (refused) return refused;
      client = createYunxinClient({
        ...credentials,
        baseUrl,
        timeoutMs: deps.timeoutMs,
        maxDurRange: { min: settings.maxDurMin, max: settings.maxDurMax },
      });
      server = hostOf(baseUrl);
    } else {
      const mode = target === 'saved' ? 'production' : 'sandbox';
      const built = await deps.clientFor({ ...settings, mode, callerAcc });
      if (!built.ok) return built;
      client = built.client;
      server = target === 'saved' ? hostOf(settings.baseUrl) : SANDBOX_SERVER;
    }

    const result = await client.checkAccount({ callerAcc });
    deps.log.info('account.check', { target, ok: result.ok });
    if (!result.ok) return result;
    const detail = target === 'sandbox' ? 'The sandbox simulator answered; no real AppKey was tested.' : 'AppKey, AppSecret and callerAcc are valid.';
    return success({ verdict: result.verdict, detail, clockSkewSeconds: result.clockSkewSeconds, target, server });
  };
}

/** The host a dispatcher recognises (api.netease.im), not the whole URL. */
function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl.slice(0, 80);
  }
}
