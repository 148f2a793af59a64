/**
 * Where the hub sign-in is kept: the token encrypted with the same cipher as the AppSecret
 * (safeStorage in the app), next to it in the vault file, with the same refusal on insecure
 * backends (Linux basic_text) unless the user accepted the risk. The password is never stored:
 * it is sent once to the hub and forgotten. The token leaves this module only towards the hub
 * client; nothing here is wired to IPC.
 */
import { msg } from '../../shared/i18n';
import { failWith, success, type Failure, type Result } from '../../shared/result';
import type { HubMode, TeamRole } from '../../shared/team';
import type { KeyValueStore } from '../stores/kv-store';
import type { SecretCipher } from '../vault/cipher';

const RECORD_KEY = 'teamSession';

/** What is remembered about the sign-in, without the token. */
export interface TeamIdentity {
  hubUrl: string;
  username: string;
  role: TeamRole;
  phone: string;
  hubMode: HubMode;
}

interface TeamRecord extends TeamIdentity {
  tokenCiphertext: string;
  plaintextRiskAccepted: boolean;
}

export interface TeamVault {
  /** Refuses before anything is sent to the hub: no use signing in if the token cannot be kept. */
  canStore(acceptPlaintextRisk: boolean): Failure | null;
  save(identity: TeamIdentity, token: string, acceptPlaintextRisk: boolean): Promise<Result>;
  identity(): TeamIdentity | undefined;
  /** The signed-in user's phone as the hub now has it (an admin changed it). */
  setPhone(phone: string): Result;
  /** For the hub client only. null when nothing is stored or it cannot be decrypted. */
  token(): Promise<string | null>;
  clear(): Result;
  readonly backend: string;
  readonly backendSecure: boolean;
}

const ROLES: readonly string[] = ['admin', 'supervisor', 'dispatcher'];

function read(store: KeyValueStore): TeamRecord | undefined {
  const raw = store.get<Record<string, unknown>>(RECORD_KEY);
  if (typeof raw !== 'object' || raw === null) return undefined;
  const ok =
    typeof raw.hubUrl === 'string' &&
    typeof raw.username === 'string' &&
    typeof raw.role === 'string' &&
    ROLES.includes(raw.role) &&
    typeof raw.tokenCiphertext === 'string' &&
    raw.tokenCiphertext !== '';
  if (!ok) return undefined;
  return {
    hubUrl: raw.hubUrl as string,
    username: raw.username as string,
    role: raw.role as TeamRole,
    phone: typeof raw.phone === 'string' ? raw.phone : '',
    hubMode: raw.hubMode === 'production' ? 'production' : 'sandbox',
    tokenCiphertext: raw.tokenCiphertext as string,
    plaintextRiskAccepted: raw.plaintextRiskAccepted === true,
  };
}

export function createTeamVault({ cipher, store }: { cipher: SecretCipher; store: KeyValueStore }): TeamVault {
  const failed = () => failWith('storage', msg('team.vault.failed', { backend: cipher.backend }));
  return {
    backend: cipher.backend,
    backendSecure: cipher.secure,
    canStore(acceptPlaintextRisk) {
      if (!cipher.isAvailable()) return failWith('storage', msg('team.vault.unavailable', { backend: cipher.backend }));
      if (!cipher.secure && !acceptPlaintextRisk) return failWith('storage', msg('team.vault.insecureBackend', { backend: cipher.backend }));
      return null;
    },
    async save(identity, token, acceptPlaintextRisk) {
      const refused = this.canStore(acceptPlaintextRisk);
      if (refused) return refused;
      let tokenCiphertext: string;
      try {
        const encrypted = await cipher.encrypt(token);
        if ((await cipher.decrypt(encrypted)) !== token) return failed();
        tokenCiphertext = Buffer.from(encrypted).toString('base64');
      } catch {
        return failed();
      }
      const record: TeamRecord = { ...identity, tokenCiphertext, plaintextRiskAccepted: !cipher.secure && acceptPlaintextRisk };
      try {
        store.set(RECORD_KEY, record);
      } catch {
        return failed();
      }
      return success({});
    },
    setPhone(phone) {
      const r = read(store);
      if (!r) return success({});
      try {
        store.set(RECORD_KEY, { ...r, phone });
      } catch {
        return failed();
      }
      return success({});
    },
    identity() {
      const r = read(store);
      if (!r) return undefined;
      const { tokenCiphertext: _t, plaintextRiskAccepted: _p, ...identity } = r;
      return identity;
    },
    async token() {
      const r = read(store);
      if (!r) return null;
      try {
        return await cipher.decrypt(Buffer.from(r.tokenCiphertext, 'base64'));
      } catch {
        return null;
      }
    },
    clear() {
      try {
        store.delete(RECORD_KEY);
      } catch {
        return failed();
      }
      return success({});
    },
  };
}
