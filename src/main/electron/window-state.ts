/** Electron adapter: restore and remember the window's bounds, maximised state and zoom. */
import { screen, type BrowserWindow } from 'electron';
import { clampZoom, restoreBounds, type WindowState } from '../desktop/window-state';

export function applyWindowState(win: BrowserWindow, saved: WindowState | null): void {
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  if (bounds) win.setBounds(bounds);
  if (saved?.maximized) win.maximize();
  if (saved) win.webContents.setZoomLevel(clampZoom(saved.zoomLevel));
}

export function captureWindowState(win: BrowserWindow): WindowState {
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized(), zoomLevel: win.webContents.getZoomLevel() };
}
