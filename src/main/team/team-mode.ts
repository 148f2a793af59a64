/**
 * Team mode assembled: the hub session (sign-in, token, event stream), the team call log and
 * the calls through the hub, and the shared directory's local copy. core.ts asks `active()` and
 * routes the contract's operations here while the desk is signed in; signed out, nothing here
 * runs and the desk works exactly as without a hub.
 */
import type { AppEvents } from '../../shared/contract';
import type { PhoneNumber, Settings } from '../../shared/domain';
import { success } from '../../shared/result';
import type { Logger } from '../log';
import type { KeyValueStore } from '../stores/kv-store';
import type { SecretCipher } from '../vault/cipher';
import type { HubClient } from './hub-client';
import type { HubEvent } from './hub-events';
import { createTeamCallLog, type TeamCallLog } from './team-call-log';
import { createTeamCalls, type TeamCalls } from './team-calls';
import { createTeamSession, type BackoffPolicy, type SignInRequest, type TeamSession } from './team-session';
import { createTeamVault } from './team-vault';

export interface TeamModeDeps {
  cipher: SecretCipher;
  vaultStore: KeyValueStore;
  log: Logger;
  now(): number;
  settings(): Settings;
  nameFor(n: PhoneNumber): string | undefined;
  emit<K extends keyof AppEvents>(name: K, data: AppEvents[K]): void;
  /** Tests: a fetch for the hub, its timeout and the reconnect backoff. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  backoff?: BackoffPolicy;
  /** Told when the desk enters or leaves team mode (the directory source changes with it). */
  onActiveChange?(active: boolean): void;
  /** Told about the hub's directory events and each time the stream opens (again). */
  onDirectoryEvent?(event: HubEvent, client: HubClient): void;
  onOnline?(client: HubClient): void;
}

export interface TeamMode {
  session: TeamSession;
  calls: TeamCalls;
  log: TeamCallLog;
  active(): boolean;
  status(): ReturnType<TeamSession['status']>;
  signIn(request: SignInRequest): ReturnType<TeamSession['signIn']>;
  signOut(): ReturnType<TeamSession['signOut']>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createTeamMode(deps: TeamModeDeps): TeamMode {
  const vault = createTeamVault({ cipher: deps.cipher, store: deps.vaultStore });
  const log = createTeamCallLog({ now: deps.now, nameFor: deps.nameFor, onChange: (entry) => deps.emit('callUpdated', { entry }) });

  // One refresh of the team log at a time; events during one ask for one more.
  let refreshing: Promise<void> | undefined;
  let again = false;
  function refreshLog() {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = (async () => {
      do {
        again = false;
        const c = session.anyClient();
        if (!c) return;
        await log.refresh(c, session.status().role);
      } while (again);
    })().finally(() => {
      refreshing = undefined;
    });
  }

  let wasActive: boolean | undefined;
  const session: TeamSession = createTeamSession({
    vault,
    log: deps.log,
    fetch: deps.fetch,
    timeoutMs: deps.timeoutMs,
    backoff: deps.backoff,
    onStatus(team) {
      const active = team.connection !== 'off';
      if (active !== wasActive) {
        wasActive = active;
        if (!active) log.clear();
        deps.onActiveChange?.(active);
      }
      deps.emit('teamStatusChanged', { team });
    },
    onEvent(event) {
      if (event.type === 'call' || event.type === 'bill') refreshLog();
      else if (event.type === 'directory') {
        const c = session.anyClient();
        if (c) deps.onDirectoryEvent?.(event, c);
      }
    },
    onOnline(client) {
      // Whatever happened while the stream was closed (bills included) is read again.
      refreshLog();
      deps.onOnline?.(client);
    },
  });
  wasActive = session.active();
  const calls = createTeamCalls({ session, log, settings: deps.settings, logger: deps.log, now: deps.now });

  return {
    session,
    calls,
    log,
    active: () => session.active(),
    status: () => session.status(),
    signIn: (request) => session.signIn(request),
    async signOut() {
      const r = await session.signOut();
      return r.ok ? success({ team: session.status() }) : r;
    },
    start: () => session.start(),
    close: () => session.close(),
  };
}
