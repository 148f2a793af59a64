/**
 * A signed Yunxin client for given settings: the credentials of `settings.mode` (sandbox demo
 * account or the vault's), the maxDur range of `settings`. Shared by the call service and the
 * session tracker, which queries with the mode a call was placed in rather than the current one.
 */
import type { Settings } from '../../shared/domain';
import type { Failure } from '../../shared/result';
import { createYunxinClient, type YunxinClient } from '../../yunxin';
import type { CredentialSource } from './credential-source';

export type ClientFor = (settings: Settings) => Promise<{ ok: true; client: YunxinClient } | Failure>;

export function createClientFactory(deps: { credentials: CredentialSource; timeoutMs?: number }): ClientFor {
  return async (settings) => {
    const creds = await deps.credentials.resolve(settings);
    if (!creds.ok) return creds;
    return {
      ok: true,
      client: createYunxinClient({
        appKey: creds.appKey,
        appSecret: creds.appSecret,
        baseUrl: creds.baseUrl,
        timeoutMs: deps.timeoutMs,
        maxDurRange: { min: settings.maxDurMin, max: settings.maxDurMax },
      }),
    };
  };
}
