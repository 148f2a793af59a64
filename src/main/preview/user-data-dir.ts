/**
 * Where the desktop app keeps its data — Electron's `app.getPath('userData')`, which is
 * `<appData>/<app name>` — computed without Electron, so the browser preview (`npm start` where
 * Electron cannot run, `npm run preview:web`) keeps its contacts and call log in the same stable
 * per-user folder instead of a fresh temporary one every time.
 *
 * appData as Electron defines it: Windows `%APPDATA%`; macOS `~/Library/Application Support`;
 * Linux `$XDG_CONFIG_HOME` or `~/.config`. The app name is package.json's `productName` (Electron
 * prefers it to `name`), which electron-builder.yml also uses; a unit test keeps the two equal.
 */
import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

export const APP_DATA_NAME = 'Dispatch Desk';

export interface UserDataEnv {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

export function desktopUserDataDir(where: UserDataEnv = { platform: process.platform, env: process.env, home: homedir() }): string {
  const { platform, env, home } = where;
  if (platform === 'win32') return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), APP_DATA_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DATA_NAME);
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, APP_DATA_NAME);
}
