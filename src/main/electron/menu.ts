/** Electron adapter: the application menu (content in ../desktop/menu-model.ts). */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { applicationMenu, type MenuCommand, type MenuState } from '../desktop/menu-model';
import type { Language } from '../../shared/result';

export function installApplicationMenu(language: Language, onCommand: (command: MenuCommand) => void, state?: MenuState): void {
  const template: MenuItemConstructorOptions[] = applicationMenu(language, state).map((section) => ({
    label: section.label,
    submenu: section.entries.map((entry): MenuItemConstructorOptions => {
      if (entry.kind === 'separator') return { type: 'separator' };
      if (entry.kind === 'role') return { role: entry.role };
      return { label: entry.label, accelerator: entry.accelerator, enabled: entry.enabled ?? true, click: () => onCommand(entry.command) };
    }),
  }));
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
