import { describe, expect, it, vi } from 'vitest';
import { cipherFromSafeStorage, type SafeStorageApi } from '../../../src/main/electron/safe-storage-cipher';

/** A reversible stand-in for Electron's safeStorage; `tag` shows which API did the work. */
function fakeSafeStorage(parts: { async?: boolean; sync?: boolean; available?: boolean; backend?: string }): SafeStorageApi {
  const available = parts.available ?? true;
  const api: SafeStorageApi = {};
  if (parts.async) {
    api.isAsyncEncryptionAvailable = vi.fn(async () => available);
    api.encryptStringAsync = vi.fn(async (plain: string) => Buffer.from(`async:${plain}`));
    api.decryptStringAsync = vi.fn(async (data: Buffer) => ({ result: data.toString().replace(/^async:/, ''), shouldReEncrypt: false }));
  }
  if (parts.sync) {
    api.isEncryptionAvailable = vi.fn(() => available);
    api.encryptString = vi.fn((plain: string) => Buffer.from(`sync:${plain}`));
    api.decryptString = vi.fn((data: Buffer) => data.toString().replace(/^sync:/, ''));
  }
  if (parts.backend) api.getSelectedStorageBackend = () => parts.backend as never;
  return api;
}

describe('safeStorage cipher adapter', () => {
  it('prefers the async API when it exists', async () => {
    const api = fakeSafeStorage({ async: true, sync: true, backend: 'gnome_libsecret' });
    const cipher = cipherFromSafeStorage(api, 'linux');
    const data = await cipher.encrypt('s3cret');
    expect(Buffer.from(data).toString()).toBe('async:s3cret');
    expect(await cipher.decrypt(data)).toBe('s3cret');
    expect(api.encryptString).not.toHaveBeenCalled();
  });

  it('falls back to the sync API on Electrons without the async one', async () => {
    const cipher = cipherFromSafeStorage(fakeSafeStorage({ sync: true, backend: 'kwallet5' }), 'linux');
    const data = await cipher.encrypt('s3cret');
    expect(Buffer.from(data).toString()).toBe('sync:s3cret');
    expect(await cipher.decrypt(data)).toBe('s3cret');
  });

  it.each([
    ['linux', 'gnome_libsecret', 'gnome_libsecret', true],
    ['linux', 'kwallet6', 'kwallet6', true],
    ['linux', 'basic_text', 'basic_text', false],
    ['linux', 'unknown', 'unknown', false],
    ['win32', 'basic_text', 'dpapi', true],
    ['darwin', 'basic_text', 'keychain', true],
  ] as const)('on %s with selected backend %s reports %s (secure: %s)', (platform, selected, backend, secure) => {
    const cipher = cipherFromSafeStorage(fakeSafeStorage({ async: true, backend: selected }), platform);
    expect(cipher.backend).toBe(backend);
    expect(cipher.secure).toBe(secure);
  });

  it('treats a Linux without getSelectedStorageBackend as unknown and insecure', () => {
    const cipher = cipherFromSafeStorage(fakeSafeStorage({ async: true }), 'linux');
    expect([cipher.backend, cipher.secure]).toEqual(['unknown', false]);
  });

  it('reports unavailability and refuses to encrypt or decrypt', async () => {
    const cipher = cipherFromSafeStorage(fakeSafeStorage({ async: true, available: false, backend: 'gnome_libsecret' }), 'linux');
    await expect(cipher.encrypt('x')).rejects.toThrow(/not available/);
    await expect(cipher.decrypt(Buffer.from('async:x'))).rejects.toThrow(/not available/);
    expect(cipher.isAvailable()).toBe(false);
  });

  it('is unavailable when safeStorage offers neither API', async () => {
    const cipher = cipherFromSafeStorage({}, 'linux');
    expect(cipher.isAvailable()).toBe(false);
    await expect(cipher.encrypt('x')).rejects.toThrow();
  });
});
