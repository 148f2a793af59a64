import type { Language } from '../../../shared/result';
import { en } from './en';
import { zhCN, type MessageKey, type Messages } from './zh-CN';

export type { MessageKey };

const catalogs: Record<Language, Messages> = { 'zh-CN': zhCN, en };

/** Looks up a UI string and fills `{name}` placeholders. */
export function translate(lang: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogs[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
