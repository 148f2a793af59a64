/**
 * The desktop settings (global hotkeys, close to tray, notifications, start at login): validated,
 * applied live by the desktop shell, and only then stored. A hotkey another program already holds
 * is refused with a sentence and the previous binding stays active, so a save never leaves the
 * dispatcher with neither hotkey. The browser preview has no shell: it stores the settings (the
 * desktop app opening the same data folder applies them) and says that none apply there.
 */
import type { DesktopSettingKey, DesktopSettings, DesktopSettingsView, HotkeyStatus } from '../../shared/domain';
import { parseAccelerator, type AcceleratorParse, type HotkeyAction } from '../../shared/hotkeys';
import { msg, type Message } from '../../shared/i18n';
import { failWith, success, type Failure, type Result } from '../../shared/result';
import type { Logger } from '../log';
import type { KeyValueStore } from '../stores/kv-store';
import { tryWrite } from '../stores/write-failure';
import { DESKTOP_STORE_KEYS, readDesktopSettings } from './desktop-prefs';

type HotkeyKey = 'hotkeyDialClipboard' | 'hotkeyToggleWindow';
export const HOTKEY_SETTING: Record<HotkeyAction, HotkeyKey> = { dialClipboard: 'hotkeyDialClipboard', toggleWindow: 'hotkeyToggleWindow' };

/** What applying the settings did, as the shell reports it. */
export interface DesktopApplyReport {
  hotkeys: Record<HotkeyKey, { status: HotkeyStatus; accelerator: string }>;
  startAtLoginError?: string;
}

/** The desktop shell's side: applies settings to the system (hotkeys, login item). */
export interface DesktopIntegration {
  /** The settings this runtime applies (start at login only in the installed app). */
  readonly applies: readonly DesktopSettingKey[];
  apply(next: DesktopSettings, previous: DesktopSettings | null): DesktopApplyReport;
}

export interface DesktopSettingsService {
  /** The settings as stored and applied. */
  current(): DesktopSettings;
  view(): DesktopSettingsView;
  set(patch: Partial<DesktopSettings>): Result<{ desktop: DesktopSettingsView }>;
  /** The desktop shell takes over: the stored settings are applied now, and every change from here on. */
  attach(integration: DesktopIntegration): DesktopApplyReport;
}

type ReasonKey = `desktopRule.hotkeyReason.${Extract<AcceleratorParse, { ok: false }>['reason']}`;

function invalidHotkey(field: HotkeyKey, text: string, parsed: Extract<AcceleratorParse, { ok: false }>): Failure {
  const reason: Message = { key: `desktopRule.hotkeyReason.${parsed.reason}` satisfies ReasonKey };
  return failWith('invalid_input', msg('desktopRule.hotkeyInvalid', { text: text.slice(0, 64), reason }), { field });
}

/** Normalises both accelerators ('' stays off) and refuses invalid or identical ones. */
export function checkDesktopSettings(next: DesktopSettings): DesktopSettings | Failure {
  const normalised = { ...next };
  for (const field of ['hotkeyDialClipboard', 'hotkeyToggleWindow'] as const) {
    const text = next[field].trim();
    if (text === '') {
      normalised[field] = '';
      continue;
    }
    const parsed = parseAccelerator(text);
    if (!parsed.ok) return invalidHotkey(field, text, parsed);
    normalised[field] = parsed.accelerator;
  }
  if (normalised.hotkeyDialClipboard !== '' && normalised.hotkeyDialClipboard === normalised.hotkeyToggleWindow) {
    return failWith('invalid_input', msg('desktopRule.hotkeySame', { accelerator: normalised.hotkeyToggleWindow }), { field: 'hotkeyToggleWindow' });
  }
  return normalised;
}

/** The preview's report: nothing is applied; each hotkey is stored (or off). */
function storedOnly(settings: DesktopSettings): DesktopApplyReport {
  const state = (accelerator: string) => ({ status: (accelerator === '' ? 'off' : 'stored') as HotkeyStatus, accelerator });
  return { hotkeys: { hotkeyDialClipboard: state(settings.hotkeyDialClipboard), hotkeyToggleWindow: state(settings.hotkeyToggleWindow) } };
}

export function createDesktopSettingsService(store: KeyValueStore, deps: { platform: NodeJS.Platform; log: Logger }): DesktopSettingsService {
  const stored = readDesktopSettings(store, deps.platform);
  // A hand-edited file with a bad accelerator still opens: that hotkey shows as invalid, the rest applies.
  let current: DesktopSettings = stored;
  let integration: DesktopIntegration | null = null;
  let report: DesktopApplyReport = storedOnly(current);

  const view = (): DesktopSettingsView => ({
    settings: { ...current },
    runtime: integration ? 'desktop' : 'preview',
    applied: integration ? [...integration.applies] : [],
    hotkeys: { ...report.hotkeys },
    ...(report.startAtLoginError ? { startAtLoginError: msg('desktopSettings.startAtLoginFailed', { error: report.startAtLoginError }) } : {}),
  });

  const persist = (next: DesktopSettings): Failure | null =>
    tryWrite(deps.log, 'desktop', () => {
      for (const key of Object.keys(DESKTOP_STORE_KEYS) as DesktopSettingKey[]) {
        if (next[key] !== current[key] || store.get(DESKTOP_STORE_KEYS[key]) === undefined) store.set(DESKTOP_STORE_KEYS[key], next[key]);
      }
    });

  return {
    current: () => ({ ...current }),
    view,
    set(patch) {
      const checked = checkDesktopSettings({ ...current, ...patch });
      if ('ok' in checked) return checked;
      const next = checked;
      if (!integration) {
        const unsaved = persist(next);
        if (unsaved) return unsaved;
        current = next;
        report = storedOnly(current);
        return success({ desktop: view() });
      }
      const applied = integration.apply(next, current);
      // A changed hotkey another program holds: refused, and the previous bindings are restored.
      for (const field of ['hotkeyDialClipboard', 'hotkeyToggleWindow'] as const) {
        if (next[field] !== current[field] && applied.hotkeys[field].status === 'taken') {
          report = integration.apply(current, next);
          deps.log.warn('hotkey.taken', { field, accelerator: next[field] });
          return failWith('invalid_input', msg('desktopRule.hotkeyTaken', { accelerator: next[field] }), { field });
        }
      }
      const unsaved = persist(next);
      if (unsaved) {
        report = integration.apply(current, next);
        return unsaved;
      }
      current = next;
      report = applied;
      return success({ desktop: view() });
    },
    attach(shell) {
      integration = shell;
      report = shell.apply(current, null);
      return report;
    },
  };
}
