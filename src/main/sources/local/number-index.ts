/**
 * Which contacts have a given (normalised) number: the call log names the parties of a call with
 * it. Several contacts may share a number (an office line); the first one saved names it.
 */
import type { Contact, PhoneNumber } from '../../../shared/domain';

export class NumberIndex {
  private readonly byNumber = new Map<PhoneNumber, string[]>();

  add(contact: Pick<Contact, 'id' | 'numbers'>): void {
    for (const { number } of contact.numbers) {
      const ids = this.byNumber.get(number);
      if (!ids) this.byNumber.set(number, [contact.id]);
      else if (!ids.includes(contact.id)) ids.push(contact.id);
    }
  }

  remove(contact: Pick<Contact, 'id' | 'numbers'>): void {
    for (const { number } of contact.numbers) {
      const ids = this.byNumber.get(number);
      if (!ids) continue;
      const rest = ids.filter((id) => id !== contact.id);
      if (rest.length === 0) this.byNumber.delete(number);
      else this.byNumber.set(number, rest);
    }
  }

  /** The id of the contact that names `number`, if any. */
  first(number: PhoneNumber): string | undefined {
    return this.byNumber.get(number)?.[0];
  }

  /** The ids of every contact holding `number`, first saved first (people at one switchboard). */
  all(number: PhoneNumber): readonly string[] {
    return this.byNumber.get(number) ?? [];
  }
}
