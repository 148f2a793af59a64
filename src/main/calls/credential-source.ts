/**
 * Which account signs a request: the in-process simulator's demo account in sandbox mode, the
 * vault's in production. The secret is handed to the client and nowhere else.
 */
import type { Settings } from '../../shared/domain';
import { msg } from '../../shared/i18n';
import { failWith, type Failure } from '../../shared/result';
import type { Logger } from '../log';
import type { Sandbox } from '../sandbox/sandbox';

export interface ResolvedCredentials {
  ok: true;
  appKey: string;
  appSecret: string;
  baseUrl: string;
}

export interface CredentialSource {
  resolve(settings: Settings): Promise<ResolvedCredentials | Failure>;
}

export interface VaultReader {
  getCredentials(): Promise<{ appKey: string; appSecret: string } | null>;
}

export function createCredentialSource(deps: {
  vault: VaultReader;
  sandbox: Sandbox;
  log: Logger;
  /** Checked again here, at the hand-over, whatever the settings file says: a tampered file must not redirect the secret either. */
  checkBaseUrl: (baseUrl: string) => Failure | null;
}): CredentialSource {
  return {
    async resolve(settings) {
      if (settings.mode === 'sandbox') {
        const demo = await deps.sandbox.ensure(settings.callerAcc);
        return { ok: true, ...demo };
      }
      const refused = deps.checkBaseUrl(settings.baseUrl);
      if (refused) {
        deps.log.warn('account.host_refused', {});
        return refused;
      }
      const creds = await deps.vault.getCredentials();
      if (!creds) return failWith('not_configured', msg('callRule.notConfigured'));
      deps.log.redact(creds.appSecret);
      return { ok: true, appKey: creds.appKey, appSecret: creds.appSecret, baseUrl: settings.baseUrl };
    },
  };
}
