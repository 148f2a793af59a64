/**
 * What the renderer may ask main to do, and what main tells the renderer on its own (events).
 *
 * The operations are declared ONCE, in contract-schemas.ts: its `requestSchemas` object gives the
 * operation names and each request's runtime schema, and the request types below are inferred
 * from it. The responses are TypeScript types here (`Responses`, keyed by the same names; the
 * compiler refuses a name missing on either side). Main's handlers, the preload bridge, the
 * preview bridge and the renderer's `window.dispatch` typing all derive from these.
 *
 * Adding an operation touches: its schema in contract-schemas.ts, its response type in
 * `Responses` and its name in `operationNameSet` below (both compile-checked), its handler in
 * main/core.ts, and — if it calls Yunxin — a route in the simulator (src/simulator). Adding an
 * event: one entry in `AppEvents` and the `emit` where it happens. See README, "How to add an
 * operation (and an event)".
 *
 * This file must stay free of runtime dependencies: the sandboxed preload imports it (zod only as
 * types, erased at build time).
 */
import type {
  AccountCheckTarget,
  AccountCheckVerdict,
  AccountStatus,
  AppNotice,
  CallLogEntry,
  Contact,
  ContactGroup,
  ContactRecord,
  DesktopSettingsView,
  Roster,
  RosterMember,
  PhoneNumber,
  SessionId,
  Settings,
} from './domain';
import type { ColumnRole, ImportFormat } from './import-mapping';
import type { DialableParse } from './phone-extension';
import type { CallReport } from './reports/report';
import type { TeamDayCounts, TeamStatus, TeamUser } from './team';
import type { Message, Result } from './result';
import type { z } from 'zod';
import type { requestSchemas } from './contract-schemas';

type RequestSchemas = typeof requestSchemas;
export type OperationName = keyof RequestSchemas;
/** What the renderer sends: the schema's input type (optional fields may be left out). */
export type RequestOf<K extends OperationName> = z.input<RequestSchemas[K]>;

/** `logId`: the call log entry that records this attempt (also written when the attempt fails). */
export type StartCallRequest = RequestOf<'startCall'>;
export type StartCallResponse = Result<{ session: SessionId; caller: PhoneNumber; callee: PhoneNumber; maxDur: number; logId: string }>;

export type StartConfRequest = RequestOf<'startConf'>;
export type StartConfResponse = Result<{
  session: SessionId;
  caller: PhoneNumber;
  callees: PhoneNumber[];
  maxDur: number;
  /** The limit per person maxDur was derived from (absent when the request named maxDur itself). */
  perPersonSec?: number;
  logId: string;
}>;

export type AccountSaveRequest = RequestOf<'accountSave'>;
export type AccountStatusResponse = Result<{ account: AccountStatus }>;

export type AccountCheckRequest = RequestOf<'accountCheck'>;
/** `target`: what was tested; `server`: where (the API host, or 'sandbox' for the local simulator). */
export type AccountCheckResponse = Result<{
  verdict: AccountCheckVerdict;
  detail: string;
  clockSkewSeconds?: number;
  target: AccountCheckTarget;
  server: string;
}>;

export type SettingsPatch = RequestOf<'settingsSet'>;
export type SettingsResponse = Result<{ settings: Settings }>;

export type ContactsListRequest = RequestOf<'contactsList'>;
/**
 * `total`: contacts in the whole list. `revision` changes with every change to the list or to a
 * contact in it: pages with the same revision fit together; another revision means the pages
 * fetched before are out of date. Groups and rosters (small) come whole with every page.
 */
export type ContactsListResponse = Result<{
  contacts: ContactRecord[];
  total: number;
  revision: number;
  groups: ContactGroup[];
  rosters: Roster[];
}>;
/**
 * The contact list's revision just before and just after an edit the window made itself. The
 * window follows main's `contactsChanged` events; with this it can tell its own edit (already
 * applied to what it shows: `before` is the revision it had) from a change made elsewhere in
 * between (`before` differs: reload).
 */
