/**
 * Global hotkey accelerators: the rule main applies before registering one with Electron and the
 * settings page applies as the dispatcher types, so a typo is a clear sentence instead of an
 * exception from Electron. An empty binding means "no hotkey for this action".
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

/** What the key names of a KeyboardEvent are called in an accelerator. */
const EVENT_KEYS: Record<string, string> = {
  ' ': 'Space',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
};

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
  /** The physical key (KeyD, Digit4): what Alt/Shift did to `key` on some layouts does not matter. */
  code?: string;
}

/**
 * The accelerator text for a key pressed in the settings' hotkey field, or null while only
 * modifiers are down. Not validated: parseAccelerator says whether it is usable.
 */
export function acceleratorFromKeyPress(press: KeyPress): string | null {
  if (['Control', 'Alt', 'Shift', 'Meta', 'OS', 'AltGraph'].includes(press.key)) return null;
  const fromCode = press.code?.match(/^(?:Key([A-Z])|Digit([0-9]))$/);
  const key = fromCode ? (fromCode[1] ?? fromCode[2]) : (EVENT_KEYS[press.key] ?? (press.key.length === 1 ? press.key.toUpperCase() : press.key));
  const parts = [press.ctrlKey && 'Ctrl', press.altKey && 'Alt', press.shiftKey && 'Shift', press.metaKey && 'Super'].filter((p): p is string => Boolean(p));
  return [...parts, key].join('+');
}
