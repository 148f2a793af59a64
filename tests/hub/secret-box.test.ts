import { mkdtempSync, chmodSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKeyFile, open, parseKey, seal } from '../../src/hub/secret-box';

describe('the AppSecret box (AES-256-GCM)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const key = parseKey('11'.repeat(32))!;

  it('round-trips, and fails closed on a wrong key or tampered data', () => {
    const sealed = seal(key, 'c915496e6e5b');
    expect(JSON.stringify(sealed)).not.toContain('c915496e6e5b');
    expect(open(key, sealed)).toBe('c915496e6e5b');
    expect(open(parseKey('22'.repeat(32))!, sealed)).toBeUndefined();
    const data = Buffer.from(sealed.data, 'base64');
    data[0] ^= 1;
    expect(open(key, { ...sealed, data: data.toString('base64') })).toBeUndefined();
  });

  it('creates a 0600 key file, and refuses one that others can read', () => {
    const path = join(dir, 'secret.key');
    const k = loadKeyFile(path, true);
    expect(k.length).toBe(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadKeyFile(path, false).equals(k)).toBe(true);
    const loose = join(dir, 'loose.key');
    writeFileSync(loose, '33'.repeat(32));
    chmodSync(loose, 0o644);
    expect(() => loadKeyFile(loose, false)).toThrow(/chmod 600/);
  });
});