export interface ListRevision {
  before: number;
  after: number;
}
export type ContactSaveResponse = Result<{ contact: ContactRecord; listRevision: ListRevision }>;
export type ContactsDeleteResponse = Result<{ deleted: Contact[]; listRevision: ListRevision }>;
export type ContactsRestoreResponse = Result<{ contacts: ContactRecord[]; listRevision: ListRevision }>;
export type GroupDeleteResponse = Result<{ deleted: boolean; listRevision: ListRevision }>;
export type GroupSaveResponse = Result<{ group: ContactGroup }>;
export type RosterSaveResponse = Result<{ roster: Roster }>;
export type DeletedResponse = Result<{ deleted: boolean }>;
export type RosterDraftResponse = Result<{ members: RosterMember[] }>;

export type ImportPreviewRequest = RequestOf<'contactsImportPreview'>;
/**
 * 'duplicate': the same person (same name, a shared number) as an existing contact or an earlier
 * row, handled by the duplicate policy. 'conflict': a shared number under another name, which the
 * dispatcher decides row by row (ImportConflictDecision); never merged or replaced by itself.
 */
export type ImportRowStatus = 'new' | 'duplicate' | 'conflict' | 'error';
export type ImportConflictDecision = 'keep' | 'merge' | 'skip';
export interface ImportPreviewRow {
  /** 1-based line in the file. */
  line: number;
  status: ImportRowStatus;
  name: string;
  numbers: string[];
  org: string;
  notes: string;
  groups: string[];
  /** Why an 'error' row is rejected. */
  errors: Message[];
  /** Numbers left out of a row that is imported anyway. */
  warnings: Message[];
  /** For 'duplicate' and 'conflict': which number it shares with whom. */
  match?: Message;
  /** For 'conflict': the names that already have one of its numbers. */
  conflictWith?: string[];
  /** For a 'duplicate' under "replace": what the existing contact loses, shown before it happens. */
  removes: Message[];
}
export interface ImportSummary {
  total: number;
  new: number;
  duplicate: number;
  conflict: number;
  error: number;
}
/**
 * A preview carries the summary and the first rows (and, separately, the first rows that need
 * attention); the rest are fetched a page at a time with contactsImportRows, so a large file never
 * crosses IPC whole.
 */
export interface ImportPreview {
  importId: string;
  encoding: string;
  rows: ImportPreviewRow[];
  /** The first rows whose status is not 'new' (duplicates, conflicts and errors). */
  problemRows: ImportPreviewRow[];
  summary: ImportSummary;
  /** How the file was read: its format, sheet and columns (the dialog's sheet picker and mapping step). */
  source: ImportSourceView;
}
/** One column of an imported table, for the mapping step: its header, first values and meaning. */
export interface ImportColumnView {
  header: string;
  /** The column's values in the first data rows (IMPORT_SAMPLE_ROWS), shortened. */
  samples: string[];
  role: ColumnRole;
  label: string;
}
export interface ImportSourceView {
  format: ImportFormat;
  /** The text encoding found (CSV, vCard); null for a workbook. */
  encoding: string | null;
  /** A workbook's sheet names (empty otherwise) and the one read. */
  sheets: string[];
  sheet: string | null;
  /** The known layout recognised by its header; `none`: no header row, columns taken by position. */
  layout: 'google' | 'outlook' | 'generic' | 'none' | 'vcard';
  /** One per column of a table; empty for a vCard, whose fields name themselves. */
  columns: ImportColumnView[];
  /** False when the dispatcher should check the columns before importing (the dialog opens the mapping step). */
  certain: boolean;
  /** Where the columns' meaning came from: the header guess, a mapping remembered for these headers, the request's, or the file itself (vCard). */
  mappingFrom: 'guess' | 'remembered' | 'chosen' | 'file';
}
export type ImportPreviewResponse = Result<{ preview: ImportPreview }>;
export type ImportRowsRequest = RequestOf<'contactsImportRows'>;
export type ImportRowsResponse = Result<{ rows: ImportPreviewRow[]; total: number }>;
/** How far the preview being parsed has got, for the import dialog to show (the `importProgress` event). */
export interface ImportProgressView {
  stage: 'decoding' | 'parsing' | 'checking';
  /** 0…1 within the stage. */
  done: number;
}
export type ImportApplyRequest = RequestOf<'contactsImportApply'>;
export interface ImportCounts {
  added: number;
  merged: number;
  replaced: number;
  skipped: number;
  failed: number;
}
/** `undoUntil`: the whole import can be undone (contactsImportUndo) until then. */
export type ImportApplyResponse = Result<ImportCounts & { undoUntil: number }>;
/** The last import while it can still be undone (an hour), for the "undo last import" command. */
export interface LastImport {
  at: number;
  undoUntil: number;
  counts: ImportCounts;
}
export type ImportLastResponse = Result<{ last: LastImport | null }>;
/** What undoing the last import did: contacts it had added removed, contacts it had changed put back. */
export type ImportUndoResponse = Result<{ removed: number; restored: number }>;
export type ImportRejectedRequest = RequestOf<'contactsImportRejected'>;
/** `lang`: the language of the file's headers and words, the UI language (zh-CN when absent). */
export type CsvExportRequest = RequestOf<'contactsExport'>;
export type CsvExportResponse = Result<{ fileName: string; csv: string }>;

