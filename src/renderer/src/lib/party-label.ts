/**
 * How a called party reads on the strip, in the log and on the leg list: "张三 010 6223 4302 转 396".
 * The extension is what the dispatcher asks the switchboard for while the phone rings, so it is
 * shown wherever the number is.
 */
import type { CallParty } from '../../../shared/domain';
import { formatMessage, type Language } from '../../../shared/i18n';
import { formatPhone } from './phone-format';

export function extensionText(extension: string, lang: Language): string {
  return formatMessage(lang, { key: 'rules.extension', params: { extension } });
}

export function partyLabel(p: CallParty, lang: Language): string {
  const who = p.name ? `${p.name} ${formatPhone(p.number)}` : formatPhone(p.number);
  return p.extension ? `${who} ${extensionText(p.extension, lang)}` : who;
}
