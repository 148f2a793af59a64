import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const config = load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Configuration;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it('flips the fuses the security guide asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('keeps the product name (it names the data folder) and takes the version from package.json', () => {
    expect(config.productName).toBe(pkg.productName);
    expect(config).not.toHaveProperty('version');
    expect(config.extraMetadata ?? {}).not.toHaveProperty('version');
  });

  it('ships no node_modules: main bundles what it uses', () => {
    expect(config.files).toContain('!node_modules/**');
    expect(config.asar).toBe(true);
  });

  it('installs per user, in zh-CN and en, with shortcuts, keeping the data unless the user asks', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      createStartMenuShortcut: true,
      createDesktopShortcut: 'always',
      deleteAppDataOnUninstall: false,
      include: 'build/installer.nsh',
    });
    expect(config.nsis?.installerLanguages).toEqual(['zh_CN', 'en_US']);
  });

  it('builds NSIS, AppImage + deb and dmg', () => {
    expect(JSON.stringify(config.win?.target)).toContain('nsis');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(JSON.stringify(config.mac?.target)).toContain('dmg');
  });

  it('registers tel:, callto: and dispatchdesk: (macOS CFBundleURLTypes, Linux x-scheme-handler)', () => {
    const schemes = [config.protocols].flat().flatMap((p) => p?.schemes ?? []);
    expect(schemes.sort()).toEqual(['callto', 'dispatchdesk', 'tel']);
  });
});

describe('build/installer.nsh', () => {
  const nsh = readFileSync(resolve(root, 'build/installer.nsh'));
  const text = nsh.toString('utf8');

  it('is UTF-8 with a BOM so NSIS reads the Chinese strings right', () => {
    expect([...nsh.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('offers tel:/callto: through Capabilities, URLAssociations and RegisteredApplications', () => {
    for (const scheme of ['tel', 'callto', 'dispatchdesk']) expect(text).toContain(`\\URLAssociations" "${scheme}"`);
    expect(text).toContain('"Software\\RegisteredApplications" "DispatchDesk"');
    expect(text).toMatch(/shell\\open\\command" "" '"\$INSTDIR\\\$\{APP_EXECUTABLE_FILENAME\}" "%1"'/);
  });

  it('deletes the data folder only when the box was ticked, and never during an upgrade', () => {
    const uninstall = text.slice(text.indexOf('!macro customUnInstall'));
    expect(uninstall.indexOf('${ifNot} ${isUpdated}')).toBeGreaterThan(-1);
    expect(uninstall.indexOf('$ddRemoveData == ${BST_CHECKED}')).toBeLessThan(uninstall.indexOf('RMDir /r "$APPDATA'));
    expect(text).toContain('${NSD_SetState} $ddRemoveDataCheckbox ${BST_UNCHECKED}');
  });
});
