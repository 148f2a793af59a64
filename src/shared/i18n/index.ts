/**
 * Messages as data: main and shared code say *which* sentence (a catalog key) with *what* in it
 * (parameters); the renderer and the CSV export turn that into words in the language asked for.
 * Nothing in main picks a language except when it writes a file for the dispatcher.
 */
import { CATALOGS, MESSAGE_KEYS, type MessageKey, zhCN } from './catalog';
import type { Language } from './language';
import type { Placeholders } from './placeholders';

export { CATALOGS, MESSAGE_KEYS, loadCatalog, type MessageKey } from './catalog';
export { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from './language';

/** A parameter is a value shown as is, or another message formatted in the same language. */
export type MessageParam = string | number | Message;

/** A sentence to show: plain data, so it crosses IPC, the preview bridge and the call log file. */
export interface Message {
  key: MessageKey;
  params?: Record<string, MessageParam>;
}

export type ParamName<K extends MessageKey> = Placeholders<(typeof zhCN)[K]>;

/** Keys whose template has no placeholder: safe to pass around as a bare key. */
export type PlainKey = { [K in MessageKey]: [ParamName<K>] extends [never] ? K : never }[MessageKey];

/** The parameters `key` takes: none (argument optional), or exactly its placeholders. */
export type ParamArgs<K extends MessageKey> = [ParamName<K>] extends [never]
  ? [params?: Record<string, never>]
  : [params: { [P in ParamName<K>]: MessageParam }];

/** Builds a message; the compiler checks the parameters against the zh-CN template. */
export function msg<K extends MessageKey>(key: K, ...[params]: ParamArgs<K>): Message {
  return params && Object.keys(params).length > 0 ? { key, params: params as Record<string, MessageParam> } : { key };
}

const known = new Set<string>(MESSAGE_KEYS);

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && known.has(key);
}

/** A message that can be formatted: its key (and every nested key) exists in this version's catalog. */
export function isMessage(v: unknown): v is Message {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as { key?: unknown; params?: unknown };
  if (!isMessageKey(m.key)) return false;
  if (m.params === undefined) return true;
  if (typeof m.params !== 'object' || m.params === null) return false;
  return Object.values(m.params).every((p) => typeof p === 'string' || typeof p === 'number' || isMessage(p));
}

const MAX_DEPTH = 8;

/** The words of a message. A placeholder without a value stays visible as `{name}` rather than vanishing. */
export function formatMessage(lang: Language, m: Message, depth = 0): string {
  const template: string | undefined = CATALOGS[lang][m.key] ?? CATALOGS['zh-CN'][m.key];
  if (template === undefined) return m.key;
  const params = m.params;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const v = params[name];
    if (typeof v === 'object' && v !== null) return depth < MAX_DEPTH ? formatMessage(lang, v, depth + 1) : '';
    return String(v);
  });
}

/** Looks up one key and fills its placeholders (the renderer's `t`). */
export function translate<K extends MessageKey>(lang: Language, key: K, ...[params]: ParamArgs<K>): string {
  return formatMessage(lang, { key, params: params as Record<string, MessageParam> | undefined });
}
