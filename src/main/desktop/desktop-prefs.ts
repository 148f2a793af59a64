/**
 * The desktop shell's own preferences (hotkeys, close to tray, notifications, start at login,
 * window state), kept in `desktop.json` next to settings.json. Read defensively: a hand-edited or
 * damaged value falls back to its default instead of breaking start-up.
 */
import type { KeyValueStore } from '../stores/kv-store';
import { DEFAULT_HOTKEYS, type HotkeyBindings } from './hotkeys';
import { defaultCloseToTray } from './window-lifecycle';
import { parseWindowState, type WindowState } from './window-state';

export interface DesktopPrefs {
  hotkeys: HotkeyBindings;
  closeToTray: boolean;
  notifications: boolean;
  startAtLogin: boolean;
  windowState: WindowState | null;
}

export function readDesktopPrefs(store: KeyValueStore, platform: NodeJS.Platform): DesktopPrefs {
  const bool = (key: string, fallback: boolean) => {
    const value = store.get<unknown>(key);
    return typeof value === 'boolean' ? value : fallback;
  };
  const text = (key: string, fallback: string) => {
    const value = store.get<unknown>(key);
    return typeof value === 'string' && value.length <= 64 ? value : fallback;
  };
  return {
    hotkeys: {
      dialClipboard: text('hotkeys.dialClipboard', DEFAULT_HOTKEYS.dialClipboard),
      toggleWindow: text('hotkeys.toggleWindow', DEFAULT_HOTKEYS.toggleWindow),
    },
    closeToTray: bool('closeToTray', defaultCloseToTray(platform)),
    notifications: bool('notifications', true),
    startAtLogin: bool('startAtLogin', false),
    windowState: parseWindowState(store.get<unknown>('windowState')),
  };
}

/** Linux autostart: an XDG .desktop file in ~/.config/autostart (Electron's login item API is Windows/macOS only). */
export function autostartDesktopEntry(execPath: string): string {
  const quoted = /[\s"'\\$`]/.test(execPath) ? `"${execPath.replace(/(["\\$`])/g, '\\$1')}"` : execPath;
  return ['[Desktop Entry]', 'Type=Application', 'Name=专线调度台 Dispatch Desk', `Exec=${quoted}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}
