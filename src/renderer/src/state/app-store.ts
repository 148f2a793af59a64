/**
 * The renderer's view of main's settings and account, plus app-wide UI state (tab, overlays,
 * storage notices). Main stays the authority: every change goes through the bridge and the store
 * keeps what main answered.
 */
import { create } from 'zustand';
import type { AccountStatus, AppNotice, Settings } from '../../../shared/domain';
import type { Failure, Language } from '../../../shared/result';
import { invoke } from '../bridge';
import { loadCatalog } from '../i18n';

/**
 * Settings once the words of their language are here: English is a chunk of its own
 * (shared/i18n/catalog.renderer.ts), so nothing is shown in English before it loaded. Should
 * the chunk fail to load, the words fall back to zh-CN rather than leave the window empty.
 */
async function withWords(settings: Settings): Promise<Settings> {
  await loadCatalog(settings.language).catch(() => undefined);
  return settings;
}

/** `board`: the supervisor's live board, in team mode only. */
export type Tab = 'contacts' | 'log' | 'reports' | 'settings' | 'board';

export interface AppState {
  settings: Settings | null;
  account: AccountStatus | null;
  loadError: Failure | null;
  tab: Tab;
  helpOpen: boolean;
  notices: AppNotice[];
  load(): Promise<void>;
  saveSettings(patch: Partial<Settings>): Promise<Failure | null>;
  /** Resolves once the settings main changed with the account (the mode) are read back. */
  setAccount(account: AccountStatus): Promise<void>;
  setTab(tab: Tab): void;
  setHelpOpen(open: boolean): void;
  loadNotices(): Promise<void>;
  /** One notice main just reported (`noticeAdded`). */
  addNotice(notice: AppNotice): void;
  dismissNotices(): void;
}

/** Notices already dismissed this session (by kind + file + time), so a reload does not bring them back. */
const dismissed = new Set<string>();
const noticeKey = (n: AppNotice) => `${n.kind}|${n.file}|${n.at}`;

export const useAppStore = create<AppState>((set, get) => ({
  settings: null,
  account: null,
  loadError: null,
  tab: 'contacts',
  helpOpen: false,
  notices: [],
  async load() {
    const [settings, account] = await Promise.all([invoke('settingsGet', {}), invoke('accountStatus', {})]);
    if (!settings.ok) return set({ loadError: settings });
    if (!account.ok) return set({ loadError: account });
    set({ settings: await withWords(settings.settings), account: account.account, loadError: null });
  },
  async saveSettings(patch) {
    const result = await invoke('settingsSet', patch);
    if (!result.ok) return result;
    set({ settings: await withWords(result.settings) });
    // Mode changes what the account status reports.
    const account = await invoke('accountStatus', {});
    if (account.ok) set({ account: account.account });
    return null;
  },
  async setAccount(account) {
    set({ account });
    // Saving or clearing an account switches the mode in main; pick that up.
    const r = await invoke('settingsGet', {});
    if (r.ok) set({ settings: await withWords(r.settings) });
  },
  setTab(tab) {
    if (get().tab !== tab) set({ tab });
  },
  setHelpOpen(open) {
    set({ helpOpen: open });
  },
  async loadNotices() {
    // Notices are advisory: a failure (or a main without the handler) just shows none.
    const r = await invoke('noticesList', {});
    if (!r.ok) return;
    // A `noticeAdded` event can arrive while this read is under way: merge, never drop one.
    const merged = [...r.notices];
    for (const n of get().notices) if (!merged.some((m) => noticeKey(m) === noticeKey(n))) merged.push(n);
    set({ notices: merged.filter((n) => !dismissed.has(noticeKey(n))) });
  },
  addNotice(notice) {
    // Also arrives in a later noticesList (a re-sync): keep one of each.
    if (dismissed.has(noticeKey(notice))) return;
    if (get().notices.some((n) => noticeKey(n) === noticeKey(notice))) return;
    set({ notices: [...get().notices, notice] });
  },
  dismissNotices() {
    for (const n of get().notices) dismissed.add(noticeKey(n));
    set({ notices: [] });
  },
}));

export function useLanguage(): Language {
  return useAppStore((s) => s.settings?.language ?? 'zh-CN');
}

export function currentLanguage(): Language {
  return useAppStore.getState().settings?.language ?? 'zh-CN';
}
