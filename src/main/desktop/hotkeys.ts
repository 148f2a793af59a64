/**
 * The global hotkeys: one takes the number from the clipboard (the selection on Linux) and opens
 * the dial confirmation, another shows or hides the window. Accelerators are validated here, so a
 * typo in the settings is a clear error instead of an exception from Electron.
 */
export const DEFAULT_HOTKEYS = {
  dialClipboard: 'Ctrl+Alt+D',
  toggleWindow: 'Ctrl+Alt+S',
} as const;
export type HotkeyAction = keyof typeof DEFAULT_HOTKEYS;
export type HotkeyBindings = Record<HotkeyAction, string>;

const MODIFIERS: Record<string, string> = {
  ctrl: 'Ctrl',
  control: 'Ctrl',
  alt: 'Alt',
  option: 'Alt',
  shift: 'Shift',
  cmd: 'Command',
  command: 'Command',
  cmdorctrl: 'CommandOrControl',
  commandorcontrol: 'CommandOrControl',
  super: 'Super',
  meta: 'Super',
};
const NAMED_KEYS = new Set(['Space', 'Tab', 'Backspace', 'Delete', 'Insert', 'Home', 'End', 'PageUp', 'PageDown', 'Up', 'Down', 'Left', 'Right']);
/** Shift alone is not enough: a global Shift+D would eat every capital D typed anywhere. */
const STRONG = new Set(['Ctrl', 'Alt', 'Command', 'CommandOrControl', 'Super']);

export type AcceleratorParse = { ok: true; accelerator: string } | { ok: false; reason: 'empty' | 'unknown_part' | 'no_key' | 'two_keys' | 'needs_modifier' };

export function parseAccelerator(text: string): AcceleratorParse {
  const parts = String(text ?? '')
    .split('+')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, reason: 'empty' };
  const modifiers: string[] = [];
  let key: string | null = null;
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase()];
    if (modifier) {
      if (!modifiers.includes(modifier)) modifiers.push(modifier);
      continue;
    }
    const normalised = normaliseKey(part);
    if (!normalised) return { ok: false, reason: 'unknown_part' };
    if (key) return { ok: false, reason: 'two_keys' };
    key = normalised;
  }
  if (!key) return { ok: false, reason: 'no_key' };
  if (!modifiers.some((m) => STRONG.has(m))) return { ok: false, reason: 'needs_modifier' };
  const order = ['CommandOrControl', 'Command', 'Ctrl', 'Alt', 'Shift', 'Super'];
  modifiers.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { ok: true, accelerator: [...modifiers, key].join('+') };
}

function normaliseKey(part: string): string | null {
  if (/^[a-z0-9]$/i.test(part)) return part.toUpperCase();
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(part)) return part.toUpperCase();
  const named = [...NAMED_KEYS].find((k) => k.toLowerCase() === part.toLowerCase());
  return named ?? null;
}

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

/** Registers every binding; the two actions may not share one accelerator. */
export function registerHotkeys(registrar: HotkeyRegistrar, bindings: HotkeyBindings, handlers: Record<HotkeyAction, () => void>): HotkeyReport {
  const report: HotkeyReport = { registered: [], conflicts: [], invalid: [] };
  const used = new Set<string>();
  for (const action of Object.keys(DEFAULT_HOTKEYS) as HotkeyAction[]) {
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
