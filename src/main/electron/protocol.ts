/**
 * Electron adapter: dial links reaching the app. Windows/Linux: in argv, at launch or through a
 * second instance (the single-instance lock hands its argv to us); macOS: `open-url`. tel: and
 * callto: are registered by the installers (electron-builder.yml, build/installer.nsh); the own
 * dispatchdesk: scheme is also claimed at run time, which covers development runs.
 */
import { resolve } from 'node:path';
import { app } from 'electron';
import { dialLinksFromArgv } from '../links/argv';

export interface LinkIntake {
  onLinks(links: string[]): void;
  /** Brings the window to the front (restoring it from the tray). */
  focus(): void;
}

/** Must run before `app.whenReady()`: macOS sends `open-url` for the launching link early. */
export function registerLinkIntake(intake: LinkIntake): void {
  if (app.isPackaged) app.setAsDefaultProtocolClient('dispatchdesk');
  else if (process.defaultApp && process.argv.length >= 2) app.setAsDefaultProtocolClient('dispatchdesk', process.execPath, [resolve(process.argv[1])]);

  app.on('second-instance', (_event, argv) => {
    intake.focus();
    const links = dialLinksFromArgv(argv);
    if (links.length > 0) intake.onLinks(links);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    intake.focus();
    intake.onLinks([url]);
  });
}

export function linksAtLaunch(): string[] {
  return dialLinksFromArgv(process.argv);
}
