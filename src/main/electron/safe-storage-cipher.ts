import { safeStorage } from 'electron';
import type { SecretCipher } from '../vault/cipher';

/**
 * The parts of Electron's safeStorage we touch, all optional: the sync API is deprecated in
 * Electron 45 and removed in 46, the async one is new, so each call is feature-detected.
 */
export type SafeStorageApi = Partial<
  Pick<
    Electron.SafeStorage,
    | 'isAsyncEncryptionAvailable'
    | 'encryptStringAsync'
    | 'decryptStringAsync'
    | 'isEncryptionAvailable'
    | 'encryptString'
    | 'decryptString'
    | 'getSelectedStorageBackend'
  >
>;

/**
 * Linux backends that protect nothing: `basic_text` encrypts with a hard-coded password, and
 * `unknown` means we cannot tell (asked before `ready`), so we assume the worst.
 */
const INSECURE_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

function backendName(api: SafeStorageApi, platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'dpapi';
  if (platform === 'darwin') return 'keychain';
  if (platform === 'linux') return api.getSelectedStorageBackend?.() ?? 'unknown';
  return 'unknown';
}

/** Wraps a safeStorage-like object; exported so tests can drive it with a fake. */
export function cipherFromSafeStorage(api: SafeStorageApi, platform: NodeJS.Platform): SecretCipher {
  const hasAsync = typeof api.encryptStringAsync === 'function' && typeof api.decryptStringAsync === 'function';
  const hasSync = typeof api.encryptString === 'function' && typeof api.decryptString === 'function';

  // The async encryptor initialises lazily; start now so the answer is usually in by the time
  // anyone asks, and make encrypt/decrypt wait for it.
  let asyncAvailable: boolean | undefined;
  const asyncReady: Promise<boolean> = !hasAsync
    ? Promise.resolve(false)
    : (api.isAsyncEncryptionAvailable?.() ?? Promise.resolve(true)).then(
        (available) => (asyncAvailable = available),
        () => (asyncAvailable = false),
      );

  async function ensureAvailable(): Promise<void> {
    const available = hasAsync ? await asyncReady : (api.isEncryptionAvailable?.() ?? false);
    if (!available) throw new Error('safeStorage encryption is not available');
  }

  return {
    // Getters: the Linux backend is chosen at `ready`, so read it when asked, not when built.
    get backend() {
      return backendName(api, platform);
    },
    get secure() {
      if (platform === 'win32' || platform === 'darwin') return true;
      return !INSECURE_LINUX_BACKENDS.has(backendName(api, platform));
    },
    isAvailable() {
      if (!hasAsync) return hasSync && (api.isEncryptionAvailable?.() ?? false);
      // Until the async probe answers, the sync check (where it still exists) is the best guess.
      return asyncAvailable ?? api.isEncryptionAvailable?.() ?? true;
    },
    async encrypt(plain) {
      await ensureAvailable();
      if (hasAsync) return api.encryptStringAsync!(plain);
      if (hasSync) return api.encryptString!(plain);
      throw new Error('safeStorage offers no encrypt function');
    },
    async decrypt(data) {
      await ensureAvailable();
      const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      // shouldReEncrypt (key rotation) is ignored: the old ciphertext keeps decrypting, and the
      // vault writes a fresh one whenever the user saves.
      if (hasAsync) return (await api.decryptStringAsync!(buffer)).result;
      if (hasSync) return api.decryptString!(buffer);
      throw new Error('safeStorage offers no decrypt function');
    },
  };
}

/** The app's real cipher. Create after `app.whenReady()`: before it, Linux reports `unknown`. */
export function createSafeStorageCipher(): SecretCipher {
  return cipherFromSafeStorage(safeStorage, process.platform);
}
