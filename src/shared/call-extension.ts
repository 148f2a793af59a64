/**
 * A call request's callee and extension apart. The request may name the extension (a contact
 * number's, or the dial box's parse) or carry it in the callee as typed (`010-62234302-396`, a
 * script, an older window): either way only the main number reaches the dial path, and the
 * extension goes to the log. Text that is no number is passed on unchanged, so validation answers
 * it with its usual message quoting what was typed.
 */
import type { PhoneNumber } from './domain';
import { normalizePhone, type PhoneParseFailure } from './phone';
import { isExtension, parseDialable } from './phone-extension';

export function splitCallee(request: { callee: string; extension?: string }): { callee: string; extension?: string } {
  const given = isExtension(request.extension) ? request.extension : undefined;
  const parsed = parseDialable(request.callee);
  if (!parsed.ok) return { callee: request.callee };
  // A mobile has no switchboard behind it (phone-extension.ts): no extension is recorded for one.
  if (parsed.kind === 'mobile') return { callee: request.callee };
  const extension = given ?? parsed.extension;
  return extension === undefined ? { callee: parsed.extension === undefined ? request.callee : parsed.number } : { callee: parsed.number, extension };
}

/**
 * A conference's callees and extensions apart, by position ('' for no extension): each callee as
 * splitCallee reads it, with the extension named beside it winning. What is not text is passed on
 * for validation to word.
 */
export function splitCallees<T>(callees: readonly T[], extensions: readonly string[] = []): { callees: (T | string)[]; extensions: string[] } {
  const out = callees.map((c, i) => (typeof c === 'string' ? splitCallee({ callee: c, extension: extensions[i] || undefined }) : { callee: c }));
  return { callees: out.map((s) => s.callee), extensions: out.map((s) => ('extension' in s && s.extension) || '') };
}

/** splitCallees over a conference request's callees; what is not a list is passed on as it came, for validation to word. */
export function splitConference(request: { callees: string[]; extensions?: readonly string[] }): { callees: string[]; extensions?: string[] } {
  return Array.isArray(request.callees) ? splitCallees(request.callees, request.extensions) : { callees: request.callees };
}

/**
 * One conference member (or roster row) as main number and extension: the number as typed or
 * stored, the extension named beside it or read out of the number. A failure quotes what was typed.
 */
export function parseMember(typed: string, extension?: string): { ok: true; number: PhoneNumber; extension?: string } | PhoneParseFailure {
  const split = splitCallee({ callee: typed, extension });
  const parsed = normalizePhone(split.callee);
  if (!parsed.ok) return parsed;
  return split.extension === undefined ? { ok: true, number: parsed.number } : { ok: true, number: parsed.number, extension: split.extension };
}
