/**
 * Close-to-tray and the quit question, as decisions. Close to tray is on by default on Windows
 * (the dispatcher keeps the desk running all shift and closes the window by habit); elsewhere off.
 */
export function defaultCloseToTray(platform: NodeJS.Platform): boolean {
  return platform === 'win32';
}

/** What closing the window does: hide it (the app keeps running in the tray) or let it close. */
export function onWindowClose(options: { closeToTray: boolean; quitting: boolean; trayAvailable: boolean }): 'hide' | 'close' {
  return options.closeToTray && options.trayAvailable && !options.quitting ? 'hide' : 'close';
}

/** Quitting with a call still going on asks first (quitting does not hang up, but tracking stops). */
export function mustAskBeforeQuit(options: { callInProgress: boolean; alreadyConfirmed: boolean }): boolean {
  return options.callInProgress && !options.alreadyConfirmed;
}
