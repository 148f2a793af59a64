/**
 * The one declaration of what the renderer may ask main to do. Main's handlers, the preload
 * bridge, the preview bridge and the renderer's `window.dispatch` typing are all derived from it:
 * adding an operation is one entry here, one schema in contract-schemas.ts and one handler.
 *
 * This file must stay free of runtime dependencies: the sandboxed preload imports it.
 */
import type {
  AccountCheckVerdict,
  AccountStatus,
  AppNotice,
  CallLogEntry,
  Contact,
  ContactDraft,
  ContactGroup,
  ContactRecord,
  DuplicatePolicy,
  Roster,
  RosterMember,
  PhoneNumber,
  SessionId,
  SessionStatus,
  SessionType,
  Settings,
} from './domain';
import type { Language, Message, Result } from './result';

export interface StartCallRequest {
  /** As typed by the dispatcher; main normalises and validates it. */
  callee: string;
  /** Seconds; the default from settings when absent. */
  maxDur?: number;
}
/** `logId`: the call log entry that records this attempt (also written when the attempt fails). */
export type StartCallResponse = Result<{ session: SessionId; caller: PhoneNumber; callee: PhoneNumber; maxDur: number; logId: string }>;

export interface StartConfRequest {
  callees: string[];
  maxDur?: number;
}
export type StartConfResponse = Result<{ session: SessionId; caller: PhoneNumber; callees: PhoneNumber[]; maxDur: number; logId: string }>;

export interface QuerySessionRequest {
  session: SessionId;
  type: SessionType;
}
export type QuerySessionResponse = Result<{ status: SessionStatus }>;

export type EmptyRequest = Record<string, never>;

export interface AccountSaveRequest {
  appKey: string;
  /** Write-only: it goes into the vault and never comes back. */
  appSecret: string;
  /** Required true to store with an insecure backend (Linux basic_text). */
  acceptPlaintextRisk?: boolean;
}
export type AccountStatusResponse = Result<{ account: AccountStatus }>;

export type AccountCheckResponse = Result<{ verdict: AccountCheckVerdict; detail: string; clockSkewSeconds?: number }>;

export type SettingsPatch = Partial<Settings>;
export type SettingsResponse = Result<{ settings: Settings }>;

/**
 * The list is paged so that the window can show the first screen long before 50 000 contacts have
 * crossed: contacts come in display order (shared/contact-order.ts), `limit` of them from
 * position `offset` (defaults: from the start, all of them).
 */
export interface ContactsListRequest {
  offset?: number;
  limit?: number;
}
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
export type ContactSaveResponse = Result<{ contact: ContactRecord }>;
export type ContactsDeleteResponse = Result<{ deleted: Contact[] }>;
export type ContactsRestoreResponse = Result<{ contacts: ContactRecord[] }>;
export type GroupSaveResponse = Result<{ group: ContactGroup }>;
export type RosterSaveResponse = Result<{ roster: Roster }>;
export type DeletedResponse = Result<{ deleted: boolean }>;

export interface ImportPreviewRequest {
  fileName: string;
  /** The file's raw bytes, base64: main detects UTF-8 (with or without BOM) or GBK. */
  dataBase64: string;
  duplicate: DuplicatePolicy;
}
export interface ImportPreviewRow {
  /** 1-based line in the file. */
  line: number;
  status: 'new' | 'duplicate' | 'error';
  name: string;
  numbers: string[];
  errors: Message[];
}
export interface ImportPreview {
  importId: string;
  encoding: string;
  rows: ImportPreviewRow[];
  summary: { total: number; new: number; duplicate: number; error: number };
}
export type ImportPreviewResponse = Result<{ preview: ImportPreview }>;
export interface ImportApplyRequest {
  importId: string;
  duplicate: DuplicatePolicy;
}
export type ImportApplyResponse = Result<{ added: number; merged: number; replaced: number; skipped: number; failed: number }>;
/** The language of the file's headers and words: the UI language (default zh-CN). */
export interface CsvExportRequest {
  lang?: Language;
}
export type CsvExportResponse = Result<{ fileName: string; csv: string }>;

export interface CallLogListRequest {
  /** Only entries changed after this revision; absent for everything. */
  sinceRevision?: number;
}
export type CallLogListResponse = Result<{ entries: CallLogEntry[]; revision: number }>;

export type NoticesResponse = Result<{ notices: AppNotice[] }>;

export interface Operations {
  startCall: { request: StartCallRequest; response: StartCallResponse };
  startConf: { request: StartConfRequest; response: StartConfResponse };
  querySession: { request: QuerySessionRequest; response: QuerySessionResponse };
  accountStatus: { request: EmptyRequest; response: AccountStatusResponse };
  accountSave: { request: AccountSaveRequest; response: AccountStatusResponse };
  accountClear: { request: EmptyRequest; response: AccountStatusResponse };
  accountCheck: { request: EmptyRequest; response: AccountCheckResponse };
  settingsGet: { request: EmptyRequest; response: SettingsResponse };
  settingsSet: { request: SettingsPatch; response: SettingsResponse };
  contactsList: { request: ContactsListRequest; response: ContactsListResponse };
  contactSave: { request: { contact: ContactDraft }; response: ContactSaveResponse };
  contactsDelete: { request: { ids: string[] }; response: ContactsDeleteResponse };
  /** Undo of a delete: puts back exactly what contactsDelete returned. */
  contactsRestore: { request: { contacts: Contact[] }; response: ContactsRestoreResponse };
  groupSave: { request: { group: { id?: string; name: string } }; response: GroupSaveResponse };
  groupDelete: { request: { id: string }; response: DeletedResponse };
  rosterSave: { request: { roster: { id?: string; name: string; members: RosterMember[] } }; response: RosterSaveResponse };
  rosterDelete: { request: { id: string }; response: DeletedResponse };
  contactsImportPreview: { request: ImportPreviewRequest; response: ImportPreviewResponse };
  contactsImportApply: { request: ImportApplyRequest; response: ImportApplyResponse };
  contactsExport: { request: CsvExportRequest; response: CsvExportResponse };
  callLogList: { request: CallLogListRequest; response: CallLogListResponse };
  callLogExport: { request: CsvExportRequest; response: CsvExportResponse };
  noticesList: { request: EmptyRequest; response: NoticesResponse };
}

export type OperationName = keyof Operations;
export type RequestOf<K extends OperationName> = Operations[K]['request'];
export type ResponseOf<K extends OperationName> = Operations[K]['response'];

/** A record so the compiler refuses a missing or extra name. */
const operationNameSet: Record<OperationName, true> = {
  startCall: true,
  startConf: true,
  querySession: true,
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
  contactsImportPreview: true,
  contactsImportApply: true,
  contactsExport: true,
  callLogList: true,
  callLogExport: true,
  noticesList: true,
};
export const OPERATION_NAMES = Object.freeze(Object.keys(operationNameSet) as OperationName[]);

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operationNameSet, name);
}

/** The IPC channel of an operation. One channel per operation: there is no generic invoke. */
export function channelFor(name: OperationName): string {
  return `dispatch:${name}`;
}

/** What the renderer sees as `window.dispatch`. */
export type DispatchApi = { [K in OperationName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

/** The global name under which the bridge is exposed. */
export const BRIDGE_GLOBAL = 'dispatch';
