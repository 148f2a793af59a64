/**
 * The application menu as data, in the UI language. Edit uses Electron's roles so copy and paste
 * work in every field (without an Edit menu, macOS has no Cmd+C). View zooms for control-room
 * screens, with the level remembered by the adapter. Help opens the data/log folder and shows the
 * version.
 */
import type { Language } from '../../shared/result';
import { translate, type PlainKey } from '../../shared/i18n';

/** The words main shows itself, in the shared catalog (desk.*.ts). */
type ShellKey = Extract<PlainKey, `shell.${string}`>;

export type MenuCommand = 'undo-last-import' | 'zoom-in' | 'zoom-out' | 'zoom-reset' | 'open-data-folder' | 'about' | 'quit';
export type EditRole = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll';

export type MenuEntry =
  { kind: 'role'; role: EditRole } | { kind: 'command'; label: string; command: MenuCommand; accelerator?: string; enabled?: boolean } | { kind: 'separator' };

export interface MenuSection {
  label: string;
  entries: MenuEntry[];
}

/** What the menu shows that changes while the app runs (see ./import-undo-menu.ts). */
export interface MenuState {
  /** An import from the last hour can be undone. */
  undoImport: boolean;
}

export function applicationMenu(language: Language, state: MenuState = { undoImport: false }): MenuSection[] {
  const l = (key: ShellKey) => translate(language, key);
  return [
    {
      label: l('shell.menuFile'),
      entries: [
        // Greyed out (not hidden) when nothing can be undone, so the dispatcher learns where it lives.
        { kind: 'command', label: l('shell.undoLastImport'), command: 'undo-last-import', enabled: state.undoImport },
        { kind: 'separator' },
        { kind: 'command', label: l('shell.quit'), command: 'quit', accelerator: 'CommandOrControl+Q' },
      ],
    },
    {
      label: l('shell.menuEdit'),
      entries: [
        { kind: 'role', role: 'undo' },
        { kind: 'role', role: 'redo' },
        { kind: 'separator' },
        { kind: 'role', role: 'cut' },
        { kind: 'role', role: 'copy' },
        { kind: 'role', role: 'paste' },
        { kind: 'role', role: 'selectAll' },
      ],
    },
    {
      label: l('shell.menuView'),
      entries: [
        { kind: 'command', label: l('shell.zoomIn'), command: 'zoom-in', accelerator: 'CommandOrControl+=' },
        { kind: 'command', label: l('shell.zoomOut'), command: 'zoom-out', accelerator: 'CommandOrControl+-' },
        { kind: 'command', label: l('shell.zoomReset'), command: 'zoom-reset', accelerator: 'CommandOrControl+0' },
      ],
    },
    {
      label: l('shell.menuHelp'),
      entries: [
        { kind: 'command', label: l('shell.openDataFolder'), command: 'open-data-folder' },
        { kind: 'command', label: l('shell.about'), command: 'about' },
      ],
    },
  ];
}

/** Zoom steps of half a level (about 10 %), clamped to a range where the layout still works. */
export function nextZoom(current: number, command: 'zoom-in' | 'zoom-out' | 'zoom-reset'): number {
  if (command === 'zoom-reset') return 0;
  const next = current + (command === 'zoom-in' ? 0.5 : -0.5);
  return Math.min(5, Math.max(-3, next));
}
