/**
 * The contact search box's "Enter on a whole number offers to dial it": which typed text is a
 * number to offer. Read like the dial box reads it (phone-extension.ts), so `0571-88886666 转 123`
 * offers the main number with the extension apart. Anything shorter than five digits stays a
 * search. Pure, so the rule is tested without React.
 */
import { parseDialable, type DialableParse } from '../../../shared/phone-extension';

export type TypedDial = Extract<DialableParse, { ok: true }>;

export function typedNumberToOffer(query: string): TypedDial | null {
  if (!/\d{5}/.test(query.replace(/[\s()+-]/g, ''))) return null;
  const phone = parseDialable(query);
  return phone.ok ? phone : null;
}