export type CallLogListRequest = RequestOf<'callLogList'>;
export type CallLogListResponse = Result<{ entries: CallLogEntry[]; revision: number }>;

export type NoticesResponse = Result<{ notices: AppNotice[] }>;

export type DesktopSettingsPatch = RequestOf<'desktopSettingsSet'>;
export type DesktopSettingsResponse = Result<{ desktop: DesktopSettingsView }>;
export type ReportsGetRequest = RequestOf<'reportsGet'>;
export type ReportsGetResponse = Result<{ report: CallReport }>;
export type TeamSignInRequest = RequestOf<'teamSignIn'>;
/** Who is signed in to which hub and whether it is reachable; never the token or the password. */
export type TeamStatusResponse = Result<{ team: TeamStatus }>;

/** Every operation's response, by name. */
export interface Responses {
  startCall: StartCallResponse;
  startConf: StartConfResponse;
  accountStatus: AccountStatusResponse;
  accountSave: AccountStatusResponse;
  accountClear: AccountStatusResponse;
  accountCheck: AccountCheckResponse;
  settingsGet: SettingsResponse;
  settingsSet: SettingsResponse;
  contactsList: ContactsListResponse;
  contactSave: ContactSaveResponse;
  contactsDelete: ContactsDeleteResponse;
  /** Undo of a delete: puts back exactly what contactsDelete returned. */
  contactsRestore: ContactsRestoreResponse;
  groupSave: GroupSaveResponse;
  groupDelete: GroupDeleteResponse;
  rosterSave: RosterSaveResponse;
  rosterDelete: DeletedResponse;
  /** The conference being built (not a saved roster): survives reloads and restarts. */
  rosterDraftGet: RosterDraftResponse;
  rosterDraftSet: RosterDraftResponse;
  contactsImportPreview: ImportPreviewResponse;
  contactsImportApply: ImportApplyResponse;
  contactsImportRows: ImportRowsResponse;
  contactsImportLast: ImportLastResponse;
  contactsImportUndo: ImportUndoResponse;
  /** The rejected rows of a preview as a CSV to fix and import again, with each row's problems. */
  contactsImportRejected: CsvExportResponse;
  contactsExport: CsvExportResponse;
  callLogList: CallLogListResponse;
  callLogExport: CsvExportResponse;
  noticesList: NoticesResponse;
  desktopSettingsGet: DesktopSettingsResponse;
  desktopSettingsSet: DesktopSettingsResponse;
  reportsGet: ReportsGetResponse;
  teamStatus: TeamStatusResponse;
  teamSignIn: TeamStatusResponse;
  teamSignOut: TeamStatusResponse;
  /** The local contact book (not the team's) as CSV: "upload my local contacts to the team". */
  teamLocalExport: CsvExportResponse;
  teamTodayCounts: Result<{ counts: TeamDayCounts }>;
  teamUsers: Result<{ users: TeamUser[] }>;
  teamUserPhoneSet: Result<{ user: TeamUser; team: TeamStatus }>;
}
export type ResponseOf<K extends OperationName> = Responses[K];
export type Operations = { [K in OperationName]: { request: RequestOf<K>; response: ResponseOf<K> } };

/** Fails to compile when `Responses` and the schemas do not name the same operations. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never;
const _responsesMatchSchemas: SameKeys<Responses, RequestSchemas> = true;
void _responsesMatchSchemas;

/**
 * The names again, as a plain object the sandboxed preload can import without zod. A record so
 * the compiler refuses a missing or extra name against the schemas' keys.
 */
