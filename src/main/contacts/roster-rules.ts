/**
 * What makes a roster (a saved conference) storable: it must be startable as a conference later,
 * so it follows the conference rules (shared/conference-rules.ts: 1 to 8 distinct numbers, none of
 * them the dispatcher's own), worded here for a roster.
 */
import { CONTACT_NAME_MAX, ROSTER_MEMBERS_MAX, ROSTER_NAME_MAX } from '../../shared/contact-limits';
import type { PhoneNumber, RosterMember } from '../../shared/domain';
import { checkConferenceMembers } from '../../shared/conference-rules';
import { splitCallees } from '../../shared/call-extension';
import { phoneErrorText, quoteValue } from '../../shared/phone';
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
  const list = (Array.isArray(input.members) ? (input.members as unknown[]) : []).map(
    (raw) => (raw ?? {}) as { contactId?: unknown; name?: unknown; number?: unknown; extension?: unknown },
  );
  // Each member keeps its extension, named beside the number or typed in it (`010-62234302-396`).
  const split = splitCallees(
    list.map((m) => (typeof m.number === 'string' ? m.number : '')),
    list.map((m) => (typeof m.extension === 'string' ? m.extension : '')),
  );
  const typed = list.map((m) => (typeof m.number === 'string' ? m.number : ''));
  // The conference rules live once (shared/conference-rules.ts); main only words their codes.
  // The rules tell two people at one switchboard apart by the extension.
  const { callees, extensions, problems } = checkConferenceMembers(split.callees, options.ownNumber ?? null, ROSTER_MEMBERS_MAX, split.extensions);
  const problem = problems[0];
  if (problem) {
    switch (problem.code) {
      case 'empty':
        return invalidField('members', msg('rosterRule.empty'));
      case 'too_many':
        return invalidField('members', msg('rosterRule.tooMany', { max: problem.max, count: problem.count }));
      case 'invalid':
        return invalidField(`members[${problem.index}].number`, msg('rosterRule.memberN', { n: problem.index + 1, text: phoneErrorText(problem.phone) }));
      case 'own':
        return invalidField(`members[${problem.index}].number`, msg('rosterRule.isOwn', { value: quoteValue(typed[problem.index]) }));
      case 'repeated':
        return invalidField(
          `members[${problem.index}].number`,
          msg('rosterRule.sameNumber', { n: problem.index + 1, first: problem.first + 1, number: problem.number }),
        );
    }
  }
  const members: RosterMember[] = [];
  for (let i = 0; i < list.length; i++) {
    const raw = list[i];
    const memberName = optionalLine(`members[${i}].name`, msg('field.memberName'), raw.name, CONTACT_NAME_MAX);
    if (!memberName.ok) return memberName;
    const member: RosterMember = { name: memberName.value, number: callees[i], ...(extensions[i] ? { extension: extensions[i] } : {}) };
    // A roster keeps its own copy of name and number, so a link to a deleted contact is just dropped.
    if (typeof raw.contactId === 'string' && options.contactExists(raw.contactId)) member.contactId = raw.contactId;
    members.push(member);
  }
  return { ok: true, name: name.value, members };
}
