import { useCallback } from 'react';
import { reportWord, type ReportWordKey, type WordParams } from '../../../../shared/i18n/report-words';
import { useLanguage } from '../../state/app-store';

/** `w(key, params)`: a reports word in the current UI language (the reports tab's own catalog). */
export function useReportWord() {
  const lang = useLanguage();
  return useCallback(<K extends ReportWordKey>(key: K, ...params: WordParams<K>) => reportWord(lang, key, ...params), [lang]);
}
