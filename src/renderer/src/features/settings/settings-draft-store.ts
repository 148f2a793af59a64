/**
 * The settings page's edits, kept apart from what main saved, so that one Save button can save
 * every section and nothing typed is lost on the way: not when saving the account switches the
 * mode (main's settings are read back under the drafts), not when the dispatcher changes tab, not
 * when one section fails (its edits and its error stay, the others are saved).
 *
 * Each section keeps only what the dispatcher changed. A section is saved when it has changes; all
 * patches are taken before the first request, so what one save changes in main (accountSave
 * switches to production) cannot turn an untouched field of another section into an "edit".
 *
 * A new section (e.g. Team) adds its draft here and one entry to `sectionSavers`.
 */
import { create } from 'zustand';
import type { DesktopSettings, DesktopSettingsView, Settings } from '../../../../shared/domain';
import type { Failure } from '../../../../shared/result';
import { invoke } from '../../bridge';
import { useAppStore } from '../../state/app-store';

export interface AccountDraft {
  appKey: string;
  /** Write-only: cleared after every save attempt, never read back from main. */
  appSecret: string;
  /** The API address as typed; null while untouched (the saved one is shown). */
  baseUrl: string | null;
  acceptRisk: boolean;
}

export type SectionId = 'account' | 'general' | 'desktop';

const EMPTY_ACCOUNT: AccountDraft = Object.freeze({ appKey: '', appSecret: '', baseUrl: null, acceptRisk: false });

export interface SettingsDraftState {
  general: Partial<Settings>;
  account: AccountDraft;
  desktop: Partial<DesktopSettings>;
  /** The desktop settings as main last answered (with where they apply); null until loaded. */
  desktopSaved: DesktopSettingsView | null;
  errors: Partial<Record<SectionId, Failure>>;
  saving: boolean;
  /** What the last Save did, for the save bar; reset by the next edit. */
  outcome: 'saved' | 'partial' | 'failed' | 'nothing' | null;
  editGeneral<K extends keyof Settings>(key: K, value: Settings[K]): void;
  editAccount(patch: Partial<AccountDraft>): void;
  editDesktop<K extends keyof DesktopSettings>(key: K, value: DesktopSettings[K]): void;
  loadDesktop(): Promise<void>;
  /** After the account was cleared: forget what was typed for it. */
  resetAccount(): void;
  setError(section: SectionId, failure: Failure | null): void;
  saveAll(): Promise<void>;
}

/** The fields whose draft differs from what main saved. */
export function generalPatch(draft: Partial<Settings>, saved: Settings): Partial<Settings> {
  const patch: Partial<Settings> = {};
  for (const key of Object.keys(draft) as (keyof Settings)[]) {
    if (draft[key] !== undefined && draft[key] !== saved[key]) (patch as Record<string, unknown>)[key] = draft[key];
  }
  return patch;
}

export function desktopPatch(draft: Partial<DesktopSettings>, saved: DesktopSettings | undefined): Partial<DesktopSettings> {
  if (!saved) return {};
  const patch: Partial<DesktopSettings> = {};
  for (const key of Object.keys(draft) as (keyof DesktopSettings)[]) {
    if (draft[key] !== undefined && draft[key] !== saved[key]) (patch as Record<string, unknown>)[key] = draft[key];
  }
  return patch;
}

export function accountDirty(draft: AccountDraft, savedBaseUrl: string): boolean {
  return draft.appKey.trim() !== '' || draft.appSecret !== '' || (draft.baseUrl !== null && draft.baseUrl !== savedBaseUrl);
}

/** One section's pending save, prepared before any request goes out. */
interface PreparedSave {
  section: SectionId;
  run(): Promise<Failure | null>;
}

