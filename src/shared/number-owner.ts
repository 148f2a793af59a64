/**
 * Which contact a called number is, when several hold the same main number (people at one
 * switchboard): the one with this extension (or, for the bare number, the one without); for an
 * extension nobody has, the switchboard's own entry (a number without an extension) or nobody,
 * never a colleague at another extension. A bare number nobody holds bare is named by the first
 * holder, as before extensions were kept (the dispatcher may have rung the switchboard for them).
 */
import type { ContactNumber, PhoneNumber } from './domain';

export function ownerOf<T extends { numbers: readonly Pick<ContactNumber, 'number' | 'extension'>[] }>(
  holders: Iterable<T>,
  number: PhoneNumber,
  extension?: string,
): T | undefined {
  const wanted = extension ?? '';
  let first: T | undefined;
  let bare: T | undefined;
  for (const c of holders) {
    const mine = c.numbers.filter((n) => n.number === number);
    if (mine.length === 0) continue;
    if (mine.some((n) => (n.extension ?? '') === wanted)) return c;
    first ??= c;
    if (!bare && mine.some((n) => !n.extension)) bare = c;
  }
  return wanted === '' ? first : bare;
}
