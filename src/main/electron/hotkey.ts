/** Electron adapter: global hotkeys and the clipboard (rules in ../desktop/hotkeys.ts). */
import { clipboard, globalShortcut } from 'electron';
import { readDialText, registerHotkeys, type HotkeyAction, type HotkeyBindings, type HotkeyReport } from '../desktop/hotkeys';
import type { Logger } from '../log';

export function registerGlobalHotkeys(bindings: HotkeyBindings, handlers: Record<HotkeyAction, () => void>, log: Pick<Logger, 'warn'>): HotkeyReport {
  globalShortcut.unregisterAll();
  const report = registerHotkeys(globalShortcut, bindings, handlers);
  for (const conflict of report.conflicts) log.warn('hotkey.conflict', { action: conflict.action, accelerator: conflict.accelerator });
  for (const invalid of report.invalid) log.warn('hotkey.invalid', { action: invalid.action, reason: invalid.reason });
  return report;
}

export function unregisterGlobalHotkeys(): void {
  globalShortcut.unregisterAll();
}

export function readClipboardForDial(): Promise<string> {
  return readDialText(clipboard, process.platform);
}
