/**
 * What the vault needs from an encryption backend. Electron's safeStorage, the browser preview's
 * in-memory key and the tests' fake all fit behind it, so the vault itself runs in plain Node.
 */
export interface SecretCipher {
  /** Backend name shown to the user (`gnome_libsecret`, `basic_text`, `dpapi`, `keychain`, …). */
  readonly backend: string;
  /**
   * false when the "encryption" uses a key anyone can know (Linux `basic_text`): the vault then
   * refuses to store unless the user explicitly accepts the risk.
   */
  readonly secure: boolean;
  /** Whether encrypt/decrypt can work right now (keyring present and unlocked, app ready). */
  isAvailable(): boolean;
  /** Rejects when encryption fails; never returns the plaintext in any form. */
  encrypt(plain: string): Promise<Uint8Array>;
  /** Rejects when the data cannot be decrypted (other machine, keyring reset, tampering). */
  decrypt(data: Uint8Array): Promise<string>;
}
