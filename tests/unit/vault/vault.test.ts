import { words } from '../../support/words';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConfStore } from '../../../src/main/stores/conf-store';
import type { KeyValueStore } from '../../../src/main/stores/kv-store';
import { createVault } from '../../../src/main/vault/vault';
import { createFakeCipher, type FakeCipher } from '../../support/fake-cipher';

const APP_KEY = 'fd46a1b2c3d4e5f6a7b8c9d0e1f2f027';
const APP_SECRET = 'S3cr3t!Value#With~Punct';

let dir: string;
let store: KeyValueStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vault-test-'));
  store = openConfStore({ cwd: dir, name: 'vault' }).store;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const rawFile = () => (fs.existsSync(store.path) ? fs.readFileSync(store.path) : Buffer.alloc(0));
const vaultWith = (cipher: FakeCipher) => createVault({ cipher, store });

describe('vault: save, status, clear', () => {
  it('reports an empty vault as not configured, with the backend', async () => {
    const status = await vaultWith(createFakeCipher({ backend: 'gnome_libsecret' })).status('sandbox');
    expect(status).toEqual({
      configured: false,
      backend: 'gnome_libsecret',
      backendSecure: true,
      plaintextRiskAccepted: false,
      needsReentry: false,
      mode: 'sandbox',
    });
  });

  it('saves, then reports the key masked and hands the credentials to main', async () => {
    const vault = vaultWith(createFakeCipher());
    expect(await vault.save({ appKey: APP_KEY, appSecret: APP_SECRET })).toEqual({ ok: true });
    const status = await vault.status('production');
    expect(status).toMatchObject({ configured: true, appKeyMasked: 'fd46…f027', needsReentry: false, mode: 'production' });
    expect(await vault.getCredentials()).toEqual({ appKey: APP_KEY, appSecret: APP_SECRET });
  });

  it('survives a restart: a new vault on the same file and key reads the secret back', async () => {
    await vaultWith(createFakeCipher()).save({ appKey: APP_KEY, appSecret: APP_SECRET });
    const reopened = createVault({ cipher: createFakeCipher(), store: openConfStore({ cwd: dir, name: 'vault' }).store });
    expect(await reopened.getCredentials()).toEqual({ appKey: APP_KEY, appSecret: APP_SECRET });
  });

  it('writes only ciphertext: neither the secret nor its base64 is in the file', async () => {
    await vaultWith(createFakeCipher()).save({ appKey: APP_KEY, appSecret: APP_SECRET });
    const raw = rawFile();
    expect(raw.length).toBeGreaterThan(0);
    expect(raw.includes(APP_SECRET)).toBe(false);
    expect(raw.includes(Buffer.from(APP_SECRET).toString('base64'))).toBe(false);
    expect(raw.includes(APP_KEY)).toBe(true);
    const record = JSON.parse(raw.toString('utf8')).appCredentials;
    expect(Object.keys(record).sort()).toEqual(['appKey', 'plaintextRiskAccepted', 'secretCiphertext']);
  });

  it('clear removes the ciphertext and the key from the file', async () => {
    const vault = vaultWith(createFakeCipher());
    await vault.save({ appKey: APP_KEY, appSecret: APP_SECRET });
    const ciphertext: string = JSON.parse(rawFile().toString('utf8')).appCredentials.secretCiphertext;
    expect(rawFile().includes(ciphertext)).toBe(true);

    expect(await vault.clear()).toEqual({ ok: true });
    expect(rawFile().includes(ciphertext)).toBe(false);
    expect(rawFile().includes(APP_KEY)).toBe(false);
    expect(await vault.status('sandbox')).toMatchObject({ configured: false, needsReentry: false });
    expect(await vault.getCredentials()).toBeNull();
  });

  it('exposes no way to read the secret except getCredentials, and no response carries it', async () => {
    const vault = vaultWith(createFakeCipher());
    expect(Object.keys(vault).sort()).toEqual(['clear', 'getCredentials', 'save', 'status']);
    const saved = await vault.save({ appKey: APP_KEY, appSecret: APP_SECRET });
    const status = await vault.status('production');
    expect(JSON.stringify([saved, status])).not.toContain(APP_SECRET);
  });
});

