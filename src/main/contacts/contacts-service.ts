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
  GroupSaveResponse,
  RosterSaveResponse,
} from '../../shared/contract';
import type { ContactSearchKeys } from '../../shared/contact-search';
import type { Contact, ContactDraft, ContactGroup, ContactRecord, PhoneNumber, Roster, RosterMember } from '../../shared/domain';
import { success } from '../../shared/result';
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
}

export interface ContactsService {
  /** A page of the list in display order (everything from `offset` without a limit), with groups and rosters. */
  list(request?: ContactsListRequest): ContactsListResponse;
  saveContact(draft: ContactDraft): ContactSaveResponse;
  deleteContacts(ids: readonly string[]): ContactsDeleteResponse;
  restoreContacts(contacts: readonly Contact[]): ContactsRestoreResponse;
  saveGroup(group: { id?: string; name: string }): GroupSaveResponse;
  deleteGroup(id: string): DeletedResponse;
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
  });
  const rosters = createRosters({
    collection: collections.rosters,
    ownNumber: deps.ownNumber,
    contactExists: (id) => book.get(id) !== undefined,
    now,
    log,
  });

  return {
    list: (request = {}) => {
      const page = book.page(request.offset ?? 0, request.limit ?? Number.POSITIVE_INFINITY);
      return success({ ...page, groups: groups.all(), rosters: rosters.all() });
    },
    saveContact: (draft) => book.save(draft),
    deleteContacts: (ids) => book.remove(ids),
    restoreContacts: (contacts) => book.restore(contacts),
    saveGroup: (group) => groups.save(group),
    deleteGroup: (id) => groups.delete(id, book.dropGroup),
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
