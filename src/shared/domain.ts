/** Domain types shared by main and renderer. */
import type { ContactSearchKeys } from './contact-search';
import type { Language, LocalizedText, Message } from './result';

/** Digits only, no country code: what the Yunxin API wants (`13800138000`, `01065529988`). */
export type PhoneNumber = string;
/** The session id Yunxin returns for an accepted call or conference. */
export type SessionId = string;
export type SessionType = 'call' | 'conf';

export type Mode = 'sandbox' | 'production';

export interface Settings {
  /** The Yunxin accid that authorises calls (1–32 of letters, digits, `_ @ . -`). */
  callerAcc: string;
  /** The dispatcher's own phone: rung first for a callback, and the host of a conference. */
  callerNumber: PhoneNumber;
  /** Seconds; used when a call does not name its own. */
  defaultMaxDur: number;
  /** A conference's limit per person, seconds: maxDur = this × (callees + 1) (src/shared/conference-time.ts). */
  confPerPersonSec: number;
  /** The allowed maxDur range (seconds), adjustable within the absolute bounds in limits.ts. */
  maxDurMin: number;
  maxDurMax: number;
  mode: Mode;
  language: Language;
  /** Production API base URL (advanced); the sandbox always uses the in-process simulator. */
  baseUrl: string;
}

/** Where the encrypted AppSecret lives and whether it can be used. Never contains the secret. */
export interface AccountStatus {
  configured: boolean;
  /** e.g. `fd46…f027`; absent when not configured. */
  appKeyMasked?: string;
  /** safeStorage backend name (`gnome_libsecret`, `kwallet5`, `basic_text`, `dpapi`, `keychain`, …). */
  backend: string;
  /** false for `basic_text` and similar: the "encryption" uses a hard-coded key. */
  backendSecure: boolean;
  /** The user explicitly accepted storing with an insecure backend. */
  plaintextRiskAccepted: boolean;
  /** Ciphertext exists but could not be decrypted (new machine, keyring reset): re-enter the secret. */
  needsReentry: boolean;
  /** The mode calls are placed in right now. */
  mode: Mode;
}

export type SessionState = 'submitted' | 'ringing' | 'answered' | 'ended' | 'unknown';

export interface SessionStatus {
  session: SessionId;
  type: SessionType;
  state: SessionState;
  /** Server status word when given (`SUCCESS`, `RINGING`, …). */
  status?: string;
  durationSec?: number;
  /** e.g. `NORMAL_CLEARING`, `NO_USER_RESPONSE`. */
  hangCause?: string;
  /** Each phone of the session as the answer lists it (src/yunxin/session-status.ts: the mapping is [inf]). */
  legs?: LegStatus[];
  /** When the first phone answered (the bill's `starttime`), ms. */
  startedAt?: number;
  /** When the last listed leg ended (the latest `endTime`), ms. */
  endedAt?: number;
}

/** One phone in a call or conference, as a status answer or a bill describes it. */
export interface LegStatus {
  number: PhoneNumber;
  state: 'ringing' | 'talking' | 'ended';
  /** Whether this phone was answered; absent when the answer does not tell. */
  answered?: boolean;
  /** Talk time of this leg (so far, while talking). */
  durationSec?: number;
  hangCause?: string;
  endedAt?: number;
}

/** A leg as the call log keeps it: what the status answers said, plus when we first saw it answered. */
export interface CallLeg extends LegStatus {
  /** Estimated from the first answer that showed it talking (now − its talk time so far), ms. */
  answeredAt?: number;
}

export type AccountCheckVerdict = 'ok' | 'bad_app_key' | 'bad_app_secret' | 'unknown_caller_acc' | 'no_permission' | 'clock_skew' | 'unreachable';

/**
 * The desktop app's own settings (global hotkeys, tray, notifications, login item), edited on the
 * settings page and applied live by main. A hotkey is an accelerator text ('Ctrl+Alt+D') or ''
 * for none.
 */
export interface DesktopSettings {
  hotkeyDialClipboard: string;
  hotkeyToggleWindow: string;
  closeToTray: boolean;
  notifications: boolean;
  startAtLogin: boolean;
}
export type DesktopSettingKey = keyof DesktopSettings;

/** A hotkey as main last applied it: working, taken by another program, turned off, or only stored (preview). */
export type HotkeyStatus = 'registered' | 'taken' | 'invalid' | 'off' | 'stored';

export interface DesktopSettingsView {
  settings: DesktopSettings;
  /** The desktop app applies these settings live; the browser preview only stores them for it. */
  runtime: 'desktop' | 'preview';
  /** The settings this runtime applies (the others are stored and apply in the installed desktop app). */
  applied: DesktopSettingKey[];
  hotkeys: Record<'hotkeyDialClipboard' | 'hotkeyToggleWindow', { status: HotkeyStatus; accelerator: string }>;
  /** Why start at login could not be set, when it could not. */
  startAtLoginError?: Message;
}

/**
 * What "Test connection" tests, said with every answer: the sandbox simulator (its demo account:
 * no real AppKey is checked), the account saved in the vault, or the AppKey/AppSecret typed in the
 * form but not saved yet.
 */
