/**
 * Conference roster rules, run on every add for instant feedback (main checks again with
 * validateConfRequest before anything rings): at most MAX_CONFERENCE_CALLEES callees, no number
 * twice after normalisation, never the dispatcher's own number (the host is rung anyway).
 */
import type { PhoneNumber, RosterMember } from '../../../shared/domain';
import { MAX_CONFERENCE_CALLEES } from '../../../shared/limits';
import { normalizePhone, phoneErrorText } from '../../../shared/phone';
import type { Message } from '../../../shared/i18n';

export interface RosterCandidate {
  /** As typed or as stored; normalised here. */
  number: string;
  name?: string;
  contactId?: string;
}

export type RosterRefusal =
  | { reason: 'invalid'; text: Message }
  | { reason: 'own'; number: PhoneNumber }
  | { reason: 'duplicate'; number: PhoneNumber; position: number; name: string }
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
  const parsed = normalizePhone(candidate.number);
  if (!parsed.ok) return { ok: false, refusal: { reason: 'invalid', text: phoneErrorText(parsed) } };
  const number = parsed.number;
  if (own !== null && number === own) return { ok: false, refusal: { reason: 'own', number } };
  const at = members.findIndex((m) => m.number === number);
  if (at >= 0) {
    return { ok: false, refusal: { reason: 'duplicate', number, position: at + 1, name: members[at].name } };
  }
  if (members.length >= max) return { ok: false, refusal: { reason: 'full', max } };
  const member: RosterMember = { name: candidate.name?.trim() ?? '', number };
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
  if (members.length === 0) return [{ reason: 'empty' }];
  const problems: RosterProblem[] = [];
  if (members.length > max) problems.push({ reason: 'too_many', count: members.length, max });
  const firstAt = new Map<string, number>();
  members.forEach((m, i) => {
    const parsed = normalizePhone(m.number);
    if (!parsed.ok) {
      problems.push({ reason: 'invalid', index: i, text: phoneErrorText(parsed) });
      return;
    }
    if (own !== null && parsed.number === own) problems.push({ reason: 'own', index: i, number: parsed.number });
    const first = firstAt.get(parsed.number);
    if (first !== undefined) problems.push({ reason: 'duplicate', index: i, first, number: parsed.number });
    else firstAt.set(parsed.number, i);
  });
  return problems;
}
