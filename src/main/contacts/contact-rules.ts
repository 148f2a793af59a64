/**
 * What makes a contact storable: the rules main applies on save and on restore (the renderer's
 * form is only a convenience; main is the authority). Numbers come back normalised.
 */
import {
  CONTACT_GROUPS_MAX,
  CONTACT_LABEL_MAX,
  CONTACT_NAME_MAX,
  CONTACT_NOTES_MAX,
  CONTACT_NUMBERS_MAX,
  CONTACT_ORG_MAX,
} from '../../shared/contact-limits';
import type { ContactNumber } from '../../shared/domain';
import { normalizePhone, phoneErrorText, quoteValue } from '../../shared/phone';
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

const NAME = { 'zh-CN': '姓名', en: 'The name' };
const ORG = { 'zh-CN': '单位', en: 'The organisation' };
const NOTES = { 'zh-CN': '备注', en: 'The notes' };

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
    return invalidField('numbers', {
      'zh-CN': `每位联系人最多 ${CONTACT_NUMBERS_MAX} 个号码，当前为 ${list.length} 个`,
      en: `A contact can have at most ${CONTACT_NUMBERS_MAX} numbers; ${list.length} were given`,
    });
  }
  const out: ContactNumber[] = [];
  const firstAt = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const field = `numbers[${i}]`;
    const entry = (list[i] ?? {}) as { label?: unknown; number?: unknown };
    const label = optionalLine(`${field}.label`, { 'zh-CN': '号码标签', en: 'The number label' }, entry.label, CONTACT_LABEL_MAX);
    if (!label.ok) return label;
    const typed = typeof entry.number === 'string' ? entry.number : '';
    const parsed = normalizePhone(typed);
    if (!parsed.ok) {
      const text = phoneErrorText(parsed);
      return invalidField(field, { 'zh-CN': `第 ${i + 1} 个号码：${text['zh-CN']}`, en: `Number ${i + 1}: ${text.en}` });
    }
    const first = firstAt.get(parsed.number);
    if (first !== undefined) {
      return invalidField(field, {
        'zh-CN': `第 ${i + 1} 个号码 "${quoteValue(typed)}" 与第 ${first + 1} 个是同一个号码（${parsed.number}），请删除一个`,
        en: `Number ${i + 1} ("${quoteValue(typed)}") is the same as number ${first + 1} (${parsed.number}); remove one`,
      });
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
      return invalidField(`groupIds[${i}]`, {
        'zh-CN': '所选分组已不存在（可能刚被删除），请重新选择',
        en: 'A selected group no longer exists (it may just have been deleted); choose the groups again',
      });
    }
  }
  return out;
}
