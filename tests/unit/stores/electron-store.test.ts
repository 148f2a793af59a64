import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// This file's own electron mock: electron-store asks `app` for userData.
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-store-test-'));
const ipcMain = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  return new EventEmitter();
});
vi.mock('electron', () => ({
  default: { app: { getPath: () => userData, getVersion: () => '0.0.0' }, ipcMain },
  app: { getPath: () => userData, getVersion: () => '0.0.0' },
  ipcMain,
}));

const { openElectronStore } = await import('../../../src/main/electron/electron-store');

afterAll(() => fs.rmSync(userData, { recursive: true, force: true }));

describe('electron-store factory', () => {
  it('stores in userData and shares the corrupt-file pre-check', () => {
    const file = path.join(userData, 'vault.json');
    fs.writeFileSync(file, '{"appCredentials":');
    const { store, notices } = openElectronStore({ name: 'vault' });

    expect(store.path).toBe(file);
    expect(notices).toMatchObject([{ kind: 'corrupt_file_moved', file }]);
    const movedTo = (notices[0] as { movedTo: string }).movedTo;
    expect(fs.readFileSync(movedTo, 'utf8')).toBe('{"appCredentials":');

    // electron-store's own unauthenticated IPC listener must not survive.
    expect(ipcMain.listenerCount('electron-store-get-data')).toBe(0);

    store.set('k', 'v');
    expect(openElectronStore({ name: 'vault' }).store.get('k')).toBe('v');
  });

  it.runIf(process.platform !== 'win32')('refuses a symlinked file, naming it, and leaves the target unchanged', () => {
    const victim = path.join(userData, 'victim.json');
    fs.writeFileSync(victim, '{"precious":true}');
    const link = path.join(userData, 'settings.json');
    fs.symlinkSync(victim, link);
    expect(() => openElectronStore({ name: 'settings' }).store.set('k', 'v')).toThrow(expect.objectContaining({ code: 'symlink_refused', file: link }));
    expect(fs.readFileSync(victim, 'utf8')).toBe('{"precious":true}');
  });
});
