/**
 * A call request's callee and extension apart. The request may name the extension (a contact
 * number's, or the dial box's parse) or carry it in the callee as typed (`010-62234302-396`, a
 * script, an older window): either way only the main number reaches the dial path, and the
 * extension goes to the log. Text that is no number is passed on unchanged, so validation answers
 * it with its usual message quoting what was typed.
 */
import { parseDialable } from './phone-extension';

export function splitCallee(request: { callee: string; extension?: string }): { callee: string; extension?: string } {
  const given = typeof request.extension === 'string' && /^\d+$/.test(request.extension) ? request.extension : undefined;
  const parsed = parseDialable(request.callee);
  if (!parsed.ok || parsed.extension === undefined) return given ? { callee: request.callee, extension: given } : { callee: request.callee };
  return { callee: parsed.number, extension: given ?? parsed.extension };
}
