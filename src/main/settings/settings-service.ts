/**
 * Settings live in main (the renderer only ever sees a copy) and every change is validated here
 * with the same rules the renderer uses for instant feedback.
 */
import type { Settings } from '../../shared/domain';
import {
  DEFAULT_BASE_URL,
  MAX_DUR_DEFAULT,
  MAX_DUR_DEFAULT_MAX,
  MAX_DUR_DEFAULT_MIN,
} from '../../shared/limits';
import { normalizePhone, phoneErrorText } from '../../shared/phone';
import { failWith, success, type Failure, type Result } from '../../shared/result';
import { validateCallerAcc, validateMaxDur, validateMaxDurRange } from '../../shared/validation';
import type { KeyValueStore } from '../stores/kv-store';
import { SANDBOX_CALLER_ACC } from '../../simulator';
import { validateBaseUrl } from './base-url';


export const DEFAULT_SETTINGS: Settings = Object.freeze({
  callerAcc: SANDBOX_CALLER_ACC,
  callerNumber: '',
  defaultMaxDur: MAX_DUR_DEFAULT,
  maxDurMin: MAX_DUR_DEFAULT_MIN,
  maxDurMax: MAX_DUR_DEFAULT_MAX,
  mode: 'sandbox',
  language: 'zh-CN',
  baseUrl: DEFAULT_BASE_URL,
});

const KEY = 'settings';

export interface SettingsService {
  get(): Settings;
  set(patch: Partial<Settings>): Result<{ settings: Settings }>;
}

export function createSettingsService(store: KeyValueStore): SettingsService {
  // Conf re-reads its file on every get; settings are read on every call, so keep a copy.
  let current: Settings = { ...DEFAULT_SETTINGS, ...sanitizeStored(store.get<Partial<Settings>>(KEY)) };

  return {
    get: () => ({ ...current }),
    set(patch) {
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
      const problem = checkSettings(next);
      if (problem) return problem;
      current = next;
      store.set(KEY, current);
      return success({ settings: { ...current } });
    },
  };
}

function checkSettings(s: Settings): Failure | null {
  return (
    validateCallerAcc(s.callerAcc) ??
    validateMaxDurRange(s.maxDurMin, s.maxDurMax) ??
    withField(validateMaxDur(s.defaultMaxDur, { min: s.maxDurMin, max: s.maxDurMax }), 'defaultMaxDur') ??
    validateBaseUrl(s.baseUrl)
  );
}

function withField(f: Failure | null, field: string): Failure | null {
  return f ? { ...f, field } : null;
}

/** A stored value that no longer passes validation (hand-edited file, older version) falls back to the default. */
function sanitizeStored(stored: Partial<Settings> | undefined): Partial<Settings> {
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
