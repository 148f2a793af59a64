/**
 * Wires main's services into the contract's handlers. Plain Node: Electron's entry point
 * (index.ts), the browser preview server and the tests all build the app through this function,
 * so what the tests exercise is what the app runs.
 */
import type { ImportUndoResponse, LastImport } from '../shared/contract';
import type { CallLogEntry, Mode, Settings } from '../shared/domain';
import { normalizePhone } from '../shared/phone';
import { msg } from '../shared/i18n';
import { failWith, success } from '../shared/result';
import { exportCallLogCsv } from './calls/call-log-csv';
import { createCallService } from './calls/call-service';
import { createClientFactory } from './calls/client-factory';
import { createCredentialSource } from './calls/credential-source';
import { realRepeat, type Repeat } from './calls/repeat';
import { createSessionTracker } from './calls/session-tracker';
import { createContactsImport } from './contacts/contacts-import';
import { createContactsService } from './contacts/contacts-service';
import { fileImportUndoStore } from './contacts/import/import-undo';
import { createMappingMemory } from './contacts/import/mapping-memory';
import { createRosterDraft } from './contacts/roster-draft';
import { createEventBus, type EventBus } from './events/event-bus';
import { createDesktopSettingsService, type DesktopSettingsService } from './desktop/desktop-settings-service';
import { createDialRequests, type DialRequests } from './links/dial-requests';
import type { OperationHandlers } from './ipc/operations';
import { fileStamp } from './local-time';
import type { Logger } from './log';
import { createSandbox, type Sandbox } from './sandbox/sandbox';
import { createAccountTester } from './settings/account-test';
import { createSettingsService } from './settings/settings-service';
import { openSources, type DataSources, type SourcesOptions } from './sources/data-sources';
import { openConfStore } from './stores/conf-store';
import { createMemoryKeyValueStore, type KeyValueStore } from './stores/kv-store';
import { createReportService } from './reports/report-service';
import { createNoticeBoard } from './stores/notice-board';
import type { StoreNotice } from './stores/store-notice';
import type { ApiHostPolicy } from '../yunxin/api-host';
import type { SecretCipher } from './vault/cipher';
import { createVault } from './vault/vault';
import type { BackoffPolicy } from './team/team-session';
import { createTeamMode, routeToTeam } from './team/team-mode';

/** When the contacts warm-up starts if no window has asked for the list by then. */
const WARM_UP_AFTER_MS = 1000;

export interface CoreDeps {
  settingsStore: KeyValueStore;
  vaultStore: KeyValueStore;
  /** desktop.json: hotkeys, close to tray, notifications, start at login (kept in memory when absent). */
  desktopStore?: KeyValueStore;
  /** The platform whose defaults the desktop settings take (close to tray is on by default on Windows). */
  platform?: NodeJS.Platform;
  cipher: SecretCipher;
  log: Logger;
  /** The data folder: contacts, groups, rosters and the call log are kept here. */
  dataDir: string;
  /**
   * Where contacts, groups, rosters and the call log come from; by default the local files in
   * `dataDir`. Tests pass other sources to show the services depend on nothing else.
   */
  openSources?: (options: SourcesOptions) => DataSources;
  /** Notices of the stores opened before the core (settings, vault), for `noticesList`. */
  notices?: readonly StoreNotice[];
  /**
   * Where production calls may go (src/yunxin/api-host.ts). Default: the vendor's https hosts
   * only. Development builds and tests add loopback for a local simulator.
   */
  apiHosts?: ApiHostPolicy;
  /** Tests pass a sandbox with fast progress; the app uses the default. */
  sandbox?: Sandbox;
  timeoutMs?: number;
  /** The clock of the call log and the session tracker. */
  now?: () => number;
  /** Call log entries kept (default 10 000). */
  callLogCap?: number;
  /** Session polling; tests drive it round by round with their own `repeat`. */
  tracking?: { intervalMs?: number; repeat?: Repeat; graceMs?: number; notExistLimit?: number };
  /** Team mode in tests: the hub requests' timeout and the event stream's reconnect backoff. */
  team?: { timeoutMs?: number; backoff?: BackoffPolicy; fetch?: typeof fetch };
}

export interface DispatchCore {
  handlers: OperationHandlers;
  /** Main's events (the contract's AppEvents), for the window transports; returns unsubscribe. */
  subscribe: EventBus['subscribe'];
  /** For the desktop shell (links, hotkey, tray, notifications); never reachable from the window. */
  desktop: {
    dialRequests: DialRequests;
    callLog(): CallLogEntry[];
    settings(): Settings;
    /** The desktop settings; the Electron shell attaches to apply them live. */
    desktopSettings: DesktopSettingsService;
    /** A notification about this log entry was clicked: the window shows it (false: no such entry, nothing sent). */
    focusLogEntry(entryId: string): boolean;
    /** The import that can still be undone (what the window's contactsImportLast answers). */
    lastImport(): Promise<LastImport | null>;
    /** "Undo last import" from the application menu: the window's own undo, its answer sent to the window. */
    undoLastImport(): Promise<ImportUndoResponse>;
  };
  close(): Promise<void>;
}

