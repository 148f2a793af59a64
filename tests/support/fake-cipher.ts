import type { SecretCipher } from '../../src/main/vault/cipher';

/** Marks fake ciphertext so a wrong blob fails like real decryption would. */
const MAGIC = Buffer.from('FAKE', 'ascii');

export interface FakeCipherOptions {
  /** Default 'fake-keyring'. 'basic_text' makes it insecure unless `secure` says otherwise. */
  backend?: string;
  secure?: boolean;
  available?: boolean;
  /** Make every decrypt reject (a keyring reset, another machine). */
  failDecrypt?: boolean;
  /** Stands for the machine's key: ciphertext from another key does not decrypt. */
  key?: number;
}

export interface FakeCipher extends SecretCipher {
  failDecrypt: boolean;
  available: boolean;
  readonly calls: { encrypt: number; decrypt: number };
}

/**
 * Reversible and clearly not plaintext: each byte is XORed with a key-derived mask and the
 * result is prefixed with a marker, so neither the secret nor its base64 shows up in files.
 */
export function createFakeCipher(options: FakeCipherOptions = {}): FakeCipher {
  const backend = options.backend ?? 'fake-keyring';
  const key = options.key ?? 0x5a;
  const mask = (bytes: Uint8Array) => Buffer.from(bytes.map((b, i) => b ^ ((key + i * 31) & 0xff)));
  const cipher: FakeCipher = {
    backend,
    secure: options.secure ?? backend !== 'basic_text',
    failDecrypt: options.failDecrypt ?? false,
    available: options.available ?? true,
    calls: { encrypt: 0, decrypt: 0 },
    isAvailable: () => cipher.available,
    async encrypt(plain) {
      cipher.calls.encrypt++;
      if (!cipher.available) throw new Error('fake cipher unavailable');
      return Buffer.concat([MAGIC, Buffer.of(key), mask(Buffer.from(plain, 'utf8'))]);
    },
    async decrypt(data) {
      cipher.calls.decrypt++;
      const bytes = Buffer.from(data);
      if (cipher.failDecrypt || !cipher.available) throw new Error('fake cipher: decryption failed');
      if (!bytes.subarray(0, 4).equals(MAGIC) || bytes[4] !== key) throw new Error('fake cipher: not our ciphertext');
      return mask(bytes.subarray(5)).toString('utf8');
    },
  };
  return cipher;
}
