import { failureText, type Language } from '../../../shared/result';
import { formatMessage } from '../i18n';
import type { UiMessage } from '../lib/ui-message';
import { useLanguage } from '../state/app-store';

export function messageText(m: UiMessage, lang: Language): string {
  if ('failure' in m) return failureText(m.failure, lang);
  return formatMessage(lang, m);
}

/** A store message in the current language. */
export function Message({ message }: { message: UiMessage }) {
  const lang = useLanguage();
  return <>{messageText(message, lang)}</>;
}