describe('vault: insecure backend (Linux basic_text)', () => {
  it('refuses without explicit consent, says why in both languages, and writes nothing', async () => {
    const cipher = createFakeCipher({ backend: 'basic_text' });
    const vault = vaultWith(cipher);
    for (const acceptPlaintextRisk of [undefined, false, 'true' as unknown as boolean]) {
      const result = await vault.save({ appKey: APP_KEY, appSecret: APP_SECRET, acceptPlaintextRisk });
      expect(result).toMatchObject({ ok: false, code: 'storage' });
      if (result.ok) throw new Error('unreachable');
      expect(words(result, 'en')).toMatch(/basic_text/);
      expect(words(result, 'en')).toMatch(/plain text/);
      expect(words(result, 'zh-CN')).toMatch(/明文/);
    }
    expect(cipher.calls.encrypt).toBe(0);
    expect(rawFile().includes(APP_KEY)).toBe(false);
    expect(await vault.status('sandbox')).toMatchObject({ configured: false, backendSecure: false });
  });

  it('stores with consent and shows that choice in the status', async () => {
    const vault = vaultWith(createFakeCipher({ backend: 'basic_text' }));
    expect(await vault.save({ appKey: APP_KEY, appSecret: APP_SECRET, acceptPlaintextRisk: true })).toEqual({ ok: true });
    expect(await vault.status('production')).toMatchObject({
      configured: true,
      backend: 'basic_text',
      backendSecure: false,
      plaintextRiskAccepted: true,
    });
    expect(rawFile().includes(APP_SECRET)).toBe(false);
  });

  it('records no risk acceptance when the backend is secure', async () => {
    const vault = vaultWith(createFakeCipher({ backend: 'kwallet5' }));
    await vault.save({ appKey: APP_KEY, appSecret: APP_SECRET, acceptPlaintextRisk: true });
    expect(await vault.status('production')).toMatchObject({ backendSecure: true, plaintextRiskAccepted: false });
  });
});

describe('vault: decryption failure', () => {
  it('asks for re-entry and returns no credentials when the keyring can no longer decrypt', async () => {
    const cipher = createFakeCipher();
    const vault = vaultWith(cipher);
    await vault.save({ appKey: APP_KEY, appSecret: APP_SECRET });
    cipher.failDecrypt = true;
    expect(await vault.getCredentials()).toBeNull();
    expect(await vault.status('production')).toMatchObject({ configured: true, needsReentry: true, appKeyMasked: 'fd46…f027' });
  });

  it('asks for re-entry when the file comes from another machine (different key)', async () => {
    await vaultWith(createFakeCipher({ key: 1 })).save({ appKey: APP_KEY, appSecret: APP_SECRET });
    const elsewhere = createVault({ cipher: createFakeCipher({ key: 2 }), store });
    expect(await elsewhere.status('production')).toMatchObject({ configured: true, needsReentry: true });
    expect(await elsewhere.getCredentials()).toBeNull();
  });

  it('recovers once the keyring decrypts again, without a re-save', async () => {
    const cipher = createFakeCipher();
    const vault = vaultWith(cipher);
    await vault.save({ appKey: APP_KEY, appSecret: APP_SECRET });
    cipher.failDecrypt = true;
    expect(await vault.getCredentials()).toBeNull();
    cipher.failDecrypt = false;
    expect(await vault.getCredentials()).toEqual({ appKey: APP_KEY, appSecret: APP_SECRET });
    expect(await vault.status('production')).toMatchObject({ needsReentry: false });
  });

  it('treats a hand-edited, malformed record as something to re-enter, not as credentials', async () => {
    store.set('appCredentials', { appKey: APP_KEY, secretCiphertext: 42 });
    const vault = vaultWith(createFakeCipher());
    expect(await vault.status('production')).toMatchObject({ configured: false, needsReentry: true });
    expect(await vault.getCredentials()).toBeNull();
  });
});

