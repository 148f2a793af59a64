/**
 * The reports tab's own words, a catalog apart from the main one: only the reports chunk (loaded
 * when the tab opens) and main's CSV export use them, so they stay out of the first screen's
 * bundle. Checked like the main catalog: en has exactly the zh-CN keys and placeholders.
 */
import type { Language } from './language';
import type { MatchingCatalog, Placeholders } from './placeholders';
import { reportWordsEn } from './catalog/report-words.en';
import { reportWordsZhCN } from './catalog/report-words.zh-CN';

export type ReportWordKey = keyof typeof reportWordsZhCN;

const en: MatchingCatalog<typeof reportWordsZhCN, typeof reportWordsEn> & Record<keyof typeof reportWordsEn, string> = reportWordsEn;
export const REPORT_WORDS: Readonly<Record<Language, Readonly<Record<ReportWordKey, string>>>> = { 'zh-CN': reportWordsZhCN, en };

export type WordParams<K extends ReportWordKey> = [Placeholders<(typeof reportWordsZhCN)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof reportWordsZhCN)[K]>, string | number>];

/** One report word in `lang`, its `{placeholders}` filled. */
export function reportWord<K extends ReportWordKey>(lang: Language, key: K, ...[params]: WordParams<K>): string {
  const template: string = REPORT_WORDS[lang][key] ?? REPORT_WORDS['zh-CN'][key];
  if (!params) return template;
  const values = params as Record<string, string | number>;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole));
}
