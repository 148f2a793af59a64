/**
 * What a failure, an explanation or a message says in one language, formatted from the catalog
 * exactly as the renderer does. undefined when there is no catalog message at all, so a test that
 * expects words fails when a failure comes back without any.
 */
import { formatMessage, isMessage, type Language, type Message } from '../../src/shared/i18n';

export function words(x: unknown, lang: Language): string | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const m: unknown = 'key' in x ? x : (x as { detail?: Message }).detail;
  if (m === undefined) return undefined;
  if (!isMessage(m)) throw new Error(`not a catalog message: ${JSON.stringify(m)}`);
  return formatMessage(lang, m);
}
