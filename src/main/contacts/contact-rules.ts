/**
 * What makes a contact storable: the rules main applies on save and on restore (the renderer's
 * form is only a convenience; main is the authority). Numbers come back normalised.
 */
import { CONTACT_GROUPS_MAX, CONTACT_LABEL_MAX, CONTACT_NAME_MAX, CONTACT_NOTES_MAX, CONTACT_NUMBERS_MAX, CONTACT_ORG_MAX } from '../../shared/contact-limits';
import type { ContactNumber } from '../../shared/domain';
import { normalizePhone, phoneErrorText, quoteValue } from '../../shared/phone';
import { msg } from '../../shared/i18n';
import type { Failure } from '../../shared/result';
import { invalidField, multiLine, optionalLine, requiredLine, tooLong } from './field-text';

/** The editable part of a contact, as the renderer sends it (numbers as typed). */
export interface ContactInput {
  name: unknown;
  numbers: unknown;
  org?: unknown;
  notes?: unknown;
  favorite?: unknown;
  groupIds?: unknown;
}

export interface ContactFields {
  name: string;
  numbers: ContactNumber[];
  org: string;
  notes: string;
  favorite: boolean;
  groupIds: string[];
}

export interface ContactRuleOptions {
  groupExists(id: string): boolean;
  /**
   * 'reject' for an edit (the dispatcher just picked the groups, so a missing one is a mistake to
   * report); 'drop' for an undo, which must succeed even if a group was deleted in between.
   */
  unknownGroups: 'reject' | 'drop';
}

const NAME = msg('field.contactName');
const ORG = msg('field.org');
const NOTES = msg('field.notes');

export function checkContact(input: ContactInput, options: ContactRuleOptions): { ok: true; fields: ContactFields } | Failure {
  const name = requiredLine('name', NAME, input.name, CONTACT_NAME_MAX);
  if (!name.ok) return name;
  const numbers = checkNumbers(input.numbers);
  if (!Array.isArray(numbers)) return numbers;
  const org = optionalLine('org', ORG, input.org, CONTACT_ORG_MAX);
  if (!org.ok) return org;
  const notes = typeof input.notes === 'string' ? multiLine(input.notes) : '';
  const notesProblem = tooLong('notes', NOTES, notes, CONTACT_NOTES_MAX);
  if (notesProblem) return notesProblem;
  const groupIds = checkGroupIds(input.groupIds, options);
  if (!Array.isArray(groupIds)) return groupIds;
  return {
    ok: true,
    fields: { name: name.value, numbers, org: org.value, notes, favorite: input.favorite === true, groupIds },
  };
}

function checkNumbers(raw: unknown): ContactNumber[] | Failure {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [];
  if (list.length > CONTACT_NUMBERS_MAX) {
    return invalidField('numbers', msg('contactRule.tooManyNumbers', { max: CONTACT_NUMBERS_MAX, count: list.length }));
  }
  const out: ContactNumber[] = [];
  const firstAt = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const field = `numbers[${i}]`;
    const entry = (list[i] ?? {}) as { label?: unknown; number?: unknown };
    const label = optionalLine(`${field}.label`, msg('field.numberLabel'), entry.label, CONTACT_LABEL_MAX);
    if (!label.ok) return label;
    const typed = typeof entry.number === 'string' ? entry.number : '';
    const parsed = normalizePhone(typed);
    if (!parsed.ok) {
      return invalidField(field, msg('contactRule.numberN', { n: i + 1, text: phoneErrorText(parsed) }));
    }
    const first = firstAt.get(parsed.number);
    if (first !== undefined) {
      return invalidField(field, msg('contactRule.sameNumber', { n: i + 1, value: quoteValue(typed), first: first + 1, number: parsed.number }));
    }
    firstAt.set(parsed.number, i);
    out.push({ label: label.value, number: parsed.number });
  }
  return out;
}

function checkGroupIds(raw: unknown, options: ContactRuleOptions): string[] | Failure {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [];
  const out: string[] = [];
  for (let i = 0; i < list.length && out.length < CONTACT_GROUPS_MAX; i++) {
    const id = list[i];
    if (typeof id !== 'string' || out.includes(id)) continue;
    if (options.groupExists(id)) out.push(id);
    else if (options.unknownGroups === 'reject') {
      return invalidField(`groupIds[${i}]`, msg('contactRule.groupGone'));
    }
  }
  return out;
}
