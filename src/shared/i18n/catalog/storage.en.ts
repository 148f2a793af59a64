/** English twin of storage.zh-CN.ts (same keys, same placeholders: the compiler checks). */
export const storageEn = {
  'storage.writeFailed': 'Could not write the data file (disk full or no permission?); the change was not saved.',
  'vault.insecureBackend':
    'This computer has no usable system keyring (storage backend: {backend}), so the AppSecret could only be encrypted with a fixed, publicly known key — effectively stored in plain text. Set up a keyring (e.g. GNOME Keyring or KWallet) and restart the app, or explicitly accept the plain-text risk and save again.',
  'vault.unavailable':
    'Secure storage is not available right now (storage backend: {backend}); the AppSecret was not saved. Make sure the system keyring is unlocked and try again.',
  'vault.encryptFailed': 'Encrypting the AppSecret failed (storage backend: {backend}); nothing was saved. Make sure the system keyring works and try again.',
  'vault.writeFailed': 'Writing the credentials file failed (disk full or no write permission?); the AppSecret was not saved.',
  'vault.appKeyFormat': 'AppKey must be 1–64 letters or digits.',
  'vault.appSecretFormat': 'AppSecret must be 1–128 printable ASCII characters without spaces.',
  'ipc.forbiddenSender': 'Request refused: it did not come from the app window.',
  'ipc.unknownOperation': 'Unknown operation.',
  'ipc.invalidRequest': 'Invalid request ({detail}).',
  'ipc.internal': 'Internal error; the request was not completed.',
  'callRule.notConfigured': 'No production account yet: enter the AppKey and AppSecret in Settings, or switch to Sandbox mode.',
  'callRule.inFlight': 'The same call is already being submitted.',
  'callRule.repeatedCall': 'The same call was just requested; it was not sent again. Wait {seconds} s to repeat it on purpose.',
  'callRule.repeatedConf': 'The same conference was just requested; it was not sent again. Wait {seconds} s to repeat it on purpose.',
} as const;