describe('vault: refusals', () => {
  const bad: Array<[string, { appKey: unknown; appSecret: unknown }, string]> = [
    ['empty AppKey', { appKey: '', appSecret: APP_SECRET }, 'appKey'],
    ['AppKey with a dash', { appKey: 'fd46-f027', appSecret: APP_SECRET }, 'appKey'],
    ['AppKey of 65 characters', { appKey: 'a'.repeat(65), appSecret: APP_SECRET }, 'appKey'],
    ['AppKey not a string', { appKey: 1234, appSecret: APP_SECRET }, 'appKey'],
    ['empty AppSecret', { appKey: APP_KEY, appSecret: '' }, 'appSecret'],
    ['AppSecret with a space', { appKey: APP_KEY, appSecret: 'abc def' }, 'appSecret'],
    ['AppSecret with a trailing newline', { appKey: APP_KEY, appSecret: 'abcdef\n' }, 'appSecret'],
    ['AppSecret with non-ASCII', { appKey: APP_KEY, appSecret: 'abc密钥' }, 'appSecret'],
    ['AppSecret of 129 characters', { appKey: APP_KEY, appSecret: 'x'.repeat(129) }, 'appSecret'],
    ['AppSecret missing', { appKey: APP_KEY, appSecret: undefined }, 'appSecret'],
  ];

  it.each(bad)('rejects %s as invalid_input naming the field, without echoing the value', async (_, input, field) => {
    const cipher = createFakeCipher();
    const vault = vaultWith(cipher);
    const result = await vault.save(input as { appKey: string; appSecret: string });
    expect(result).toMatchObject({ ok: false, code: 'invalid_input', field });
    if (result.ok) throw new Error('unreachable');
    expect(words(result, 'zh-CN')).toBeTruthy();
    if (typeof input.appSecret === 'string' && input.appSecret.length > 0) {
      expect(JSON.stringify(result)).not.toContain(input.appSecret);
    }
    expect(cipher.calls.encrypt).toBe(0);
    expect(await vault.status('sandbox')).toMatchObject({ configured: false });
  });

  it('accepts the boundaries: 64-character key, 128-character secret of printable ASCII', async () => {
    const vault = vaultWith(createFakeCipher());
    const secret = '!~'.repeat(64);
    expect(await vault.save({ appKey: 'Z9'.repeat(32), appSecret: secret })).toEqual({ ok: true });
    expect((await vault.getCredentials())?.appSecret).toBe(secret);
  });

  it('refuses when encryption is unavailable, and writes nothing', async () => {
    const vault = vaultWith(createFakeCipher({ available: false }));
    const result = await vault.save({ appKey: APP_KEY, appSecret: APP_SECRET });
    expect(result).toMatchObject({ ok: false, code: 'storage' });
    if (result.ok) throw new Error('unreachable');
    expect(words(result, 'zh-CN')).toMatch(/不可用/);
    expect(rawFile().includes(APP_KEY)).toBe(false);
  });

  it('keeps the working secret when a later save fails', async () => {
    const cipher = createFakeCipher();
    const vault = vaultWith(cipher);
    await vault.save({ appKey: APP_KEY, appSecret: APP_SECRET });
    expect((await vault.save({ appKey: 'other', appSecret: 'has space' })).ok).toBe(false);
    cipher.failDecrypt = true; // the round-trip check fails, so the new secret must not be stored
    expect((await vault.save({ appKey: 'other', appSecret: 'NewSecret' })).ok).toBe(false);
    cipher.failDecrypt = false;
    expect(await vault.getCredentials()).toEqual({ appKey: APP_KEY, appSecret: APP_SECRET });
  });
});
