/**
 * Settings live in main (the renderer only ever sees a copy) and every change is validated here
 * with the same rules the renderer uses for instant feedback.
 */
import type { Settings } from '../../shared/domain';
import { DEFAULT_BASE_URL, MAX_DUR_DEFAULT, MAX_DUR_DEFAULT_MAX, MAX_DUR_DEFAULT_MIN } from '../../shared/limits';
import { normalizePhone, phoneErrorText } from '../../shared/phone';
import { failWith, success, type Failure, type Result } from '../../shared/result';
import { validateCallerAcc, validateMaxDur, validateMaxDurRange } from '../../shared/validation';
import type { KeyValueStore } from '../stores/kv-store';
import { SANDBOX_CALLER_ACC } from '../../simulator';
import type { ApiHostPolicy } from '../../yunxin/api-host';
import type { Logger } from '../log';
import { tryWrite } from '../stores/write-failure';
import { CONF_PER_PERSON_DEFAULT_SEC, validatePerPersonLimit } from '../../shared/conference-time';
import { hostChangeNeedsSecret, validateBaseUrl } from './base-url';

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  callerAcc: SANDBOX_CALLER_ACC,
  callerNumber: '',
  defaultMaxDur: MAX_DUR_DEFAULT,
  confPerPersonSec: CONF_PER_PERSON_DEFAULT_SEC,
  maxDurMin: MAX_DUR_DEFAULT_MIN,
  maxDurMax: MAX_DUR_DEFAULT_MAX,
  mode: 'sandbox',
  language: 'zh-CN',
  baseUrl: DEFAULT_BASE_URL,
});

const KEY = 'settings';

export interface SettingsService {
  get(): Settings;
  /**
   * Validates, stores, and only then uses the change: a change that did not reach the disk is
   * not used either (it would be lost at the next start, after calls were placed with it).
   * `hostChange` is for accountSave only, which carries the AppSecret with the new host.
   */
  set(patch: Partial<Settings>, options?: { hostChange?: boolean }): Result<{ settings: Settings }>;
  /** Whether signed requests may be sent to `baseUrl` (null) or why not. */
  checkBaseUrl(baseUrl: string): Failure | null;
}

export function createSettingsService(store: KeyValueStore, deps: { apiHosts?: ApiHostPolicy; log?: Logger } = {}): SettingsService {
  const policy = deps.apiHosts ?? {};
  const check = (s: Settings) => checkSettings(s, policy);
  // Conf re-reads its file on every get; settings are read on every call, so keep a copy.
  let current: Settings = { ...DEFAULT_SETTINGS, ...sanitizeStored(store.get<Partial<Settings>>(KEY), check) };

  return {
    get: () => ({ ...current }),
    checkBaseUrl: (baseUrl) => validateBaseUrl(baseUrl, policy),
    set(patch, options = {}) {
      if (patch.baseUrl !== undefined && patch.baseUrl !== current.baseUrl && !options.hostChange) return hostChangeNeedsSecret();
      const next: Settings = { ...current, ...patch };
      if (patch.callerNumber !== undefined) {
        const typed = patch.callerNumber.trim();
        if (typed === '') {
          next.callerNumber = '';
        } else {
          const parsed = normalizePhone(typed);
          if (!parsed.ok) {
            return failWith('invalid_input', phoneErrorText(parsed), { field: 'callerNumber' });
          }
          next.callerNumber = parsed.number;
        }
      }
      const problem = check(next);
      if (problem) return problem;
      const unsaved = tryWrite(deps.log ?? silentLog, 'settings', () => store.set(KEY, next));
      if (unsaved) return unsaved;
      current = next;
      return success({ settings: { ...current } });
    },
  };
}

const silentLog: Logger = { info() {}, warn() {}, error() {}, redact() {} };

function checkSettings(s: Settings, policy: ApiHostPolicy): Failure | null {
  return (
    validateCallerAcc(s.callerAcc) ??
    validateMaxDurRange(s.maxDurMin, s.maxDurMax) ??
    withField(validateMaxDur(s.defaultMaxDur, { min: s.maxDurMin, max: s.maxDurMax }), 'defaultMaxDur') ??
    validatePerPersonLimit(s.confPerPersonSec, { min: s.maxDurMin, max: s.maxDurMax }) ??
    validateBaseUrl(s.baseUrl, policy)
  );
}

function withField(f: Failure | null, field: string): Failure | null {
  return f ? { ...f, field } : null;
}

/** A stored value that no longer passes validation (hand-edited file, older version) falls back to the default. */
function sanitizeStored(stored: Partial<Settings> | undefined, checkSettings: (s: Settings) => Failure | null): Partial<Settings> {
  if (!stored || typeof stored !== 'object') return {};
  const merged: Settings = { ...DEFAULT_SETTINGS, ...stored };
  const keep: Partial<Settings> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const candidate = { ...DEFAULT_SETTINGS, [key]: merged[key] } as Settings;
    if (typeof candidate[key] !== typeof DEFAULT_SETTINGS[key]) continue;
    if (key === 'mode' && candidate.mode !== 'sandbox' && candidate.mode !== 'production') continue;
    if (key === 'language' && candidate.language !== 'zh-CN' && candidate.language !== 'en') continue;
    if (key === 'callerNumber' && candidate.callerNumber !== '' && !normalizePhone(candidate.callerNumber).ok) continue;
    if (key !== 'callerNumber' && key !== 'mode' && key !== 'language' && checkSettings(candidate)) continue;
    (keep as Record<string, unknown>)[key] = merged[key];
  }
  return keep;
}
