/**
 * What makes a roster (a saved conference) storable: it must be startable as a conference later,
 * so it follows the conference rules — 1 to 8 distinct numbers, none of them the dispatcher's own
 * (the host is rung anyway).
 */
import { CONTACT_NAME_MAX, ROSTER_MEMBERS_MAX, ROSTER_NAME_MAX } from '../../shared/contact-limits';
import type { PhoneNumber, RosterMember } from '../../shared/domain';
import { normalizePhone, phoneErrorText, quoteValue } from '../../shared/phone';
import { msg } from '../../shared/i18n';
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

export function checkRoster(input: RosterInput, options: RosterRuleOptions): { ok: true; name: string; members: RosterMember[] } | Failure {
  const name = requiredLine('name', msg('field.rosterName'), input.name, ROSTER_NAME_MAX);
  if (!name.ok) return name;
  const list = Array.isArray(input.members) ? (input.members as unknown[]) : [];
  if (list.length === 0) {
    return invalidField('members', msg('rosterRule.empty'));
  }
  if (list.length > ROSTER_MEMBERS_MAX) {
    return invalidField('members', msg('rosterRule.tooMany', { max: ROSTER_MEMBERS_MAX, count: list.length }));
  }
  const members: RosterMember[] = [];
  const firstAt = new Map<PhoneNumber, number>();
  for (let i = 0; i < list.length; i++) {
    const raw = (list[i] ?? {}) as { contactId?: unknown; name?: unknown; number?: unknown };
    const field = `members[${i}]`;
    const memberName = optionalLine(`${field}.name`, msg('field.memberName'), raw.name, CONTACT_NAME_MAX);
    if (!memberName.ok) return memberName;
    const typed = typeof raw.number === 'string' ? raw.number : '';
    const parsed = normalizePhone(typed);
    if (!parsed.ok) {
      return invalidField(`${field}.number`, msg('rosterRule.memberN', { n: i + 1, text: phoneErrorText(parsed) }));
    }
    if (options.ownNumber && parsed.number === options.ownNumber) {
      return invalidField(`${field}.number`, msg('rosterRule.isOwn', { value: quoteValue(typed) }));
    }
    const first = firstAt.get(parsed.number);
    if (first !== undefined) {
      return invalidField(`${field}.number`, msg('rosterRule.sameNumber', { n: i + 1, first: first + 1, number: parsed.number }));
    }
    firstAt.set(parsed.number, i);
    const member: RosterMember = { name: memberName.value, number: parsed.number };
    // A roster keeps its own copy of name and number, so a link to a deleted contact is just dropped.
    if (typeof raw.contactId === 'string' && options.contactExists(raw.contactId)) member.contactId = raw.contactId;
    members.push(member);
  }
  return { ok: true, name: name.value, members };
}
