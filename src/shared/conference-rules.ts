/**
 * Who may be in one conference, once: the dial-time check in main (validation.ts), a saved roster
 * (main/contacts/roster-rules.ts) and the roster panel's instant feedback all run this and turn the
 * coded problems into their own words. 1 to MAX_CONFERENCE_CALLEES distinct numbers, none of them
 * the dispatcher's own (the host is rung anyway).
 */
import type { PhoneNumber } from './domain';
import { MAX_CONFERENCE_CALLEES } from './limits';
import { normalizePhone, type PhoneParseFailure } from './phone';

export type ConferenceProblem =
  | { code: 'empty' }
  | { code: 'too_many'; count: number; max: number }
  /** `index`: position in the list as given (0-based). */
  | { code: 'invalid'; index: number; phone: PhoneParseFailure }
  | { code: 'own'; index: number; number: PhoneNumber }
  | { code: 'repeated'; index: number; first: number; number: PhoneNumber };

export interface ConferenceCheck {
  /** The valid numbers, normalised, in order (own and repeated ones left out). */
  callees: PhoneNumber[];
  problems: ConferenceProblem[];
}

/** Every problem of a participant list; `own` null when the dispatcher's number is not set. */
export function checkConferenceMembers(numbers: readonly string[], own: PhoneNumber | null, max: number = MAX_CONFERENCE_CALLEES): ConferenceCheck {
  if (numbers.length === 0) return { callees: [], problems: [{ code: 'empty' }] };
  const problems: ConferenceProblem[] = [];
  // Counted before the numbers are parsed: a 9th participant is the problem, not its format.
  if (numbers.length > max) problems.push({ code: 'too_many', count: numbers.length, max });
  const callees: PhoneNumber[] = [];
  const firstAt = new Map<PhoneNumber, number>();
  numbers.forEach((typed, index) => {
    const parsed = normalizePhone(typed);
    if (!parsed.ok) {
      problems.push({ code: 'invalid', index, phone: parsed });
      return;
    }
    if (own !== null && parsed.number === own) {
      problems.push({ code: 'own', index, number: parsed.number });
      return;
    }
    const first = firstAt.get(parsed.number);
    if (first !== undefined) {
      problems.push({ code: 'repeated', index, first, number: parsed.number });
      return;
    }
    firstAt.set(parsed.number, index);
    callees.push(parsed.number);
  });
  return { callees, problems };
}
