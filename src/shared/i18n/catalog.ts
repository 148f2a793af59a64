/**
 * The one catalog of user-facing words: the renderer's labels and every sentence main or shared
 * code produces (failures, input problems, CSV headers). zh-CN is the reference; en must have the
 * same keys and the same placeholders in each template, which the compiler checks (catalog-en.ts).
 *
 * Main, the hub and the tests use this module, with both languages in it. The renderer's build
 * puts catalog.renderer.ts in its place (electron.vite.config.ts), which loads English on demand.
 */
import type { Language } from './language';
import { en } from './catalog-en';
import { zhCN, type MessageKey } from './catalog-zh';

export { MESSAGE_KEYS, zhCN, type MessageKey } from './catalog-zh';

export const CATALOGS: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { 'zh-CN': zhCN, en };

/** Both languages are always here; the renderer's variant loads English first. */
export function loadCatalog(_lang: Language): Promise<void> {
  return Promise.resolve();
}
