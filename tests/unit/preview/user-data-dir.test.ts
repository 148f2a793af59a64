import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_DATA_NAME, desktopUserDataDir } from '../../../src/main/preview/user-data-dir';

describe("the preview's data folder is the desktop app's userData", () => {
  it('follows Electron per platform', () => {
    expect(desktopUserDataDir({ platform: 'linux', env: {}, home: '/home/ops' })).toBe('/home/ops/.config/Dispatch Desk');
    expect(desktopUserDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/srv/cfg' }, home: '/home/ops' })).toBe('/srv/cfg/Dispatch Desk');
    // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    expect(desktopUserDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'cfg' }, home: '/home/ops' })).toBe('/home/ops/.config/Dispatch Desk');
    expect(desktopUserDataDir({ platform: 'darwin', env: {}, home: '/Users/ops' })).toBe('/Users/ops/Library/Application Support/Dispatch Desk');
    expect(desktopUserDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ops\\AppData\\Roaming' }, home: 'C:\\Users\\ops' })).toBe(
      'C:\\Users\\ops\\AppData\\Roaming\\Dispatch Desk',
    );
  });

  it("uses the name Electron derives userData from: package.json's productName", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { productName: string };
    expect(APP_DATA_NAME).toBe(pkg.productName);
  });
});
