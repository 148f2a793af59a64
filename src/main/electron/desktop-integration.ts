/**
 * Electron adapter: applies the desktop settings to the system — the global hotkeys
 * (globalShortcut, re-registered when a binding changes) and start at login (the login item on
 * Windows/macOS, an XDG autostart file on Linux; only for the installed app, where the executable
 * is the one to start). Close to tray and notifications need no system call: the shell reads them
 * when a window closes or a call ends.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { app } from 'electron';
import type { DesktopSettingKey, DesktopSettings } from '../../shared/domain';
import type { HotkeyAction } from '../../shared/hotkeys';
import { autostartDesktopEntry } from '../desktop/desktop-prefs';
import type { DesktopApplyReport, DesktopIntegration } from '../desktop/desktop-settings-service';
import { hotkeyStates } from '../desktop/hotkeys';
import type { Logger } from '../log';
import { registerGlobalHotkeys } from './hotkey';

const ALWAYS: readonly DesktopSettingKey[] = ['hotkeyDialClipboard', 'hotkeyToggleWindow', 'closeToTray', 'notifications'];

export function createElectronDesktopIntegration(deps: { handlers: Record<HotkeyAction, () => void>; log: Logger }): DesktopIntegration {
  let hotkeys: DesktopApplyReport['hotkeys'] | null = null;
  return {
    applies: app.isPackaged ? [...ALWAYS, 'startAtLogin'] : ALWAYS,
    apply(next, previous) {
      if (!hotkeys || !previous || previous.hotkeyDialClipboard !== next.hotkeyDialClipboard || previous.hotkeyToggleWindow !== next.hotkeyToggleWindow) {
        const bindings = { dialClipboard: next.hotkeyDialClipboard, toggleWindow: next.hotkeyToggleWindow };
        const states = hotkeyStates(registerGlobalHotkeys(bindings, deps.handlers, deps.log), bindings);
        hotkeys = { hotkeyDialClipboard: states.dialClipboard, hotkeyToggleWindow: states.toggleWindow };
      }
      const startAtLoginError = !previous || previous.startAtLogin !== next.startAtLogin ? applyStartAtLogin(next, deps.log) : undefined;
      return { hotkeys, ...(startAtLoginError ? { startAtLoginError } : {}) };
    },
  };
}

/** Undefined when done (or not applicable: a run from source); else why not. */
function applyStartAtLogin(settings: DesktopSettings, log: Logger): string | undefined {
  if (!app.isPackaged) return undefined;
  try {
    if (process.platform === 'linux') {
      const file = join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart', 'dispatch-desk.desktop');
      if (settings.startAtLogin) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, autostartDesktopEntry(process.env.APPIMAGE || process.execPath));
      } else if (existsSync(file)) rmSync(file);
    } else {
      app.setLoginItemSettings({ openAtLogin: settings.startAtLogin });
    }
    return undefined;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    log.warn('login_item.failed', { error: text });
    return text;
  }
}