export function createDispatchCore(deps: CoreDeps): DispatchCore {
  const now = deps.now ?? Date.now;
  const events = createEventBus(deps.log);
  const notices = createNoticeBoard(now, (notice) => events.emit('noticeAdded', { notice }));
  for (const notice of deps.notices ?? []) notices.add(notice);
  const sourcesOptions: SourcesOptions = {
    log: deps.log,
    now,
    onNotice(notice) {
      notices.add(notice);
      deps.log.warn('store.notice', { ...notice });
    },
    callLogCap: deps.callLogCap,
    onContactsChanged: (revision) => events.emit('contactsChanged', { revision }),
    onCallLogChanged: (entry) => events.emit('callUpdated', { entry }),
  };
  const sources = deps.openSources ? deps.openSources(sourcesOptions) : openSources({ kind: 'local', dataDir: deps.dataDir }, sourcesOptions);

  const settings = createSettingsService(deps.settingsStore, { apiHosts: deps.apiHosts, log: deps.log });
  const desktopSettings = createDesktopSettingsService(deps.desktopStore ?? createMemoryKeyValueStore(), {
    platform: deps.platform ?? process.platform,
    log: deps.log,
  });
  const vault = createVault({ cipher: deps.cipher, store: deps.vaultStore });
  const sandbox = deps.sandbox ?? createSandbox();
  // One client per mode, reused until the settings it was built from or the vault change.
  const clients = createClientFactory({
    credentials: createCredentialSource({ vault, sandbox, log: deps.log, checkBaseUrl: settings.checkBaseUrl }),
    timeoutMs: deps.timeoutMs,
  });
  const { clientFor } = clients;
  const contacts = createContactsService({
    contacts: sources.contacts,
    groups: sources.groups,
    rosters: sources.rosters,
    ownNumber: () => {
      const own = normalizePhone(settings.get().callerNumber);
      return own.ok ? own.number : undefined;
    },
    now,
  });
  // Let the contacts source prepare the list in the background (locally: parse and index the
  // contacts in slices between requests), so that by the time the dispatcher places the first call
  // or edits a contact that work is done. It starts once the window has its first page (or after a
  // moment regardless), so the first page does not compete with it.
  const warmUpLater = setTimeout(() => contacts.warmUp(), WARM_UP_AFTER_MS);
  warmUpLater.unref?.();
  const rosterDraft = createRosterDraft(deps.settingsStore, deps.log);
  const importer = createContactsImport({
    contacts: sources.contacts,
    groups: contacts.groups,
    now,
    // In the data folder, so a restart within the hour can still undo the import.
    undoStore: fileImportUndoStore(deps.dataDir),
    onProgress: (progress) => events.emit('importProgress', progress),
    mappings: createMappingMemory(openConfStore({ cwd: deps.dataDir, name: 'import-mappings' }).store),
  });
  const callLog = sources.callLog;
  // The desk's own log; team mode hands the report service the team's log instead.
  const reports = createReportService({ entries: () => callLog.list().entries });
  const calls = createCallService({ settings: settings.get, clientFor, callLog, nameFor: contacts.nameFor, now, log: deps.log });
  const tracker = createSessionTracker({
    sessions: sources.sessions,
    // The mode the call was placed in, not the current one: switching to production must not
    // send a sandbox session id to the real server (or the reverse).
    async query(entry) {
      // Team entries are followed through the hub's events, never polled from the desk.
      if (entry.mode === 'team') return failWith('not_configured', msg('team.err.notSignedIn'));
      const c = await clientFor({ ...settings.get(), mode: entry.mode });
      if (!c.ok) return c;
      return c.client.querySession({ session: entry.session ?? '', type: entry.kind });
    },
    now,
    repeat: deps.tracking?.repeat ?? realRepeat,
    intervalMs: deps.tracking?.intervalMs,
    graceMs: deps.tracking?.graceMs,
    notExistLimit: deps.tracking?.notExistLimit,
    log: deps.log,
  });
  // Resumes sessions left in progress by the previous run: they are still in the log.
  tracker.start();

  const testAccount = createAccountTester({ settings: settings.get, clientFor, checkBaseUrl: settings.checkBaseUrl, log: deps.log, timeoutMs: deps.timeoutMs });
  // Team mode (signed in to a hub): calls, the log and the directory go through the hub.
  const team = createTeamMode({
    dataDir: deps.dataDir,
    ownNumber: () => {
      const own = normalizePhone(team.session.status().phone ?? '');
      return own.ok ? own.number : undefined;
    },
    sourcesOptions: { ...sourcesOptions, onCallLogChanged: undefined },
    cipher: deps.cipher,
    vaultStore: deps.vaultStore,
    log: deps.log,
    now,
    settings: settings.get,
    nameFor: contacts.nameFor,
    emit: events.emit,
    timeoutMs: deps.team?.timeoutMs ?? deps.timeoutMs,
    backoff: deps.team?.backoff,
    fetch: deps.team?.fetch,
  });
  void team.start();

  const switchMode = (mode: Mode) => (settings.get().mode !== mode ? settings.set({ mode }) : success({}));
  const accountStatus = async () => success({ account: await vault.status(settings.get().mode) });

  const handlers: OperationHandlers = {
    startCall: (req) => calls.startCall(req),
    startConf: (req) => calls.startConf(req),
    accountStatus,
    async accountSave({ baseUrl, ...credentials }) {
      // A new API host is accepted only here, with the AppSecret typed again in the same form:
      // a window that can change settings alone cannot send the signed headers elsewhere.
      const hostChange = baseUrl !== undefined && baseUrl !== settings.get().baseUrl;
      if (hostChange) {
        const refused = settings.checkBaseUrl(baseUrl);
        if (refused) return refused;
      }
      const saved = await vault.save(credentials);
      clients.invalidate();
      if (!saved.ok) return saved;
      deps.log.info('account.saved', {});
      // Sandbox is the default only until a real account exists.
      const switched = settings.set({ mode: 'production', ...(hostChange ? { baseUrl } : {}) }, { hostChange });
      if (!switched.ok) return switched;
      return accountStatus();
    },
    async accountClear() {
      const cleared = await vault.clear();
      clients.invalidate();
      if (!cleared.ok) return cleared;
      deps.log.info('account.cleared', {});
      const switched = switchMode('sandbox');
      if (!switched.ok) return switched;
      return accountStatus();
    },
    accountCheck: (req) => testAccount(req),
    settingsGet: async () => success({ settings: settings.get() }),
    settingsSet: async (patch) => {
      const set = settings.set(patch);
      // Also caught by the factory's own comparison; said here so a new setting cannot be missed.
      clients.invalidate();
      return set;
    },
    contactsList: async (req) => {
      const page = contacts.list(req);
      contacts.warmUp();
      return page;
    },
    contactSave: async (req) => contacts.saveContact(req.contact),
    contactsDelete: async (req) => contacts.deleteContacts(req.ids),
    contactsRestore: async (req) => contacts.restoreContacts(req.contacts),
    groupSave: async (req) => contacts.saveGroup(req.group),
    groupDelete: async (req) => contacts.deleteGroup(req.id),
    rosterSave: async (req) => contacts.saveRoster(req.roster),
    rosterDelete: async (req) => contacts.deleteRoster(req.id),
    rosterDraftGet: async () => success({ members: rosterDraft.get() }),
    rosterDraftSet: async (req) => rosterDraft.set(req.members),
    contactsImportPreview: async (req) => importer.preview(req),
    contactsImportApply: async (req) => importer.apply(req),
    contactsImportRows: async (req) => importer.rows(req),
    contactsImportLast: async () => importer.last(),
    contactsImportUndo: async () => importer.undo(),
    contactsImportRejected: async (req) => importer.rejectedCsv(req),
    contactsExport: async (req) => importer.exportCsv(req.lang),
    callLogList: async (req) => success(callLog.list(req.sinceRevision)),
    callLogExport: async (req) => success({ fileName: `call-log-${fileStamp(now())}.csv`, csv: exportCallLogCsv(callLog.list().entries, req.lang) }),
    noticesList: async () => success({ notices: notices.list() }),
    desktopSettingsGet: async () => success({ desktop: desktopSettings.view() }),
    desktopSettingsSet: async (patch) => desktopSettings.set(patch),
    reportsGet: async (req) => reports.get(req),
    teamStatus: async () => success({ team: team.status() }),
    teamSignIn: (req) => team.signIn(req),
    teamSignOut: () => team.signOut(),
    teamTodayCounts: () => team.admin.todayCounts(),
    teamUsers: () => team.admin.users(),
    teamUserPhoneSet: async (req) => {
      const r = await team.admin.setUserPhone(req.username, req.phone);
      return r.ok ? success({ user: r.user, team: team.status() }) : r;
    },
    teamLocalExport: async (req) => importer.exportCsv(req.lang),
  };

  // Signed in to a hub, these operations go to the team's (same contract, same answers).
  routeToTeam(handlers, team.handlers, team.active);

  // A dial request from a link, the hotkey or the tray reaches the window as one event.
  const dialRequests = createDialRequests((request) => events.emit('dialRequested', request));

  return {
    handlers,
    subscribe: events.subscribe,
    desktop: {
      dialRequests,
      callLog: () => callLog.list().entries,
      settings: () => settings.get(),
      desktopSettings,
      focusLogEntry(entryId) {
        if (!callLog.list().entries.some((e) => e.id === entryId)) return false;
        events.emit('logEntryFocusRequested', { entryId });
        return true;
      },
      async lastImport() {
        const r = await handlers.contactsImportLast({});
        return r.ok ? r.last : null;
      },
      async undoLastImport() {
        const result = await handlers.contactsImportUndo({});
        events.emit('importUndone', { result });
        return result;
      },
    },
    async close() {
      tracker.stop();
      await team.close();
      importer.clear();
      clearTimeout(warmUpLater);
      try {
        await sandbox.close();
      } finally {
        sources.close();
      }
    },
  };
}
