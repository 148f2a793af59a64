/**
 * Who may be in one conference, once: the dial-time check in main (validation.ts), a saved roster
 * (main/contacts/roster-rules.ts) and the roster panel's instant feedback all run this and turn the
 * coded problems into their own words. 1 to MAX_CONFERENCE_CALLEES distinct participants, none of
 * them on the dispatcher's own number (the host is rung anyway).
 *
 * A participant is a main number and an extension (`010-62234302 转 396`). The same main number
 * with the same extension (or both without) is the same person: repeated. The same main number
 * with another extension is another person at one switchboard: allowed, and that main number is
 * dialled once per such participant (the switchboard answers each leg; only main numbers are ever
 * dialled). The dispatcher's own main number is refused with any extension, as for a single call.
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
  /** The valid main numbers, normalised, in order (own and repeated ones left out). */
  callees: PhoneNumber[];
  /** Each callee's extension, by position in `callees`; '' for none. */
  extensions: string[];
  problems: ConferenceProblem[];
}

/**
 * Every problem of a participant list; `own` null when the dispatcher's number is not set.
 * `extensions`: by position, the extension beside each main number ('' or absent for none). A
 * number typed with its extension (`010-62234302-396`) is split first (call-extension.ts
 * splitCallees), so this stays small enough for the window's first screen.
 */
export function checkConferenceMembers(
  numbers: readonly string[],
  own: PhoneNumber | null,
  max: number = MAX_CONFERENCE_CALLEES,
  extensions: readonly string[] = [],
): ConferenceCheck {
  if (numbers.length === 0) return { callees: [], extensions: [], problems: [{ code: 'empty' }] };
  const problems: ConferenceProblem[] = [];
  // Counted before the numbers are parsed: a 9th participant is the problem, not its format.
  if (numbers.length > max) problems.push({ code: 'too_many', count: numbers.length, max });
  const callees: PhoneNumber[] = [];
  const calleeExtensions: string[] = [];
  // Keyed by main number and extension: one switchboard may hold several participants.
  const firstAt = new Map<string, number>();
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
    const extension = parsed.kind === 'mobile' ? '' : (extensions[index] ?? '');
    const key = `${parsed.number}#${extension}`;
    const first = firstAt.get(key);
    if (first !== undefined) {
      problems.push({ code: 'repeated', index, first, number: parsed.number });
      return;
    }
    firstAt.set(key, index);
    callees.push(parsed.number);
    calleeExtensions.push(extension);
  });
  return { callees, extensions: calleeExtensions, problems };
}
