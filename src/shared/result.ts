/**
 * Every operation — the Yunxin client, the IPC handlers, the preview bridge — resolves to one of
 * these envelopes instead of throwing: only an Error's message survives Electron IPC, and a
 * dispatcher needs the whole story (what failed and what to do about it).
 */

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

/** A user-facing sentence in every UI language. */
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
  | 'internal';

export type FailureCode = number | LocalFailureCode;

export interface Failure {
  ok: false;
  /** Yunxin code (number) for a server answer, else a string naming the local failure. */
  code: FailureCode;
  /** English, human-readable; safe for logs (never contains the AppSecret). */
  message: string;
  /** What happened and what to do, in every UI language. */
  text?: LocalizedText;
  /** Which input field was wrong, for invalid_input. */
  field?: string;
  /** Local clock minus server clock in seconds, when the server's Date header showed a skew > 60 s. */
  clockSkewSeconds?: number;
  /** HTTP status of the answer, when there was one. */
  httpStatus?: number;
}

export type Success<T extends object = object> = { ok: true } & T;
export type Result<T extends object = object> = Success<T> | Failure;

export function failure(
  code: FailureCode,
  message: string,
  extra: Omit<Failure, 'ok' | 'code' | 'message'> = {},
): Failure {
  return { ok: false, code, message, ...extra };
}

export function success<T extends object>(value: T): Success<T> {
  return { ok: true, ...value };
}

/** The text to show a user: the localized advice when there is one, else the English message. */
export function failureText(f: Failure, lang: Language): string {
  return f.text?.[lang] ?? f.message;
}
