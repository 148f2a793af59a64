/**
 * The desktop shell's own preferences (hotkeys, close to tray, notifications, start at login,
 * window state), kept in `desktop.json` next to settings.json. Read defensively: a hand-edited or
 * damaged value falls back to its default instead of breaking start-up.
 */
import type { DesktopSettings } from '../../shared/domain';
import { DEFAULT_HOTKEYS } from '../../shared/hotkeys';
import type { KeyValueStore } from '../stores/kv-store';
import { defaultCloseToTray } from './window-lifecycle';
import { parseWindowState, type WindowState } from './window-state';

/** Where each setting lives in desktop.json (the keys predate the settings page; kept for existing files). */
export const DESKTOP_STORE_KEYS: Record<keyof DesktopSettings, string> = {
  hotkeyDialClipboard: 'hotkeys.dialClipboard',
  hotkeyToggleWindow: 'hotkeys.toggleWindow',
  closeToTray: 'closeToTray',
  notifications: 'notifications',
  startAtLogin: 'startAtLogin',
};

export function defaultDesktopSettings(platform: NodeJS.Platform): DesktopSettings {
  return {
    hotkeyDialClipboard: DEFAULT_HOTKEYS.dialClipboard,
    hotkeyToggleWindow: DEFAULT_HOTKEYS.toggleWindow,
    closeToTray: defaultCloseToTray(platform),
    notifications: true,
    startAtLogin: false,
  };
}

export function readDesktopSettings(store: KeyValueStore, platform: NodeJS.Platform): DesktopSettings {
  const defaults = defaultDesktopSettings(platform);
  const read = <K extends keyof DesktopSettings>(key: K): DesktopSettings[K] => {
    const value = store.get<unknown>(DESKTOP_STORE_KEYS[key]);
    const fallback = defaults[key];
    if (typeof value !== typeof fallback) return fallback;
    if (typeof value === 'string' && value.length > 64) return fallback;
    return value as DesktopSettings[K];
  };
  return {
    hotkeyDialClipboard: read('hotkeyDialClipboard'),
    hotkeyToggleWindow: read('hotkeyToggleWindow'),
    closeToTray: read('closeToTray'),
    notifications: read('notifications'),
    startAtLogin: read('startAtLogin'),
  };
}

export function readWindowState(store: KeyValueStore): WindowState | null {
  return parseWindowState(store.get<unknown>('windowState'));
}

/** Linux autostart: an XDG .desktop file in ~/.config/autostart (Electron's login item API is Windows/macOS only). */
export function autostartDesktopEntry(execPath: string): string {
  const quoted = /[\s"'\\$`]/.test(execPath) ? `"${execPath.replace(/(["\\$`])/g, '\\$1')}"` : execPath;
  return ['[Desktop Entry]', 'Type=Application', 'Name=专线调度台 Dispatch Desk', `Exec=${quoted}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}
