/**
 * The contact, group and roster operations of the contract: the rules for what may be saved live
 * here, the data behind the sources (local files today, see ../sources).
 */
import { randomUUID } from 'node:crypto';
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
import type { Contact, ContactDraft, PhoneNumber, RosterMember } from '../../shared/domain';
import { msg } from '../../shared/i18n';
import { success, type Result } from '../../shared/result';
import type { ContactsSource } from '../sources/contacts-source';
import type { GroupsSource } from '../sources/groups-source';
import type { RostersSource } from '../sources/rosters-source';
import { checkContact } from './contact-rules';
import { invalidField } from './field-text';
import { createGroups, type Groups } from './groups';
import { createRosters } from './rosters';

export interface ContactsServiceDeps {
  contacts: ContactsSource;
  groups: GroupsSource;
  rosters: RostersSource;
  /** The dispatcher's own number, normalised (rosters must not contain it). */
  ownNumber(): PhoneNumber | undefined;
  now(): number;
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
  nameFor(number: PhoneNumber, extension?: string): string | undefined;
  /** For import and export, which work on the whole book. */
  readonly groups: Groups;
  /** Lets the source prepare the list in the background, so the first call or edit does not wait. */
  warmUp(): void;
}

export function createContactsService(deps: ContactsServiceDeps): ContactsService {
  const { contacts, now } = deps;
  const groups = createGroups({ source: deps.groups, now });
  const rosters = createRosters({
    source: deps.rosters,
    ownNumber: deps.ownNumber,
    contactExists: (id) => contacts.get(id) !== undefined,
    now,
  });

  /** Takes a deleted group out of every contact; same names, same order, but a new revision. */
  function dropGroup(groupId: string) {
    const at = now();
    const changed: Contact[] = [];
    for (const c of contacts.all()) {
      if (!c.groupIds.includes(groupId)) continue;
      const { keys: _keys, ...contact } = c;
      changed.push({ ...contact, groupIds: c.groupIds.filter((g) => g !== groupId), updatedAt: at });
    }
    if (changed.length === 0) return null;
    const put = contacts.put(changed, 'drop_group');
    return put.ok ? null : put;
  }

  /** Runs an edit of the list and says which revisions it went between (see ListRevision). */
  const tracked = <T extends object>(edit: () => Result<T>): Result<T & { listRevision: ListRevision }> => {
    const before = contacts.revision();
    const result = edit();
    return result.ok ? { ...result, listRevision: { before, after: contacts.revision() } } : result;
  };

  return {
    list: (request = {}) => {
      const page = contacts.page(request.offset ?? 0, request.limit ?? Number.POSITIVE_INFINITY);
      return success({ ...page, groups: groups.all(), rosters: rosters.all() });
    },

    saveContact: (draft) => tracked(() => saveContact(draft)),
    deleteContacts: (ids) => tracked(() => contacts.remove(ids)),
    restoreContacts: (list) => tracked(() => restoreContacts(list)),
    saveGroup: (group) => groups.save(group),
    // Deleting a group edits its members (one list change).
    deleteGroup: (id) => tracked(() => groups.delete(id, dropGroup)),
    saveRoster: (roster) => rosters.save(roster),
    deleteRoster: (id) => rosters.delete(id),
    nameFor: (number, extension) => contacts.nameFor(number, extension),
    groups,
    warmUp: () => contacts.warmUp(),
  };

  function saveContact(draft: ContactDraft) {
    const existing = draft.id === undefined ? undefined : contacts.get(draft.id);
    if (draft.id !== undefined && !existing) return invalidField('id', msg('contactRule.gone'));
    const checked = checkContact(draft, { groupExists: groups.exists, unknownGroups: 'reject' });
    if (!checked.ok) return checked;
    const at = now();
    const put = contacts.put([{ id: existing?.id ?? randomUUID(), ...checked.fields, createdAt: existing?.createdAt ?? at, updatedAt: at }], 'save');
    return put.ok ? success({ contact: put.contacts[0] }) : put;
  }

  function restoreContacts(list: readonly Contact[]) {
    const checkedContacts: Contact[] = [];
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      // A group deleted since is dropped rather than failing the undo.
      const checked = checkContact(c, { groupExists: groups.exists, unknownGroups: 'drop' });
      if (!checked.ok) return { ...checked, field: `contacts[${i}].${checked.field ?? ''}` };
      // Verbatim: same id and timestamps as before the delete.
      checkedContacts.push({ id: c.id, ...checked.fields, createdAt: c.createdAt, updatedAt: c.updatedAt });
    }
    return contacts.put(checkedContacts, 'restore');
  }
}
