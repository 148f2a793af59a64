/**
 * The signed Yunxin client for given settings: the credentials of `settings.mode` (sandbox demo
 * account or the vault's), the maxDur range of `settings`. Shared by the call service and the
 * session tracker, which queries with the mode a call was placed in rather than the current one.
 *
 * A client is built once and reused: building one decrypts the AppSecret (the OS key store, which
 * may be slow) and, in sandbox mode, registers the accid with the simulator. One client is kept
 * per mode, each for the exact settings it was built from, so a sandbox session is never queried
 * on the production server or the reverse, and a call in one mode does not throw away the other
 * mode's client while its sessions are still being polled. A client is built again when the
 * settings it depends on differ (compared on every request, so no settings path can forget to
 * say so) and after `invalidate()`, which the core calls when the vault changes (account saved or
 * cleared): the secret is not part of what is compared, and is kept nowhere but in the client.
 */
import type { Mode, Settings } from '../../shared/domain';
import type { Failure } from '../../shared/result';
import { createYunxinClient, type YunxinClient } from '../../yunxin';
import type { CredentialSource } from './credential-source';

export type ClientResult = { ok: true; client: YunxinClient } | Failure;
export type ClientFor = (settings: Settings) => Promise<ClientResult>;

export interface ClientFactory {
  clientFor: ClientFor;
  /** Forgets every client: the next request builds a new one from the credentials as they are then. */
  invalidate(): void;
}

interface Cached {
  /** What the client was built from, besides the secret (see keyFor). */
  key: readonly unknown[];
  client: Promise<ClientResult>;
}

/**
 * The settings a client of this mode is built from. Production: the base URL (the accid travels in
 * each request). Sandbox: the accid too, which the simulator is told about when the client is built.
 */
function keyFor(settings: Settings): readonly unknown[] {
  return [settings.mode, settings.maxDurMin, settings.maxDurMax, settings.mode === 'sandbox' ? settings.callerAcc : settings.baseUrl];
}

/** Compared on every request: element by element, without serialising the settings each time. */
function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

export function createClientFactory(deps: { credentials: CredentialSource; timeoutMs?: number }): ClientFactory {
  const cache = new Map<Mode, Cached>();

  async function build(settings: Settings): Promise<ClientResult> {
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
  }

  return {
    clientFor(settings) {
      const key = keyFor(settings);
      const hit = cache.get(settings.mode);
      if (hit && sameKey(hit.key, key)) return hit.client;
      // Requests arriving while the client is being built share it: one decryption, not several.
      const entry: Cached = { key, client: build(settings) };
      cache.set(settings.mode, entry);
      void entry.client.then(
        (c) => {
          // No account yet, an unreadable vault: ask again next time rather than remember a failure.
          if (!c.ok && cache.get(settings.mode) === entry) cache.delete(settings.mode);
        },
        () => {
          if (cache.get(settings.mode) === entry) cache.delete(settings.mode);
        },
      );
      return entry.client;
    },
    invalidate: () => cache.clear(),
  };
}