const operationNameSet: Record<OperationName, true> = {
  startCall: true,
  startConf: true,
  accountStatus: true,
  accountSave: true,
  accountClear: true,
  accountCheck: true,
  settingsGet: true,
  settingsSet: true,
  contactsList: true,
  contactSave: true,
  contactsDelete: true,
  contactsRestore: true,
  groupSave: true,
  groupDelete: true,
  rosterSave: true,
  rosterDelete: true,
  rosterDraftGet: true,
  rosterDraftSet: true,
  contactsImportPreview: true,
  contactsImportApply: true,
  contactsImportRows: true,
  contactsImportLast: true,
  contactsImportUndo: true,
  contactsImportRejected: true,
  contactsExport: true,
  callLogList: true,
  callLogExport: true,
  noticesList: true,
  desktopSettingsGet: true,
  desktopSettingsSet: true,
  reportsGet: true,
  teamStatus: true,
  teamSignIn: true,
  teamSignOut: true,
  teamLocalExport: true,
  teamTodayCounts: true,
  teamUsers: true,
  teamUserPhoneSet: true,
};
export const OPERATION_NAMES = Object.freeze(Object.keys(operationNameSet) as OperationName[]);

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operationNameSet, name);
}

/** The IPC channel of an operation. One channel per operation: there is no generic invoke. */
export function channelFor(name: OperationName): string {
  return `dispatch:${name}`;
}

/**
 * What main tells the window without being asked, by event name: one entry per event, its data
 * beside it. Services emit them (main/events/event-bus.ts); the window receives
 * `{ type, data }` through `window.dispatch.subscribe`.
 */
export interface AppEvents {
  /** A call-log entry was created (a call or conference placed, or failed) or changed (a status learned). */
  callUpdated: { entry: CallLogEntry };
  /**
   * The contact list changed, by whatever path (editor, undo, import, a group deleted): `revision`
   * is the list's new revision, the one `contactsList` answers with from now on.
   */
  contactsChanged: { revision: number };
  /** A store notice was added (a damaged file set aside or repaired). */
  noticeAdded: { notice: AppNotice };
  /**
   * The event stream was interrupted and is open again, so events may have been missed: re-read
   * what is shown. Sent by a transport that can drop (the preview's SSE), never by a service.
   */
  streamResumed: Record<never, never>;
  /**
   * A number to dial arrived from outside the window (a tel:/callto:/dispatchdesk: link, the
   * clipboard hotkey, the tray): the window asks the dispatcher to confirm; nothing is dialled yet.
   * `phone` is the normalised main number with its extension apart (`tel:010-62234302-396`), or
   * why the text is not one (shown as the normal error).
   */
  dialRequested: { source: 'link' | 'hotkey' | 'tray'; phone: DialableParse };
  /** Team mode: signed in or out, or the hub became reachable, unreachable or refused the token. */
  teamStatusChanged: { team: TeamStatus };
  /** An import preview is being read and checked in main: how far it has got (sent as it goes, at most every 100 ms). */
  importProgress: ImportProgressView;
  /**
   * The dispatcher clicked a native notification about this call-log entry (call failed, not
   * answered, conference ended): the window shows the log, scrolled to the entry and highlighted.
   */
  logEntryFocusRequested: { entryId: string };
  /**
   * The last import was undone from outside the window (the application menu's "undo last
   * import"): the window shows the answer as the toolbar's undo would and drops its own offer.
   */
  importUndone: { result: ImportUndoResponse };
}
export type AppEventName = keyof AppEvents;
/** One event as the window receives it: a union discriminated by `type`. */
export type AppEvent = { [K in AppEventName]: { type: K; data: AppEvents[K] } }[AppEventName];

/** The one IPC channel main sends events on (to the app's own windows only). */
export const EVENTS_CHANNEL = 'dispatch:events';

/** The only member of `window.dispatch` that is not an operation. */
export const SUBSCRIBE = 'subscribe';
export interface EventSubscription {
  /** `listener` gets the event and nothing else; the returned function stops it. */
  subscribe(listener: (event: AppEvent) => void): () => void;
}
/** An operation named like the subscribe method would be shadowed: refuse it at compile time. */
const _noOperationNamedSubscribe: typeof SUBSCRIBE extends OperationName ? never : true = true;
void _noOperationNamedSubscribe;

/** What the renderer sees as `window.dispatch`: one method per operation, plus `subscribe`. */
export type DispatchApi = { [K in OperationName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> } & EventSubscription;

/** The global name under which the bridge is exposed. */
export const BRIDGE_GLOBAL = 'dispatch';
