/**
 * The contact book behind the contract's contact, group and roster operations: contacts (with
 * search keys and a number index), dispatch groups and saved conference rosters, each in its own
 * collection in the data folder.
 */
import type {
  ContactsListRequest,
  ContactSaveResponse,
  ContactsDeleteResponse,
  ContactsListResponse,
  ContactsRestoreResponse,
  DeletedResponse,
  GroupDeleteResponse,
  GroupSaveResponse,
  ListRevision,
  RosterSaveResponse,
} from '../../shared/contract';
import type { ContactSearchKeys } from '../../shared/contact-search';
import type { Contact, ContactDraft, ContactGroup, ContactRecord, PhoneNumber, Roster, RosterMember } from '../../shared/domain';
import { success, type Result } from '../../shared/result';
import type { Logger } from '../log';
import type { Collection } from '../stores/collection-store';
import { createContactBook, type ContactBook } from './contact-book';
import type { OrderCache } from './order-cache';
import { createGroups, type Groups } from './groups';
import { createRosters } from './rosters';
import { computeSearchKeys } from './search-keys';

export interface ContactCollections {
  contacts: Collection<ContactRecord>;
  groups: Collection<ContactGroup>;
  rosters: Collection<Roster>;
}

export interface ContactsServiceDeps {
  collections: ContactCollections;
  /** The dispatcher's own number, normalised (rosters must not contain it). */
  ownNumber(): PhoneNumber | undefined;
  now(): number;
  log: Logger;
  computeKeys?(contact: Contact): ContactSearchKeys;
  /** Keeps the list's display order between runs (see order-cache.ts). */
  orderCache?: OrderCache;
  /** Told the contact list's new revision after every change. */
  onChange?(revision: number): void;
}

export interface ContactsService {
  /** A page of the list in display order (everything from `offset` without a limit), with groups and rosters. */
  list(request?: ContactsListRequest): ContactsListResponse;
  saveContact(draft: ContactDraft): ContactSaveResponse;
  deleteContacts(ids: readonly string[]): ContactsDeleteResponse;
  restoreContacts(contacts: readonly Contact[]): ContactsRestoreResponse;
  saveGroup(group: { id?: string; name: string }): GroupSaveResponse;
  deleteGroup(id: string): GroupDeleteResponse;
  saveRoster(roster: { id?: string; name: string; members: RosterMember[] }): RosterSaveResponse;
  deleteRoster(id: string): DeletedResponse;
  /** The contact name of a number, for the call log. */
  nameFor(number: PhoneNumber): string | undefined;
  /** For import and export, which work on the whole book. */
  readonly book: ContactBook;
  readonly groups: Groups;
  /** Parses and indexes the contacts in the background, so the first call or edit does not wait for it. */
  warmUp(): void;
  /** Stops background work; then close the collections, then saveOrder(). */
  stop(): void;
  /** Remembers the display order for the next start, matching the collection's files as they are now. */
  saveOrder(): void;
}

export function createContactsService(deps: ContactsServiceDeps): ContactsService {
  const { collections, now, log } = deps;
  const groups = createGroups({ collection: collections.groups, now, log });
  const book = createContactBook({
    collection: collections.contacts,
    groupExists: groups.exists,
    computeKeys: deps.computeKeys ?? computeSearchKeys,
    now,
    log,
    orderCache: deps.orderCache,
    onChange: deps.onChange,
  });
  const rosters = createRosters({
    collection: collections.rosters,
    ownNumber: deps.ownNumber,
    contactExists: (id) => book.get(id) !== undefined,
    now,
    log,
  });

  /** Runs an edit of the list and says which revisions it went between (see ListRevision). */
  const tracked = <T extends object>(edit: () => Result<T>): Result<T & { listRevision: ListRevision }> => {
    const before = book.revision();
    const result = edit();
    return result.ok ? { ...result, listRevision: { before, after: book.revision() } } : result;
  };

  return {
    list: (request = {}) => {
      const page = book.page(request.offset ?? 0, request.limit ?? Number.POSITIVE_INFINITY);
      return success({ ...page, groups: groups.all(), rosters: rosters.all() });
    },
    saveContact: (draft) => tracked(() => book.save(draft)),
    deleteContacts: (ids) => tracked(() => book.remove(ids)),
    restoreContacts: (contacts) => tracked(() => book.restore(contacts)),
    saveGroup: (group) => groups.save(group),
    // Deleting a group edits its members (one list change).
    deleteGroup: (id) => tracked(() => groups.delete(id, book.dropGroup)),
    saveRoster: (roster) => rosters.save(roster),
    deleteRoster: (id) => rosters.delete(id),
    nameFor: (number) => book.nameFor(number),
    book,
    groups,
    warmUp: () => book.warmUp(),
    stop: () => book.stop(),
    saveOrder: () => book.saveOrder(),
  };
}
