/**
 * The roster panel's use of the conference rules (shared/conference-rules.ts, which main runs again
 * with validateConfRequest before anything rings), run on every add for instant feedback and
 * turned into the refusals the panel words.
 */
import type { PhoneNumber, RosterMember } from '../../../shared/domain';
import { MAX_CONFERENCE_CALLEES } from '../../../shared/limits';
import { checkConferenceMembers } from '../../../shared/conference-rules';
import { normalizePhone, phoneErrorText } from '../../../shared/phone';
import { parseMember } from '../../../shared/call-extension';
import type { Message } from '../../../shared/i18n';

export interface RosterCandidate {
  /** As typed or as stored; normalised here. May carry its extension (`010-62234302-396`). */
  number: string;
  /** A contact number's extension, digits only. */
  extension?: string;
  name?: string;
  contactId?: string;
}

export type RosterRefusal =
  | { reason: 'invalid'; text: Message }
  | { reason: 'own'; number: PhoneNumber }
  | { reason: 'duplicate'; number: PhoneNumber; extension?: string; position: number; name: string }
  | { reason: 'full'; max: number };

export type AddResult = { ok: true; members: RosterMember[]; member: RosterMember } | { ok: false; refusal: RosterRefusal };

/** The dispatcher's own number, normalised; null when not set or not usable. */
export function ownNumber(callerNumber: string | undefined | null): PhoneNumber | null {
  if (!callerNumber) return null;
  const p = normalizePhone(callerNumber);
  return p.ok ? p.number : null;
}

export function addMember(
  members: readonly RosterMember[],
  candidate: RosterCandidate,
  own: PhoneNumber | null,
  max: number = MAX_CONFERENCE_CALLEES,
): AddResult {
  const parsed = parseMember(candidate.number, candidate.extension);
  if (!parsed.ok) return { ok: false, refusal: { reason: 'invalid', text: phoneErrorText(parsed) } };
  // The shared conference rules on the list with the candidate appended: only its own problems
  // count. The same main number with another extension is another person (conference-rules.ts).
  const index = members.length;
  const { problems } = checkConferenceMembers([...members.map((m) => m.number), parsed.number], own, max, [
    ...members.map((m) => m.extension ?? ''),
    parsed.extension ?? '',
  ]);
  const mine = problems.find((p) => 'index' in p && p.index === index);
  if (mine?.code === 'own') return { ok: false, refusal: { reason: 'own', number: mine.number } };
  if (mine?.code === 'repeated') {
    const first = members[mine.first];
    const extension = first.extension ? { extension: first.extension } : {};
    return { ok: false, refusal: { reason: 'duplicate', number: mine.number, ...extension, position: mine.first + 1, name: first.name } };
  }
  if (members.length >= max) return { ok: false, refusal: { reason: 'full', max } };
  const member: RosterMember = { name: candidate.name?.trim() ?? '', number: parsed.number };
  if (parsed.extension) member.extension = parsed.extension;
  if (candidate.contactId) member.contactId = candidate.contactId;
  return { ok: true, members: [...members, member], member };
}

export function removeMember(members: readonly RosterMember[], index: number): RosterMember[] {
  if (index < 0 || index >= members.length) return members.slice();
  return members.filter((_, i) => i !== index);
}

/** Moves member `index` by `delta` places (−1 up, +1 down); out-of-range moves change nothing. */
export function moveMember(members: readonly RosterMember[], index: number, delta: number): RosterMember[] {
  const to = index + delta;
  const out = members.slice();
  if (index < 0 || index >= members.length || to < 0 || to >= members.length) return out;
  const [m] = out.splice(index, 1);
  out.splice(to, 0, m);
  return out;
}

/** Moves a member to an absolute position (drag and drop). */
export function moveMemberTo(members: readonly RosterMember[], from: number, to: number): RosterMember[] {
  return moveMember(members, from, Math.max(0, Math.min(members.length - 1, to)) - from);
}

export type RosterProblem =
  | { reason: 'empty' }
  | { reason: 'too_many'; count: number; max: number }
  | { reason: 'own'; index: number; number: PhoneNumber }
  | { reason: 'duplicate'; index: number; first: number; number: PhoneNumber }
  | { reason: 'invalid'; index: number; text: Message };

/**
 * Everything wrong with a whole roster (a saved one may predate a change of your own number, or a
 * log entry may be re-run), so the confirmation sheet can refuse before anything rings.
 */
export function rosterProblems(members: readonly RosterMember[], own: PhoneNumber | null, max: number = MAX_CONFERENCE_CALLEES): RosterProblem[] {
  const { problems } = checkConferenceMembers(
    members.map((m) => m.number),
    own,
    max,
    members.map((m) => m.extension ?? ''),
  );
  return problems.map((p): RosterProblem => {
    switch (p.code) {
      case 'empty':
        return { reason: 'empty' };
      case 'too_many':
        return { reason: 'too_many', count: p.count, max: p.max };
      case 'invalid':
        return { reason: 'invalid', index: p.index, text: phoneErrorText(p.phone) };
      case 'own':
        return { reason: 'own', index: p.index, number: p.number };
      case 'repeated':
        return { reason: 'duplicate', index: p.index, first: p.first, number: p.number };
    }
  });
}
