/**
 * What makes a roster (a saved conference) storable: it must be startable as a conference later,
 * so it follows the conference rules — 1 to 8 distinct numbers, none of them the dispatcher's own
 * (the host is rung anyway).
 */
import { CONTACT_NAME_MAX, ROSTER_MEMBERS_MAX, ROSTER_NAME_MAX } from '../../shared/contact-limits';
import type { PhoneNumber, RosterMember } from '../../shared/domain';
import { normalizePhone, phoneErrorText, quoteValue } from '../../shared/phone';
import type { Failure } from '../../shared/result';
import { invalidField, optionalLine, requiredLine } from './field-text';

export interface RosterInput {
  name: unknown;
  members: unknown;
}

export interface RosterRuleOptions {
  /** The dispatcher's own number, normalised; absent when not set yet. */
  ownNumber?: PhoneNumber;
  contactExists(id: string): boolean;
}

export function checkRoster(
  input: RosterInput,
  options: RosterRuleOptions,
): { ok: true; name: string; members: RosterMember[] } | Failure {
  const name = requiredLine('name', { 'zh-CN': '会议组名称', en: 'The roster name' }, input.name, ROSTER_NAME_MAX);
  if (!name.ok) return name;
  const list = Array.isArray(input.members) ? (input.members as unknown[]) : [];
  if (list.length === 0) {
    return invalidField('members', { 'zh-CN': '会议组至少需要一位成员', en: 'A roster needs at least one member' });
  }
  if (list.length > ROSTER_MEMBERS_MAX) {
    return invalidField('members', {
      'zh-CN': `会议组最多 ${ROSTER_MEMBERS_MAX} 位成员（不含您自己），当前为 ${list.length} 位`,
      en: `A roster can have at most ${ROSTER_MEMBERS_MAX} members besides you; ${list.length} were given`,
    });
  }
  const members: RosterMember[] = [];
  const firstAt = new Map<PhoneNumber, number>();
  for (let i = 0; i < list.length; i++) {
    const raw = (list[i] ?? {}) as { contactId?: unknown; name?: unknown; number?: unknown };
    const field = `members[${i}]`;
    const memberName = optionalLine(`${field}.name`, { 'zh-CN': '成员姓名', en: 'The member name' }, raw.name, CONTACT_NAME_MAX);
    if (!memberName.ok) return memberName;
    const typed = typeof raw.number === 'string' ? raw.number : '';
    const parsed = normalizePhone(typed);
    if (!parsed.ok) {
      const text = phoneErrorText(parsed);
      return invalidField(`${field}.number`, { 'zh-CN': `第 ${i + 1} 位成员：${text['zh-CN']}`, en: `Member ${i + 1}: ${text.en}` });
    }
    if (options.ownNumber && parsed.number === options.ownNumber) {
      return invalidField(`${field}.number`, {
        'zh-CN': `成员 "${quoteValue(typed)}" 是您自己的号码，您作为主持人会自动被呼叫，请将其移除`,
        en: `"${quoteValue(typed)}" is your own number; you are rung automatically as the host, so remove it`,
      });
    }
    const first = firstAt.get(parsed.number);
    if (first !== undefined) {
      return invalidField(`${field}.number`, {
        'zh-CN': `第 ${i + 1} 位成员与第 ${first + 1} 位是同一个号码（${parsed.number}），请删除一个`,
        en: `Member ${i + 1} has the same number as member ${first + 1} (${parsed.number}); remove one`,
      });
    }
    firstAt.set(parsed.number, i);
    const member: RosterMember = { name: memberName.value, number: parsed.number };
    // A roster keeps its own copy of name and number, so a link to a deleted contact is just dropped.
    if (typeof raw.contactId === 'string' && options.contactExists(raw.contactId)) member.contactId = raw.contactId;
    members.push(member);
  }
  return { ok: true, name: name.value, members };
}
