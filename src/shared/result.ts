/**
 * Every operation — the Yunxin client, the IPC handlers, the preview bridge — resolves to one of
 * these envelopes instead of throwing: only an Error's message survives Electron IPC, and a
 * dispatcher needs the whole story (what failed and what to do about it).
 */
import { formatMessage, isMessage, type Language, type Message } from './i18n';

export { LANGUAGES, type Language, type Message } from './i18n';

/**
 * A sentence in every UI language, as call log entries written before message codes stored it.
 * Only read back for display; nothing new is written in this shape.
 */
export type LocalizedText = Record<Language, string>;

/** Local failures (nothing or nothing useful came back from a server). Server answers use the Yunxin code number. */
export type LocalFailureCode =
  | 'invalid_input'
  | 'timeout'
  | 'network'
  | 'bad_response'
  | 'not_configured'
  | 'forbidden_sender'
  | 'storage'
  | 'busy'
  | 'internal'
  // Team mode: what a hub answered (sign-in refused or expired, a role, an edit made on an old revision).
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'not_found';

export type FailureCode = number | LocalFailureCode;

export interface Failure {
  ok: false;
  /** Yunxin code (number) for a server answer, else a string naming the local failure. */
  code: FailureCode;
  /** English, human-readable; safe for logs (never contains the AppSecret). */
  message: string;
  /** What happened and what to do: a catalog key and its parameters, worded by whoever shows it. */
  detail?: Message;
  /** Which input field was wrong, for invalid_input. */
  field?: string;
  /** Local clock minus server clock in seconds, when the server's Date header showed a skew > 60 s. */
  clockSkewSeconds?: number;
  /** HTTP status of the answer, when there was one. */
  httpStatus?: number;
  /**
   * Team mode, code `conflict`: someone changed the item first. Their version (as the desk would
   * store it), who saved it and its revision, so the window can show both and let the user choose.
   */
  conflict?: { theirs: Record<string, unknown>; by: string; revision: number };
}

export type Success<T extends object = object> = { ok: true } & T;
export type Result<T extends object = object> = Success<T> | Failure;

export function failure(code: FailureCode, message: string, extra: Omit<Failure, 'ok' | 'code' | 'message'> = {}): Failure {
  return { ok: false, code, message, ...extra };
}

/** A failure whose English log message is its own catalog sentence. */
export function failWith(code: FailureCode, detail: Message, extra: Omit<Failure, 'ok' | 'code' | 'message' | 'detail'> = {}): Failure {
  return { ok: false, code, message: formatMessage('en', detail), detail, ...extra };
}

export function success<T extends object>(value: T): Success<T> {
  return { ok: true, ...value };
}

/** What a failure (or a call log entry's error) says, as stored: a message, maybe an old-style text. */
export interface FailureWords {
  message: string;
  detail?: Message;
  text?: LocalizedText;
}

/**
 * The text to show a user: the catalog sentence when there is one this version knows, else the
 * words an older version stored, else the English message.
 */
export function failureText(f: FailureWords, lang: Language): string {
  if (f.detail !== undefined && isMessage(f.detail)) return formatMessage(lang, f.detail);
  const legacy = f.text?.[lang];
  return typeof legacy === 'string' ? legacy : f.message;
}
