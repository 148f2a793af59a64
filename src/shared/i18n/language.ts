/** The UI languages. zh-CN is the default everywhere a language is not given. */
export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function isLanguage(v: unknown): v is Language {
  return v === 'zh-CN' || v === 'en';
}
