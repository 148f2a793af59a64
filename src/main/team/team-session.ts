/**
 * The desk's link to its team hub: signing in and out, the token (decrypted once, kept in main's
 * memory, never sent to the window), the connection state the window shows, and the hub's event
 * stream — reconnected with backoff and resumed with Last-Event-ID, so a hub restart loses no bill.
 *
 * Any answer 401 (token expired or revoked, user disabled) turns the state to `expired`: the
 * identity is kept so the window can ask for the password again over whatever it is showing.
 */
import { msg } from '../../shared/i18n';
import { failWith, success, type Failure, type Result } from '../../shared/result';
import type { TeamConnection, TeamStatus } from '../../shared/team';
import type { Logger } from '../log';
import { checkHubUrl, createHubClient, type HubClient } from './hub-client';
import { readHubEvents, type HubEvent } from './hub-events';
import type { TeamVault } from './team-vault';

export interface BackoffPolicy {
  firstMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { firstMs: 500, maxMs: 5000 };

export interface TeamSessionDeps {
  vault: TeamVault;
  log: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
  backoff?: BackoffPolicy;
  /** The clock the status revisions start from (tests). */
  now?: () => number;
  /** The state the window shows changed. */
  onStatus(status: TeamStatus): void;
  /** Every event from the hub, in order (catch-up after a reconnect included). */
  onEvent(event: HubEvent): void;
  /** The stream is open (again): re-read what may have changed while it was closed. */
  onOnline(client: HubClient): void;
}

export interface SignInRequest {
  hubUrl: string;
  username: string;
  password: string;
  acceptPlaintextRisk?: boolean;
}

export interface TeamSession {
  status(): TeamStatus;
  /** Signed in (online or not): the desk is in team mode. */
  active(): boolean;
  /** A client with the token when the hub is reachable; a failure saying why not otherwise. */
  client(): HubClient | Failure;
  /** The client whatever the connection (for reads that may fail on their own). */
  anyClient(): HubClient | undefined;
  signIn(request: SignInRequest): Promise<Result<{ team: TeamStatus }>>;
  signOut(): Promise<Result<{ team: TeamStatus }>>;
  /** Resumes a stored sign-in (at start-up). */
  start(): Promise<void>;
  /** A request answered 401: stop and ask for the password again. */
  expired(): void;
  /** The hub has another phone for the signed-in user (an admin changed it): keep and show it. */
  phoneChanged(phone: string): void;
  close(): Promise<void>;
}

export function createTeamSession(deps: TeamSessionDeps): TeamSession {
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  let connection: TeamConnection = deps.vault.identity() ? 'connecting' : 'off';
  let client: HubClient | undefined;
  let stream: AbortController | undefined;
  let lastEventId: number | undefined;
  let wake: (() => void) | undefined;
  // Starts at the clock, not 0: a window left open across a restart of main (the browser preview)
  // holds the old process's revisions, and the new process's statuses must still count as newer.
  let revision = (deps.now ?? Date.now)();

  function status(): TeamStatus {
    const id = deps.vault.identity();
    const base = { backend: deps.vault.backend, backendSecure: deps.vault.backendSecure, revision };
    if (!id || connection === 'off') return { ...base, connection: 'off' };
    const url = checkHubUrl(id.hubUrl);
    return {
      ...base,
      connection,
      hubUrl: id.hubUrl,
      hubName: url.ok ? url.host : id.hubUrl,
      username: id.username,
      role: id.role,
      phone: id.phone,
      hubMode: id.hubMode,
    };
  }

  /** Every change the window must see goes out with a new revision (see TeamStatus.revision). */
  function announce() {
    revision += 1;
    deps.onStatus(status());
  }

  function setConnection(next: TeamConnection) {
    if (connection === next) return;
    connection = next;
    deps.log.info('team.connection', { state: next });
    announce();
  }

  function stopStream() {
    stream?.abort();
    stream = undefined;
    wake?.();
  }

  async function runStream(c: HubClient, t: string, signal: AbortSignal) {
    let delay = backoff.firstMs;
    while (!signal.aborted) {
      let opened = false;
      const end = await readHubEvents({
        baseUrl: c.baseUrl,
        token: t,
        lastEventId,
        fetch: deps.fetch,
        signal,
        connectTimeoutMs: deps.timeoutMs,
        onOpen() {
          opened = true;
          delay = backoff.firstMs;
          setConnection('online');
          deps.onOnline(c);
        },
        onEvent(e) {
          lastEventId = e.id;
          deps.onEvent(e);
        },
      });
      if (signal.aborted || end.kind === 'aborted') return;
      if (end.kind === 'unauthorized') {
        setConnection('expired');
        return;
      }
      deps.log.warn('team.stream.closed', { reason: end.kind, opened });
      setConnection('offline');
      // Backoff with jitter, so ten desks do not hit a restarting hub in the same millisecond.
      const wait = Math.round(delay * (0.75 + Math.random() * 0.5));
      delay = Math.min(backoff.maxMs, delay * 2);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  function connect(c: HubClient, t: string) {
    stopStream();
    const controller = new AbortController();
    stream = controller;
    void runStream(c, t, controller.signal).catch((err: unknown) => deps.log.error('team.stream.failed', { error: String(err) }));
  }

  function forget() {
    stopStream();
    client = undefined;
    lastEventId = undefined;
  }

  return {
    status,
    active: () => connection !== 'off',
    client() {
      if (connection === 'off' || !client) return failWith('not_configured', msg('team.err.notSignedIn'));
      if (connection === 'expired') return failWith('unauthorized', msg('team.err.expired'));
      if (connection === 'offline') return failWith('network', msg('team.err.unreachable', { hub: client.host }));
      return client;
    },
    anyClient: () => client,
    async signIn(request) {
      const refused = deps.vault.canStore(request.acceptPlaintextRisk === true);
      if (refused) return refused;
      // A second line of defence: nothing logs them, and the logger would blank them if it did.
      deps.log.redact(request.password);
      const bare = createHubClient({ baseUrl: request.hubUrl, fetch: deps.fetch, timeoutMs: deps.timeoutMs });
      if ('ok' in bare) return bare;
      const login = await bare.login(request.username, request.password);
      if (!login.ok) return login;
      deps.log.redact(login.token);
      const authed = createHubClient({ baseUrl: bare.baseUrl, token: login.token, fetch: deps.fetch, timeoutMs: deps.timeoutMs });
      if ('ok' in authed) return authed;
      const me = await authed.me();
      const hubMode = me.ok && me.mode === 'production' ? 'production' : 'sandbox';
      const saved = await deps.vault.save(
        { hubUrl: bare.baseUrl, username: login.user.username, role: login.user.role, phone: login.user.phone ?? '', hubMode },
        login.token,
        request.acceptPlaintextRisk === true,
      );
      if (!saved.ok) {
        // Not kept, so not used: end the session on the hub too.
        void authed.logout();
        return saved;
      }
      forget();
      client = authed;
      deps.log.info('team.signed_in', { hub: bare.host, role: login.user.role });
      connection = 'connecting';
      announce();
      connect(authed, login.token);
      return success({ team: status() });
    },
    async signOut() {
      const c = client;
      forget();
      if (c && connection !== 'expired') {
        // Best effort: the token is forgotten here whatever the hub says.
        await c.logout().catch(() => undefined);
      }
      const cleared = deps.vault.clear();
      connection = 'off';
      deps.log.info('team.signed_out', {});
      announce();
      if (!cleared.ok) return cleared;
      return success({ team: status() });
    },
    async start() {
      const id = deps.vault.identity();
      if (!id) return;
      const t = await deps.vault.token();
      if (t === null) {
        // The keyring cannot give the token back (new machine, keyring reset): sign in again.
        setConnection('expired');
        return;
      }
      deps.log.redact(t);
      const c = createHubClient({ baseUrl: id.hubUrl, token: t, fetch: deps.fetch, timeoutMs: deps.timeoutMs });
      if ('ok' in c) {
        setConnection('expired');
        return;
      }
      client = c;
      connection = 'connecting';
      announce();
      connect(c, t);
    },
    phoneChanged(phone) {
      const id = deps.vault.identity();
      if (!id || id.phone === phone) return;
      const saved = deps.vault.setPhone(phone);
      if (!saved.ok) deps.log.warn('team.phone_not_saved', {});
      announce();
    },
    expired() {
      if (connection === 'off') return;
      stopStream();
      setConnection('expired');
    },
    async close() {
      stopStream();
    },
  };
}
