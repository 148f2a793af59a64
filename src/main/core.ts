/**
 * Wires main's services into the contract's handlers. Plain Node: Electron's entry point
 * (index.ts), the browser preview server and the tests all build the app through this function,
 * so what the tests exercise is what the app runs.
 */
import type { Mode } from '../shared/domain';
import { success } from '../shared/result';
import { createCallService } from './calls/call-service';
import { createCredentialSource } from './calls/credential-source';
import type { OperationHandlers } from './ipc/operations';
import type { Logger } from './log';
import { createSandbox, type Sandbox } from './sandbox/sandbox';
import { createSettingsService } from './settings/settings-service';
import type { KeyValueStore } from './stores/kv-store';
import type { SecretCipher } from './vault/cipher';
import { createVault } from './vault/vault';

export interface CoreDeps {
  settingsStore: KeyValueStore;
  vaultStore: KeyValueStore;
  cipher: SecretCipher;
  log: Logger;
  /** Tests pass a sandbox with fast progress; the app uses the default. */
  sandbox?: Sandbox;
  timeoutMs?: number;
}

export interface DispatchCore {
  handlers: OperationHandlers;
  close(): Promise<void>;
}

export function createDispatchCore(deps: CoreDeps): DispatchCore {
  const settings = createSettingsService(deps.settingsStore);
  const vault = createVault({ cipher: deps.cipher, store: deps.vaultStore });
  const sandbox = deps.sandbox ?? createSandbox();
  const calls = createCallService({
    settings: settings.get,
    credentials: createCredentialSource({ vault, sandbox, log: deps.log }),
    log: deps.log,
    timeoutMs: deps.timeoutMs,
  });

  const switchMode = (mode: Mode) => {
    if (settings.get().mode !== mode) settings.set({ mode });
  };
  const accountStatus = async () => success({ account: await vault.status(settings.get().mode) });

  const handlers: OperationHandlers = {
    startCall: (req) => calls.startCall(req),
    startConf: (req) => calls.startConf(req),
    querySession: (req) => calls.querySession(req),
    accountStatus,
    async accountSave(req) {
      const saved = await vault.save(req);
      if (!saved.ok) return saved;
      deps.log.info('account.saved', {});
      // Sandbox is the default only until a real account exists.
      switchMode('production');
      return accountStatus();
    },
    async accountClear() {
      await vault.clear();
      deps.log.info('account.cleared', {});
      switchMode('sandbox');
      return accountStatus();
    },
    accountCheck: () => calls.checkAccount(),
    settingsGet: async () => success({ settings: settings.get() }),
    settingsSet: async (patch) => settings.set(patch),
  };

  return {
    handlers,
    close: () => sandbox.close(),
  };
}
