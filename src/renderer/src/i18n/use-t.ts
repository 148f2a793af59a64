import { useCallback } from 'react';
import { useLanguage } from '../state/app-store';
import { translate, type MessageKey, type ParamArgs } from './index';

/** `t(key, params)` in the current UI language; the compiler checks the parameters against the catalog. */
export function useT() {
  const lang = useLanguage();
  return useCallback(<K extends MessageKey>(key: K, ...params: ParamArgs<K>) => translate(lang, key, ...params), [lang]);
}
