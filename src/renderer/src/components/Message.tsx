import { failureText } from '../../../shared/result';
import { translate } from '../i18n';
import type { Language } from '../../../shared/result';
import type { UiMessage } from '../lib/ui-message';
import { useLanguage } from '../state/app-store';

export function messageText(m: UiMessage, lang: Language): string {
  if ('key' in m) return translate(lang, m.key, m.params);
  if ('text' in m) return m.text[lang];
  return failureText(m.failure, lang);
}

/** A store message in the current language. */
export function Message({ message }: { message: UiMessage }) {
  const lang = useLanguage();
  return <>{messageText(message, lang)}</>;
}
