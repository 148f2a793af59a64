/**
 * The renderer's view of main's state. Main stays the authority: every change goes through the
 * bridge and the store keeps what main answered.
 */
import { create } from 'zustand';
import type { AccountStatus, Settings } from '../../../shared/domain';
import type { Failure, Language } from '../../../shared/result';
import { bridge } from '../bridge';

export interface AppState {
  settings: Settings | null;
  account: AccountStatus | null;
  loadError: Failure | null;
  load(): Promise<void>;
  saveSettings(patch: Partial<Settings>): Promise<Failure | null>;
  setAccount(account: AccountStatus): void;
}

export const useAppStore = create<AppState>((set) => ({
  settings: null,
  account: null,
  loadError: null,
  async load() {
    const [settings, account] = await Promise.all([bridge().settingsGet({}), bridge().accountStatus({})]);
    if (!settings.ok) return set({ loadError: settings });
    if (!account.ok) return set({ loadError: account });
    set({ settings: settings.settings, account: account.account, loadError: null });
  },
  async saveSettings(patch) {
    const result = await bridge().settingsSet(patch);
    if (!result.ok) return result;
    set({ settings: result.settings });
    // Mode changes what the account status reports.
    const account = await bridge().accountStatus({});
    if (account.ok) set({ account: account.account });
    return null;
  },
  setAccount(account) {
    set({ account });
    // Saving or clearing an account switches the mode in main; pick that up.
    void bridge()
      .settingsGet({})
      .then((r) => r.ok && set({ settings: r.settings }));
  },
}));

export function useLanguage(): Language {
  return useAppStore((s) => s.settings?.language ?? 'zh-CN');
}
