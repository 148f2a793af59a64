import type { AccountSaveRequest } from '../../shared/contract';
import type { AccountStatus, Mode } from '../../shared/domain';
import { success, type Result } from '../../shared/result';
import type { KeyValueStore } from '../stores/kv-store';
import type { SecretCipher } from './cipher';
import { isValidAppKey, maskAppKey, validateCredentials } from './vault-input';
import { encryptionFailedFailure, encryptionUnavailableFailure, insecureBackendFailure, writeFailedFailure } from './vault-failures';

/**
 * Everything the vault keeps on disk. One key holding one object, so the AppKey and its
 * ciphertext are replaced in a single file write and can never be half updated.
 */
interface VaultRecord {
  appKey: string;
  /** base64 of the cipher's output; the only form in which the secret ever reaches disk. */
  secretCiphertext: string;
  plaintextRiskAccepted: boolean;
}

const RECORD_KEY = 'appCredentials';

export interface Credentials {
  appKey: string;
  appSecret: string;
}

export interface Vault {
  status(mode: Mode): Promise<AccountStatus>;
  save(request: AccountSaveRequest): Promise<Result>;
  clear(): Promise<Result>;
  /**
   * For main's Yunxin client only — never wire this to IPC. null when nothing is stored or the
   * ciphertext cannot be decrypted; there is deliberately no plaintext fallback.
   */
  getCredentials(): Promise<Credentials | null>;
}

function readRecord(store: KeyValueStore): VaultRecord | 'absent' | 'malformed' {
  const raw = store.get<unknown>(RECORD_KEY);
  if (raw === undefined) return 'absent';
  if (typeof raw !== 'object' || raw === null) return 'malformed';
  const r = raw as Partial<Record<keyof VaultRecord, unknown>>;
  if (!isValidAppKey(r.appKey) || typeof r.secretCiphertext !== 'string' || r.secretCiphertext === '') {
    return 'malformed';
  }
  return { appKey: r.appKey, secretCiphertext: r.secretCiphertext, plaintextRiskAccepted: r.plaintextRiskAccepted === true };
}

export function createVault({ cipher, store }: { cipher: SecretCipher; store: KeyValueStore }): Vault {
  // Decryption outcome per ciphertext, so status() does not ask the keyring on every call.
  const decryptable = new Map<string, boolean>();

  async function tryDecrypt(secretCiphertext: string): Promise<string | null> {
    let secret: string | null;
    try {
      // No isAvailable() gate: an unavailable cipher rejects here too, and an async one may still be starting.
      secret = await cipher.decrypt(Buffer.from(secretCiphertext, 'base64'));
    } catch {
      // Swallowed on purpose: the error adds nothing the user can act on, and status() says "re-enter".
      secret = null;
    }
    decryptable.clear();
    decryptable.set(secretCiphertext, secret !== null);
    return secret;
  }

  return {
    async status(mode) {
      const base = { backend: cipher.backend, backendSecure: cipher.secure, mode };
      const record = readRecord(store);
      if (record === 'absent') {
        return { ...base, configured: false, plaintextRiskAccepted: false, needsReentry: false };
      }
      if (record === 'malformed') {
        return { ...base, configured: false, plaintextRiskAccepted: false, needsReentry: true };
      }
      const ok = decryptable.get(record.secretCiphertext) ?? (await tryDecrypt(record.secretCiphertext)) !== null;
      return {
        ...base,
        configured: true,
        appKeyMasked: maskAppKey(record.appKey),
        plaintextRiskAccepted: record.plaintextRiskAccepted,
        needsReentry: !ok,
      };
    },

    async save(request) {
      const input = validateCredentials(request);
      if ('ok' in input) return input;
      if (!cipher.isAvailable()) return encryptionUnavailableFailure(cipher.backend);
      if (!cipher.secure && request.acceptPlaintextRisk !== true) return insecureBackendFailure(cipher.backend);

      let secretCiphertext: string;
      try {
        const encrypted = await cipher.encrypt(input.appSecret);
        // Prove the round trip before replacing a working secret with one we could not read back.
        if ((await cipher.decrypt(encrypted)) !== input.appSecret) throw new Error('round trip mismatch');
        secretCiphertext = Buffer.from(encrypted).toString('base64');
      } catch {
        return encryptionFailedFailure(cipher.backend);
      }

      const record: VaultRecord = {
        appKey: input.appKey,
        secretCiphertext,
        plaintextRiskAccepted: !cipher.secure && request.acceptPlaintextRisk === true,
      };
      try {
        store.set(RECORD_KEY, record);
      } catch {
        return writeFailedFailure();
      }
      decryptable.clear();
      decryptable.set(secretCiphertext, true);
      return success({});
    },

    async clear() {
      try {
        store.delete(RECORD_KEY);
      } catch {
        return writeFailedFailure();
      }
      decryptable.clear();
      return success({});
    },

    async getCredentials() {
      const record = readRecord(store);
      if (typeof record === 'string') return null;
      // Always re-try: a keyring that was locked at startup may be unlocked now.
      const appSecret = await tryDecrypt(record.secretCiphertext);
      return appSecret === null ? null : { appKey: record.appKey, appSecret };
    },
  };
}
