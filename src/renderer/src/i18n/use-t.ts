import { useCallback } from 'react';
import { useLanguage } from '../state/app-store';
import { translate, type MessageKey } from './index';

export function useT() {
  const lang = useLanguage();
  return useCallback(
    (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params),
    [lang],
  );
}
