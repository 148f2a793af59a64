/**
 * The global hotkeys: one takes the number from the clipboard (the selection on Linux) and opens
 * the dial confirmation, another shows or hides the window. Accelerators are validated here, so a
 * typo in the settings is a clear error instead of an exception from Electron.
 */
export { DEFAULT_HOTKEYS, parseAccelerator, type AcceleratorParse, type HotkeyAction, type HotkeyBindings } from '../../shared/hotkeys';
import type { HotkeyStatus } from '../../shared/domain';
import { DEFAULT_HOTKEYS, parseAccelerator, type HotkeyAction, type HotkeyBindings } from '../../shared/hotkeys';

export interface HotkeyRegistrar {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface HotkeyReport {
  registered: Array<{ action: HotkeyAction; accelerator: string }>;
  /** Taken by another application (or the system): `globalShortcut.register` returned false. */
  conflicts: Array<{ action: HotkeyAction; accelerator: string }>;
  invalid: Array<{ action: HotkeyAction; text: string; reason: string }>;
}

/** Registers every binding but the empty ones (off); the two actions may not share one accelerator. */
export function registerHotkeys(registrar: HotkeyRegistrar, bindings: HotkeyBindings, handlers: Record<HotkeyAction, () => void>): HotkeyReport {
  const report: HotkeyReport = { registered: [], conflicts: [], invalid: [] };
  const used = new Set<string>();
  for (const action of Object.keys(DEFAULT_HOTKEYS) as HotkeyAction[]) {
    // Empty: the dispatcher turned this hotkey off.
    if (bindings[action].trim() === '') continue;
    const parsed = parseAccelerator(bindings[action]);
    if (!parsed.ok) {
      report.invalid.push({ action, text: bindings[action], reason: parsed.reason });
      continue;
    }
    if (used.has(parsed.accelerator) || !registrar.register(parsed.accelerator, handlers[action])) {
      report.conflicts.push({ action, accelerator: parsed.accelerator });
      continue;
    }
    used.add(parsed.accelerator);
    report.registered.push({ action, accelerator: parsed.accelerator });
  }
  return report;
}

/** Each action's state after a registration, for the settings page. */
export function hotkeyStates(report: HotkeyReport, bindings: HotkeyBindings): Record<HotkeyAction, { status: HotkeyStatus; accelerator: string }> {
  const state = (action: HotkeyAction): { status: HotkeyStatus; accelerator: string } => {
    const registered = report.registered.find((r) => r.action === action);
    if (registered) return { status: 'registered', accelerator: registered.accelerator };
    const taken = report.conflicts.find((r) => r.action === action);
    if (taken) return { status: 'taken', accelerator: taken.accelerator };
    if (report.invalid.some((r) => r.action === action)) return { status: 'invalid', accelerator: bindings[action] };
    return { status: 'off', accelerator: '' };
  };
  return { dialClipboard: state('dialClipboard'), toggleWindow: state('toggleWindow') };
}

/** The part of Electron's (asynchronous, W3C-style) clipboard we use; `selection` exists on Linux only. */
export interface ClipboardLike {
  readText(): Promise<string>;
  readonly selection?: { readText(): Promise<string> };
}

/** Linux has a primary selection: a number just highlighted is dialled without Ctrl+C. */
export async function readDialText(clipboard: ClipboardLike, platform: NodeJS.Platform): Promise<string> {
  if (platform === 'linux' && clipboard.selection) {
    const selection = await clipboard.selection.readText();
    if (selection.trim() !== '') return selection;
  }
  return clipboard.readText();
}
