import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretCipher } from './cipher';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Lets a future format change be told apart from a wrong key. */
const FORMAT_VERSION = 1;

/**
 * For the browser preview, which has no safeStorage: AES-256-GCM under a random key that exists
 * only in this process. The secret is protected at rest, but nothing saved survives a restart —
 * after one, decryption fails and the vault asks for the secret again, which is the honest outcome.
 */
export function createMemoryKeyCipher(): SecretCipher {
  const key = randomBytes(32);
  return {
    backend: 'preview-memory',
    secure: true,
    isAvailable: () => true,
    async encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(FORMAT_VERSION), iv, cipher.getAuthTag(), body]);
    },
    async decrypt(data) {
      const bytes = Buffer.from(data);
      if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT_VERSION) {
        throw new Error('memory-key cipher: unrecognised ciphertext');
      }
      const iv = bytes.subarray(1, 1 + IV_BYTES);
      const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv(ALGORITHM, key, iv);
      decipher.setAuthTag(tag);
      // GCM's tag check makes a wrong key (another process) throw here instead of yielding garbage.
      return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
