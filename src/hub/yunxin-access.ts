/**
 * Which Yunxin account the hub uses, and the AppSecret for verifying bills.
 * - sandbox: the public sandbox account against the in-process simulator;
 * - production: AppKey and base URL from the environment; the AppSecret and callerAcc from the
 *   environment or, when absent there, as set by an admin (the secret stored AES-256-GCM sealed).
 * The secret never leaves this module except into the client's signature and the callback check.
 */
import { SANDBOX_ACCOUNT, SANDBOX_CALLER_ACC } from '../simulator/sandbox-account';
import { msg, type Message } from '../shared/i18n';
import { failWith, type Failure } from '../shared/result';
import { createHttpTransport, createYunxinClient, type YunxinClient } from '../yunxin';
import type { HubConfig, HubMode } from './config';
import type { Queryable } from './db/types';
import { open, type SealedSecret } from './secret-box';

export const YUNXIN_SETTINGS_KEY = 'yunxin';
/** Short, so an admin's change reaches every instance within seconds; this is a cache, not state. */
const CACHE_MS = 5000;

export interface StoredYunxinSettings {
  callerAcc?: string;
  secret?: SealedSecret;
}

export interface ResolvedAccount {
  appKey: string;
  appSecret: string;
  baseUrl: string;
  callerAcc: string;
}

export interface YunxinAccess {
  readonly mode: HubMode;
  /** Sandbox: where the simulator listens (known only once it started). */
  setSandboxBaseUrl(url: string): void;
  account(): Promise<ResolvedAccount | Failure>;
  client(): Promise<{ ok: true; client: YunxinClient; callerAcc: string } | Failure>;
  /** The AppSecret for the callback signature, or undefined when none is configured. */
  callbackSecret(): Promise<string | undefined>;
  forget(): void;
}

export function createYunxinAccess(deps: { config: HubConfig; db: Queryable; fetch?: typeof fetch; now?: () => number }): YunxinAccess {
  const { config, db } = deps;
  let sandboxBaseUrl: string | undefined;
  let cached: { at: number; value: ResolvedAccount | Failure } | undefined;
  // A client is built per request here; one transport for all of them keeps the keep-alive
  // connection to Yunxin between requests (as fetch's shared pool did).
  const transport = deps.fetch ? undefined : createHttpTransport();

  const notConfigured = (detail: Message): Failure => failWith('not_configured', detail);

  async function resolveProduction(): Promise<ResolvedAccount | Failure> {
    const env = config.yunxin;
    if (!env) return notConfigured(msg('hub.yunxin.noAppKey'));
    let stored: StoredYunxinSettings = {};
    if (!env.appSecret || !env.callerAcc) {
      const r = await db.query<{ value: StoredYunxinSettings }>('SELECT value FROM settings WHERE key = $1', [YUNXIN_SETTINGS_KEY]);
      stored = r.rows[0]?.value ?? {};
    }
    let appSecret = env.appSecret;
    if (!appSecret && stored.secret) {
      if (!config.secretKey) return notConfigured(msg('hub.yunxin.noSecretKey'));
      appSecret = open(config.secretKey, stored.secret);
      if (appSecret === undefined) return notConfigured(msg('hub.yunxin.undecryptable'));
    }
    if (!appSecret) return notConfigured(msg('hub.yunxin.noAppSecret'));
    const callerAcc = env.callerAcc ?? stored.callerAcc;
    if (!callerAcc) return notConfigured(msg('hub.yunxin.noCallerAcc'));
    return { appKey: env.appKey, appSecret, baseUrl: env.baseUrl, callerAcc };
  }

  async function account(): Promise<ResolvedAccount | Failure> {
    if (config.mode === 'sandbox') {
      if (!sandboxBaseUrl) return notConfigured(msg('hub.yunxin.sandboxDown'));
      return { appKey: SANDBOX_ACCOUNT.appKey, appSecret: SANDBOX_ACCOUNT.appSecret, baseUrl: sandboxBaseUrl, callerAcc: SANDBOX_CALLER_ACC };
    }
    const now = Date.now();
    if (cached && now - cached.at < CACHE_MS) return cached.value;
    const value = await resolveProduction();
    cached = { at: now, value };
    return value;
  }

  return {
    mode: config.mode,
    setSandboxBaseUrl(url) {
      sandboxBaseUrl = url;
    },
    account,
    async client() {
      const a = await account();
      if ('ok' in a) return a;
      const options: Parameters<typeof createYunxinClient>[0] = { appKey: a.appKey, appSecret: a.appSecret, baseUrl: a.baseUrl };
      if (deps.fetch) options.fetch = deps.fetch;
      else options.transport = transport;
      if (deps.now) options.now = deps.now;
      return { ok: true, client: createYunxinClient(options), callerAcc: a.callerAcc };
    },
    async callbackSecret() {
      if (config.mode === 'sandbox') return SANDBOX_ACCOUNT.appSecret;
      const a = await account();
      return 'ok' in a ? undefined : a.appSecret;
    },
    forget() {
      cached = undefined;
    },
  };
}
