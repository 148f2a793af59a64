import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConfStore } from '../../../src/main/stores/conf-store';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conf-store-test-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = () => path.join(dir, 'settings.json');

describe('conf store', () => {
  it('persists set and delete across reopen, in <cwd>/<name>.json', () => {
    const first = openConfStore({ cwd: dir, name: 'settings' });
    expect(first.notices).toEqual([]);
    expect(first.store.path).toBe(file());
    first.store.set('language', 'zh-CN');
    first.store.set('gone', 1);
    first.store.delete('gone');

    const { store } = openConfStore({ cwd: dir, name: 'settings' });
    expect(store.get('language')).toBe('zh-CN');
    expect(store.get('gone')).toBeUndefined();
  });

  it('treats a dotted key as one opaque name, not as nesting', () => {
    const { store } = openConfStore({ cwd: dir, name: 'settings' });
    store.set('a.b', 1);
    expect(JSON.parse(fs.readFileSync(file(), 'utf8'))).toEqual({ 'a.b': 1 });
  });

  it('keeps the file owner-only', () => {
    if (process.platform === 'win32') return;
    openConfStore({ cwd: dir, name: 'settings' }).store.set('k', 'v');
    expect(fs.statSync(file()).mode & 0o777).toBe(0o600);
  });

  it('opens a healthy existing file without a notice', () => {
    fs.writeFileSync(file(), JSON.stringify({ mode: 'production' }));
    const { store, notices } = openConfStore({ cwd: dir, name: 'settings' });
    expect(notices).toEqual([]);
    expect(store.get('mode')).toBe('production');
  });

  it('refuses a relative cwd', () => {
    expect(() => openConfStore({ cwd: 'relative/dir', name: 'settings' })).toThrow(/absolute/);
  });

  it.each([
    ['zero-length', ''],
    ['truncated', '{"mode":"production","lang'],
    ['garbage', '\u0000\u0000\u0000garbage'],
    ['not an object', '[1,2,3]'],
  ])('moves a %s file aside (never deletes it), reports it, and starts usable and empty', (_, content) => {
    fs.writeFileSync(file(), content);
    const { store, notices } = openConfStore({ cwd: dir, name: 'settings' });

    expect(notices).toHaveLength(1);
    const notice = notices[0];
    if (notice.kind !== 'corrupt_file_moved') throw new Error(`unexpected notice ${notice.kind}`);
    expect(notice.file).toBe(file());
    expect(path.dirname(notice.movedTo)).toBe(dir);
    expect(path.basename(notice.movedTo)).toMatch(/^settings\.corrupt-[0-9TZ-]+\.json$/);
    expect(fs.readFileSync(notice.movedTo, 'utf8')).toBe(content);

    expect(store.get('mode')).toBeUndefined();
    store.set('mode', 'sandbox');
    expect(openConfStore({ cwd: dir, name: 'settings' }).store.get('mode')).toBe('sandbox');
  });

  it('keeps both copies when two corrupt files are moved aside in the same millisecond', () => {
    fs.writeFileSync(file(), '{');
    const first = openConfStore({ cwd: dir, name: 'settings' }).notices[0];
    fs.writeFileSync(file(), '{{');
    const second = openConfStore({ cwd: dir, name: 'settings' }).notices[0];
    if (first?.kind !== 'corrupt_file_moved' || second?.kind !== 'corrupt_file_moved') throw new Error('expected two notices');
    expect(first.movedTo).not.toBe(second.movedTo);
    expect(fs.readFileSync(first.movedTo, 'utf8')).toBe('{');
    expect(fs.readFileSync(second.movedTo, 'utf8')).toBe('{{');
  });
});
