/** Domain types shared by main and renderer. */
import type { Language } from './result';

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
}

export type AccountCheckVerdict =
  | 'ok'
  | 'bad_app_key'
  | 'bad_app_secret'
  | 'unknown_caller_acc'
  | 'no_permission'
  | 'clock_skew'
  | 'unreachable';

export interface ContactNumber {
  /** Free text, e.g. 手机 / 办公室 / mobile / office. */
  label: string;
  /** Normalised digits (see phone.ts). */
  number: PhoneNumber;
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