export type AccountCheckTarget = 'sandbox' | 'saved' | 'unsaved';
export const ACCOUNT_CHECK_TARGETS: readonly AccountCheckTarget[] = ['sandbox', 'saved', 'unsaved'];

export interface ContactNumber {
  /** Free text, e.g. 手机 / 办公室 / mobile / office. */
  label: string;
  /** Normalised digits (see phone.ts): the main number, the only part ever dialled. */
  number: PhoneNumber;
  /**
   * The extension behind a switchboard (`396` of `010-62234302-396`), digits only; absent when
   * none. Shown beside the number ("转 396") for the dispatcher to ask for; never sent to the API.
   */
  extension?: string;
}

export interface Contact {
  id: string;
  name: string;
  numbers: ContactNumber[];
  /** Organisation or team. */
  org: string;
  notes: string;
  favorite: boolean;
  groupIds: string[];
  createdAt: number;
  updatedAt: number;
}

/** A contact as main stores it and sends it: with the search keys main computed when it was saved. */
export interface ContactRecord extends Contact {
  keys: ContactSearchKeys;
  /** Team mode: the hub's revision of this contact, sent back as `baseRevision` with an edit. */
  teamRevision?: number;
}

/** What the renderer sends to create or edit a contact; numbers as typed, main normalises. */
export interface ContactDraft {
  /** Absent for a new contact. */
  id?: string;
  name: string;
  numbers: ContactNumber[];
  org?: string;
  notes?: string;
  favorite?: boolean;
  groupIds?: string[];
  /** Team mode: the revision the edit was made on (the record's `teamRevision`); a newer one on the hub is a conflict. */
  baseRevision?: number;
}

/** A dispatch team. A contact can be in several. */
export interface ContactGroup {
  id: string;
  name: string;
  createdAt: number;
}

export interface RosterMember {
  /** The contact this number came from, when it came from one. */
  contactId?: string;
  name: string;
  /** The main number: what is dialled. */
  number: PhoneNumber;
  /** The extension to ask the switchboard for, digits only (as CallParty.extension); never dialled. */
  extension?: string;
}

/** A saved conference roster ("点名 → 会议"): start the same conference again with one action. */
export interface Roster {
  id: string;
  name: string;
  members: RosterMember[];
  createdAt: number;
  updatedAt: number;
}

export type DuplicatePolicy = 'skip' | 'merge' | 'replace';

export interface CallParty {
  /** The main number: what was dialled. */
  number: PhoneNumber;
  /** The contact's name when the number belongs to one. */
  name?: string;
  /**
   * The extension to ask the switchboard for (`396` of `010-62234302-396`), digits only: shown on
   * the strip, in the log and the CSV export while the phone rings. Never sent to the API.
   */
  extension?: string;
}

/** One call or conference attempt, successful or not. */
export interface CallLogEntry {
  id: string;
  kind: SessionType;
  createdAt: number;
  updatedAt: number;
  /** `team`: placed through the team hub (the entry comes from the hub's call list). */
  mode: Mode | 'team';
  /** Team mode: the dispatcher who placed it. */
  dispatcher?: string;
  caller: PhoneNumber;
  /** The callee of a call, the callees of a conference. */
  parties: CallParty[];
  maxDur: number;
  /** A conference's limit per person that maxDur was derived from, seconds. */
  perPersonSec?: number;
  /** Present when the server accepted the request. */
  session?: SessionId;
  /** Present when the attempt failed: the failure as the dispatcher saw it. */
  error?: {
    code: number | string;
    message: string;
    /** What the dispatcher was told, as a catalog message. */
    detail?: Message;
    /** The words themselves, as entries written before message codes stored them (read only). */
    text?: LocalizedText;
  };
  /** 'submitted' until the first status answer; 'ended' and 'failed' (not accepted, see `error`) are final. */
  state: SessionState | 'failed';
  status?: string;
  /** What the server reports: a call's talk time; for a conference the legs summed (see `wallSec`). */
  durationSec?: number;
  hangCause?: string;
  /** Per phone: who was rung, who answered, for how long, why each leg ended (when the server says). */
  legs?: CallLeg[];
  /** When the first phone answered, ms. */
  answeredAt?: number;
  /** When the session ended (its last leg), ms. */
  endedAt?: number;
  /** A conference's wall-clock length in seconds (first answer to last hang-up), not the legs summed. */
  wallSec?: number;
  /**
   * The call log's revision counter when this entry was last written; `callLogList` with
   * `sinceRevision` returns the entries whose revision is greater.
   */
  revision: number;
}

/** Something the dispatcher should know about storage (a damaged file moved aside, …). */
export interface AppNotice {
  /** `corrupt_file_moved` (the whole file set aside) or `damaged_file_copied` (unreadable records dropped). */
  kind: string;
  file: string;
  movedTo?: string;
  /** For `damaged_file_copied`: the untouched copy taken before dropping the unreadable records. */
  copiedTo?: string;
  /** For `damaged_file_copied`: how many records could not be read. */
  skippedLines?: number;
  at: number;
}
