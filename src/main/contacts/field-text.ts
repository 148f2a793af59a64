/**
 * Tidying and checking of the free-text fields of contacts, groups and rosters. Shared by the
 * contact, group and roster rules so every field fails with the same kind of sentence.
 */
import { quoteValue } from '../../shared/phone';
import { msg, type Message } from '../../shared/i18n';
import { failWith, type Failure } from '../../shared/result';
import { multiLine, oneLine, textLength } from '../../shared/text-fields';

/** The English sentence doubles as `message`, so logs name the problem too. */
export function invalidField(field: string, detail: Message): Failure {
  return failWith('invalid_input', detail, { field });
}

export { multiLine, oneLine, textLength };

export function tooLong(field: string, name: Message, value: string, max: number): Failure | null {
  const length = textLength(value);
  if (length <= max) return null;
  return invalidField(field, msg('field.tooLong', { name, value: quoteValue(value), length, max }));
}

/** A required one-line field: tidied, non-empty, within `max`. */
export function requiredLine(field: string, name: Message, raw: unknown, max: number): { ok: true; value: string } | Failure {
  const value = typeof raw === 'string' ? oneLine(raw) : '';
  if (value === '') {
    return invalidField(field, msg('field.required', { name }));
  }
  return tooLong(field, name, value, max) ?? { ok: true, value };
}

/** An optional one-line field: tidied (absent = empty), within `max`. */
export function optionalLine(field: string, name: Message, raw: unknown, max: number): { ok: true; value: string } | Failure {
  const value = typeof raw === 'string' ? oneLine(raw) : '';
  return tooLong(field, name, value, max) ?? { ok: true, value };
}
