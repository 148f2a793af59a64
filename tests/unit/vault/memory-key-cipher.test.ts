import { describe, expect, it } from 'vitest';
import { createMemoryKeyCipher } from '../../../src/main/vault/memory-key-cipher';

const SECRET = 'preview-secret-0123456789';

describe('memory-key cipher (browser preview)', () => {
  it('round-trips a secret and says what it is', async () => {
    const cipher = createMemoryKeyCipher();
    expect(cipher).toMatchObject({ backend: 'preview-memory', secure: true });
    expect(cipher.isAvailable()).toBe(true);
    expect(await cipher.decrypt(await cipher.encrypt(SECRET))).toBe(SECRET);
  });

  it('produces ciphertext that does not contain the secret and differs every time', async () => {
    const cipher = createMemoryKeyCipher();
    const a = Buffer.from(await cipher.encrypt(SECRET));
    const b = Buffer.from(await cipher.encrypt(SECRET));
    expect(a.includes(SECRET)).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('cannot decrypt what another instance (a previous run) encrypted', async () => {
    const data = await createMemoryKeyCipher().encrypt(SECRET);
    await expect(createMemoryKeyCipher().decrypt(data)).rejects.toThrow();
  });

  it('rejects tampered or truncated ciphertext instead of returning garbage', async () => {
    const cipher = createMemoryKeyCipher();
    const data = Buffer.from(await cipher.encrypt(SECRET));
    const tampered = Buffer.from(data);
    tampered[tampered.length - 1] ^= 1;
    await expect(cipher.decrypt(tampered)).rejects.toThrow();
    await expect(cipher.decrypt(data.subarray(0, 10))).rejects.toThrow();
  });
});
