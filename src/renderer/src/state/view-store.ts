/**
 * How the window looks, chosen per desk and kept across restarts: the colour theme (following the
 * system unless the dispatcher picks one) and large text for wall screens. A renderer preference,
 * not a setting main needs, so it lives in the window's own storage (the app:// origin is stable).
 * Applied as attributes on <html> (never inline styles: the CSP forbids them); styles.css does the rest.
 */
import { create } from 'zustand';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const STORAGE_KEY = 'dispatch.view';

interface Persisted {
  theme: ThemeChoice;
  largeText: boolean;
}

export interface ViewState extends Persisted {
  /** What the system asks for (prefers-color-scheme), followed when `theme` is 'system'. */
  systemDark: boolean;
  setTheme(theme: ThemeChoice): void;
  setLargeText(on: boolean): void;
  /** For the media-query listener. */
  setSystemDark(dark: boolean): void;
}

/** Reads what was saved; anything unreadable (another version, a hand edit) falls back to the defaults. */
export function parseView(raw: string | null): Persisted {
  const fallback: Persisted = { theme: 'system', largeText: false };
  if (!raw) return fallback;
  try {
    const v = JSON.parse(raw) as Partial<Persisted> | null;
    return {
      theme: THEME_CHOICES.includes(v?.theme as ThemeChoice) ? (v!.theme as ThemeChoice) : fallback.theme,
      largeText: v?.largeText === true,
    };
  } catch {
    return fallback;
  }
}

export function resolvedTheme(s: Pick<ViewState, 'theme' | 'systemDark'>): 'light' | 'dark' {
  return s.theme === 'system' ? (s.systemDark ? 'dark' : 'light') : s.theme;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

export const useViewStore = create<ViewState>((set, get) => {
  const save = () => {
    const { theme, largeText } = get();
    try {
      storage()?.setItem(STORAGE_KEY, JSON.stringify({ theme, largeText }));
    } catch {
      // A full or disabled storage only means the choice is not remembered.
    }
  };
  return {
    ...parseView(storage()?.getItem(STORAGE_KEY) ?? null),
    systemDark: darkQuery?.matches ?? false,
    setTheme(theme) {
      set({ theme });
      save();
    },
    setLargeText(largeText) {
      set({ largeText });
      save();
    },
    setSystemDark(systemDark) {
      set({ systemDark });
    },
  };
});

function apply(s: ViewState): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.dataset.theme = resolvedTheme(s);
  root.dataset.textSize = s.largeText ? 'large' : 'normal';
}

// Applied before React's first paint (this module loads with the app), then on every change.
apply(useViewStore.getState());
useViewStore.subscribe(apply);
darkQuery?.addEventListener('change', (e) => useViewStore.getState().setSystemDark(e.matches));
