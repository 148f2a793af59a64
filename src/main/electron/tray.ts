/** Electron adapter: the tray icon and its menu (what they show is ../desktop/tray-model.ts). */
import { join } from 'node:path';
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { trayIconFile, trayMenu, trayTooltip, type TrayAction, type TrayState } from '../desktop/tray-model';

export interface AppTray {
  update(state: TrayState): void;
  destroy(): void;
}

export function createAppTray(options: { appRoot: string; onAction(action: TrayAction): void; formatNumber(n: string): string }): AppTray {
  let tray: Tray | null = null;
  let iconFile = '';
  return {
    update(state) {
      const file = trayIconFile(state, process.platform);
      if (!tray) {
        tray = new Tray(nativeImage.createFromPath(join(options.appRoot, file)));
        // Windows/Linux: a left click shows the window; the menu is on the right click.
        tray.on('click', () => options.onAction({ type: 'show' }));
      } else if (file !== iconFile) {
        tray.setImage(nativeImage.createFromPath(join(options.appRoot, file)));
      }
      iconFile = file;
      tray.setToolTip(trayTooltip(state));
      const template: MenuItemConstructorOptions[] = trayMenu(state, options.formatNumber).map((item) => {
        if (item.kind === 'separator') return { type: 'separator' };
        if (item.kind === 'info') return { label: item.label, enabled: false };
        return { label: item.label, click: () => options.onAction(item.action) };
      });
      tray.setContextMenu(Menu.buildFromTemplate(template));
    },
    destroy() {
      tray?.destroy();
      tray = null;
    },
  };
}
