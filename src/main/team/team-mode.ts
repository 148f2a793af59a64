/**
 * Team mode assembled: the hub session (sign-in, token, event stream), the team call log and
 * the calls through the hub, and the shared directory's local copy. core.ts asks `active()` and
 * routes the contract's operations here while the desk is signed in; signed out, nothing here
 * runs and the desk works exactly as without a hub.
 */
import type { AppEvents } from '../../shared/contract';
import type { PhoneNumber, Settings } from '../../shared/domain';
import { msg } from '../../shared/i18n';
import { failWith, success, type Failure } from '../../shared/result';
import { exportCallLogCsv } from '../calls/call-log-csv';
import { exportContactsCsv } from '../contacts/csv';
import type { OperationHandlers } from '../ipc/operations';
import { fileStamp } from '../local-time';
import type { Logger } from '../log';
import type { SourcesOptions } from '../sources/data-sources';
import type { KeyValueStore } from '../stores/kv-store';
import type { SecretCipher } from '../vault/cipher';
import type { HubClient } from './hub-client';
import { createTeamCallLog, type TeamCallLog } from './team-call-log';
import { createTeamCalls, type TeamCalls } from './team-calls';
import { openTeamDirectory, type TeamDirectory } from './team-directory';
import { createTeamAdmin, type TeamAdmin } from './team-admin';
import { createTeamSession, type BackoffPolicy, type SignInRequest, type TeamSession } from './team-session';
import { createTeamVault } from './team-vault';

export interface TeamModeDeps {
  /** The desk's data folder: the directory's local copy goes in a folder of its own under it. */
  dataDir: string;
  cipher: SecretCipher;
  vaultStore: KeyValueStore;
  log: Logger;
  now(): number;
  settings(): Settings;
  nameFor(n: PhoneNumber, extension?: string): string | undefined;
  emit<K extends keyof AppEvents>(name: K, data: AppEvents[K]): void;
  /** Tests: a fetch for the hub, its timeout and the reconnect backoff. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  backoff?: BackoffPolicy;
  /** The dispatcher's own number (rosters must not contain it). */
  ownNumber(): PhoneNumber | undefined;
  /** How the directory's local copy reports notices and changes (as the desk's own sources do). */
  sourcesOptions: SourcesOptions;
}

/** The operations that go to the hub while the desk is in team mode. */
export type TeamHandlers = Pick<
  OperationHandlers,
  | 'startCall'
  | 'startConf'
  | 'callLogList'
  | 'callLogExport'
  | 'contactsList'
  | 'contactSave'
  | 'contactsDelete'
  | 'contactsRestore'
  | 'groupSave'
  | 'groupDelete'
  | 'rosterSave'
  | 'rosterDelete'
  | 'contactsExport'
  | 'contactsImportPreview'
  | 'contactsImportApply'
  | 'contactsImportRows'
>;

