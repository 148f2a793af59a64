/** The common sentence for each coded contact problem (contact-rules.ts); callers may word a code their own way. */
import type { ContactProblem, ContactTextField } from './contact-rules';
import { msg, type Message } from './i18n';
import { phoneErrorText, quoteValue } from './phone';

const FIELD_NAME: Record<ContactTextField, () => Message> = {
  name: () => msg('field.contactName'),
  org: () => msg('field.org'),
  notes: () => msg('field.notes'),
};

export function contactProblemText(p: ContactProblem): Message {
  switch (p.code) {
    case 'name_missing':
      return msg('field.required', { name: msg('field.contactName') });
    case 'too_long':
      return msg('field.tooLong', { name: FIELD_NAME[p.field](), value: quoteValue(p.value), length: p.length, max: p.max });
    case 'label_too_long':
      return msg('contactRule.numberN', {
        n: p.index + 1,
        text: msg('field.tooLong', { name: msg('field.numberLabel'), value: quoteValue(p.value), length: p.length, max: p.max }),
      });
    case 'no_number':
      return msg('rules.noNumber');
    case 'too_many_numbers':
      return msg('contactRule.tooManyNumbers', { max: p.max, count: p.count });
    case 'number_invalid':
      return msg('contactRule.numberN', { n: p.index + 1, text: phoneErrorText(p.phone) });
    case 'number_repeated':
      return msg('contactRule.sameNumber', { n: p.index + 1, value: quoteValue(p.typed), first: p.first + 1, number: p.number });
    case 'group_name_too_long':
      return msg('importFile.groupNameTooLong', { name: quoteValue(p.name), max: p.max });
  }
}
