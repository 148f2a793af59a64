/**
 * The renderer's catalog.ts (electron.vite.config.ts resolves `./catalog` here in the renderer
 * build only): zh-CN, the default, is in the first screen's bundle; English is a chunk of its own
 * (about 18 KB gzipped), loaded by loadCatalog before anything is shown in English (the app store
 * waits for it before it takes a language from the settings). Until then English falls back to
 * zh-CN key by key, as formatMessage does for any missing key.
 */
import type { Language } from './language';
import { zhCN, type MessageKey } from './catalog-zh';

export { MESSAGE_KEYS, zhCN, type MessageKey } from './catalog-zh';

const enLoaded: Record<string, string> = {};

export const CATALOGS: Readonly<Record<Language, Readonly<Partial<Record<MessageKey, string>>>>> = { 'zh-CN': zhCN, en: enLoaded };

let enLoading: Promise<void> | null = null;

/** Resolves once `lang`'s words are in CATALOGS. A failed load is retried on the next call. */
export function loadCatalog(lang: Language): Promise<void> {
  if (lang !== 'en') return Promise.resolve();
  enLoading ??= import('./catalog-en').then(
    (m) => void Object.assign(enLoaded, m.en),
    (error: unknown) => {
      enLoading = null;
      throw error;
    },
  );
  return enLoading;
}