export interface TeamMode {
  session: TeamSession;
  calls: TeamCalls;
  log: TeamCallLog;
  /** Open while signed in. */
  directory(): TeamDirectory | undefined;
  handlers: TeamHandlers;
  /** Today's counts and, for an admin, the users' phones (asked of the hub). */
  admin: TeamAdmin;
  /** The contact name of a number: the shared directory's while in team mode. */
  nameFor(n: PhoneNumber, extension?: string): string | undefined;
  active(): boolean;
  status(): ReturnType<TeamSession['status']>;
  signIn(request: SignInRequest): ReturnType<TeamSession['signIn']>;
  signOut(): ReturnType<TeamSession['signOut']>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createTeamMode(deps: TeamModeDeps): TeamMode {
  const vault = createTeamVault({ cipher: deps.cipher, store: deps.vaultStore });
  let directory: TeamDirectory | undefined;
  const nameFor = (n: PhoneNumber, extension?: string) => (directory ? directory.nameFor(n, extension) : deps.nameFor(n, extension));
  const log = createTeamCallLog({ now: deps.now, nameFor, onChange: (entry) => deps.emit('callUpdated', { entry }) });

  function openDirectory() {
    const hubUrl = session.status().hubUrl;
    if (directory || !hubUrl) return;
    try {
      directory = openTeamDirectory({
        dataDir: deps.dataDir,
        hubUrl,
        log: deps.log,
        now: deps.now,
        ownNumber: deps.ownNumber,
        client: () => session.client(),
        onUnauthorized: () => session.expired(),
        sourcesOptions: deps.sourcesOptions,
        onImportProgress: (progress) => deps.emit('importProgress', progress),
      });
    } catch (err) {
      deps.log.error('team.directory.open_failed', { error: String(err) });
    }
  }

  function closeDirectory() {
    const d = directory;
    directory = undefined;
    d?.close();
  }

  function syncDirectory(client: HubClient) {
    const d = directory;
    if (!d) return;
    const started = deps.now();
    void d.sync(client).then((r) => {
      if (r.ok && r.applied > 0) deps.log.info('team.directory.synced', { applied: r.applied, ms: deps.now() - started });
    });
  }

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
        if (active) openDirectory();
        else {
          log.clear();
          closeDirectory();
        }
      }
      deps.emit('teamStatusChanged', { team });
    },
    onEvent(event) {
      if (event.type === 'call' || event.type === 'bill') refreshLog();
      else if (event.type === 'directory') {
        const c = session.anyClient();
        if (c) syncDirectory(c);
      } else if (event.type === 'user') {
        // An admin changed this dispatcher's phone: the status shows the number the hub now rings.
        const { username, phone } = event.data;
        if (username === session.status().username && typeof phone === 'string') session.phoneChanged(phone);
      }
    },
    onOnline(client) {
      // Whatever happened while the stream was closed (bills included) is read again.
      refreshLog();
      syncDirectory(client);
      // An admin may have changed this dispatcher's phone meanwhile: the status shows the hub's.
      void client.me().then((r) => {
        if (r.ok && typeof r.user.phone === 'string') session.phoneChanged(r.user.phone);
      });
    },
  });
  wasActive = session.active();
  if (wasActive) openDirectory();
  const calls = createTeamCalls({ session, log, settings: deps.settings, logger: deps.log, now: deps.now });

  const admin = createTeamAdmin({ session, onOwnPhone: (phone) => session.phoneChanged(phone) });
  const noDirectory = (): Failure => failWith('storage', msg('team.err.notSignedIn'));
  const handlers: TeamHandlers = {
    startCall: (req) => calls.startCall(req),
    startConf: (req) => calls.startConf(req),
    callLogList: async (req) => success(log.list(req.sinceRevision)),
    callLogExport: async (req) => success({ fileName: `call-log-${fileStamp(deps.now())}.csv`, csv: exportCallLogCsv(log.list().entries, req.lang) }),
    contactsList: async (req) => (directory ? directory.list(req) : noDirectory()),
    contactSave: async (req) => (directory ? directory.saveContact(req.contact) : noDirectory()),
    contactsDelete: async (req) => (directory ? directory.deleteContacts(req.ids) : noDirectory()),
    contactsRestore: async (req) => (directory ? directory.restoreContacts(req.contacts) : noDirectory()),
    groupSave: async (req) => (directory ? directory.saveGroup(req.group) : noDirectory()),
    groupDelete: async (req) => (directory ? directory.deleteGroup(req.id) : noDirectory()),
    rosterSave: async (req) => (directory ? directory.saveRoster(req.roster) : noDirectory()),
    rosterDelete: async (req) => (directory ? directory.deleteRoster(req.id) : noDirectory()),
    contactsImportPreview: async (req) => (directory ? directory.importPreview(req) : noDirectory()),
    contactsImportApply: async (req) => (directory ? directory.importApply(req) : noDirectory()),
    contactsImportRows: async (req) => (directory ? directory.importRows(req) : noDirectory()),
    contactsExport: async (req) =>
      directory
        ? success({
            fileName: `contacts-${fileStamp(deps.now())}.csv`,
            csv: exportContactsCsv(directory.contactsAll(), directory.service.groups.all(), req.lang),
          })
        : noDirectory(),
  };

  return {
    session,
    calls,
    log,
    directory: () => directory,
    handlers,
    admin,
    nameFor,
    active: () => session.active(),
    status: () => session.status(),
    signIn: (request) => session.signIn(request),
    async signOut() {
      const r = await session.signOut();
      return r.ok ? success({ team: session.status() }) : r;
    },
    start: () => session.start(),
    async close() {
      await session.close();
      closeDirectory();
    },
  };
}

/** Replaces each of `handlers` that team mode has with one that asks `active()` on every call. */
export function routeToTeam(handlers: OperationHandlers, team: TeamHandlers, active: () => boolean): void {
  const names = Object.keys(team) as Array<keyof TeamHandlers>;
  for (const name of names) {
    const local = handlers[name] as (request: unknown) => Promise<unknown>;
    const remote = team[name] as (request: unknown) => Promise<unknown>;
    (handlers as Record<string, (request: unknown) => Promise<unknown>>)[name] = (request) => (active() ? remote(request) : local(request));
  }
}
