/**
 * How the contacts service reaches the contact book, wherever it lives (the local files today,
 * the team hub later). Rules about what a valid contact is stay above this interface, in the
 * service; a source stores, orders, indexes and hands out contacts.
 */
import type { Contact, ContactRecord, PhoneNumber } from '../../shared/domain';
import type { Result } from '../../shared/result';

/** One page of the list in display order. */
export interface ContactPage {
  contacts: ContactRecord[];
  /** Contacts in the whole list. */
  total: number;
  /**
   * Changes whenever the list or any contact in it changes: pages fetched under one revision fit
   * together; a different revision means the earlier pages are out of date.
   */
  revision: number;
}

/** Why contacts are written (names the write in the log). */
export type ContactWrite = 'save' | 'restore' | 'import' | 'drop_group';

export interface ContactsSource {
  /** Up to `limit` contacts from position `offset` of the display order. */
  page(offset: number, limit: number): ContactPage;
  /** Every contact (imports and exports). */
  all(): ContactRecord[];
  get(id: string): ContactRecord | undefined;
  /**
   * Stores already checked contacts as given (ids and timestamps kept) with fresh search keys, in
   * one write: all of them or, with a `storage` failure, none. The last of repeated ids wins.
   */
  put(contacts: readonly Contact[], why: ContactWrite): Result<{ contacts: ContactRecord[] }>;
  /** Deletes those of `ids` that exist; hands them back without their keys (for undo). */
  remove(ids: readonly string[]): Result<{ deleted: Contact[] }>;
  /** The contact name a number (with the extension asked for, if any) is known by, for the call log (shared/number-owner.ts). */
  nameFor(number: PhoneNumber, extension?: string): string | undefined;
  /** The list will be wanted soon: prepare it in the background (a hint; may do nothing). */
  warmUp(): void;
  /** The list's current revision (the one `page` answers with). */
  revision(): number;
}
