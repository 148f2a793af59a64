/**
 * The contact a dialled number (main number and extension) is, on the window's copy of the list,
 * by the rule main names the log with (shared/number-owner.ts): the dial box, the roster and the
 * dial confirmation name the same person the log will. The number index answers at once when its
 * first holder is the one; only a switchboard with several people costs a pass over the list.
 */
import type { ContactRecord, PhoneNumber } from '../../../shared/domain';
import { ownerOf } from '../../../shared/number-owner';
import { contactByNumber, liveContacts, type SearchView } from './search/contact-search-view';

export function contactForDialled(view: SearchView, number: PhoneNumber, extension?: string): ContactRecord | undefined {
  const first = contactByNumber(view, number);
  if (!first) return undefined;
  const wanted = extension ?? '';
  if (first.numbers.some((n) => n.number === number && (n.extension ?? '') === wanted)) return first;
  return ownerOf(liveContacts(view), number, extension);
}