export const useSettingsDraftStore = create<SettingsDraftState>((set, get) => {
  const prepareAccount = (saved: Settings): PreparedSave | null => {
    const draft = get().account;
    if (!accountDirty(draft, saved.baseUrl)) return null;
    return {
      section: 'account',
      async run() {
        const result = await invoke('accountSave', {
          appKey: draft.appKey.trim(),
          appSecret: draft.appSecret,
          acceptPlaintextRisk: draft.acceptRisk || undefined,
          ...(draft.baseUrl !== null && draft.baseUrl !== saved.baseUrl ? { baseUrl: draft.baseUrl } : {}),
        });
        // The typed secret leaves the page whatever happened; it lives only in main's vault now.
        set({ account: { ...get().account, appSecret: '' } });
        if (!result.ok) return result;
        set({ account: EMPTY_ACCOUNT });
        await useAppStore.getState().setAccount(result.account);
        return null;
      },
    };
  };

  const prepareGeneral = (saved: Settings): PreparedSave | null => {
    const patch = generalPatch(get().general, saved);
    if (Object.keys(patch).length === 0) return null;
    return {
      section: 'general',
      async run() {
        const problem = await useAppStore.getState().saveSettings(patch);
        if (problem) return problem;
        // Keep a field edited again while the request was under way.
        const rest = { ...get().general };
        for (const key of Object.keys(patch) as (keyof Settings)[]) if (rest[key] === patch[key]) delete rest[key];
        set({ general: rest });
        return null;
      },
    };
  };

  const prepareDesktop = (): PreparedSave | null => {
    const patch = desktopPatch(get().desktop, get().desktopSaved?.settings);
    if (Object.keys(patch).length === 0) return null;
    return {
      section: 'desktop',
      async run() {
        const result = await invoke('desktopSettingsSet', patch);
        if (!result.ok) return result;
        const rest = { ...get().desktop };
        for (const key of Object.keys(patch) as (keyof DesktopSettings)[]) if (rest[key] === patch[key]) delete rest[key];
        set({ desktop: rest, desktopSaved: result.desktop });
        return null;
      },
    };
  };

  /** In saving order: the account first, so that the mode it switches to is read back before the rest. */
  const sectionSavers: Array<(saved: Settings) => PreparedSave | null> = [prepareAccount, prepareGeneral, prepareDesktop];

  return {
    general: {},
    account: EMPTY_ACCOUNT,
    desktop: {},
    desktopSaved: null,
    errors: {},
    saving: false,
    outcome: null,
    editGeneral(key, value) {
      set({ general: { ...get().general, [key]: value }, outcome: null });
    },
    editAccount(patch) {
      set({ account: { ...get().account, ...patch }, outcome: null });
    },
    editDesktop(key, value) {
      set({ desktop: { ...get().desktop, [key]: value }, outcome: null });
    },
    async loadDesktop() {
      const result = await invoke('desktopSettingsGet', {});
      if (result.ok) set({ desktopSaved: result.desktop });
      else set({ errors: { ...get().errors, desktop: result } });
    },
    resetAccount() {
      set({ account: EMPTY_ACCOUNT, errors: { ...get().errors, account: undefined } });
    },
    setError(section, failure) {
      set({ errors: { ...get().errors, [section]: failure ?? undefined } });
    },
    async saveAll() {
      const saved = useAppStore.getState().settings;
      if (!saved || get().saving) return;
      const prepared = sectionSavers.map((prepare) => prepare(saved)).filter((p): p is PreparedSave => p !== null);
      if (prepared.length === 0) return set({ outcome: 'nothing' });
      set({ saving: true, outcome: null });
      const errors: Partial<Record<SectionId, Failure>> = {};
      let failed = 0;
      for (const save of prepared) {
        const problem = await save.run();
        if (problem) {
          errors[save.section] = problem;
          failed += 1;
        }
      }
      set({ saving: false, errors, outcome: failed === 0 ? 'saved' : failed === prepared.length ? 'failed' : 'partial' });
    },
  };
});

/** Whether anything on the page is not saved yet. */
export function useSettingsDirty(): boolean {
  const saved = useAppStore((s) => s.settings);
  return useSettingsDraftStore(
    (s) =>
      saved !== null &&
      (Object.keys(generalPatch(s.general, saved)).length > 0 ||
        accountDirty(s.account, saved.baseUrl) ||
        Object.keys(desktopPatch(s.desktop, s.desktopSaved?.settings)).length > 0),
  );
}
