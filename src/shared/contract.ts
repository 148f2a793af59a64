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
  PhoneNumber,
  SessionId,
  SessionStatus,
  SessionType,
  Settings,
} from './domain';
import type { Result } from './result';

export interface StartCallRequest {
  /** As typed by the dispatcher; main normalises and validates it. */
  callee: string;
  /** Seconds; the default from settings when absent. */
  maxDur?: number;
}
export type StartCallResponse = Result<{ session: SessionId; caller: PhoneNumber; callee: PhoneNumber; maxDur: number }>;

export interface StartConfRequest {
  callees: string[];
  maxDur?: number;
}
export type StartConfResponse = Result<{ session: SessionId; caller: PhoneNumber; callees: PhoneNumber[]; maxDur: number }>;

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
