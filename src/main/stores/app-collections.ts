/**
 * The app's collections in the data folder, opened together so that their notices reach the
 * notice board and they are closed together.
 */
import type { CallLogEntry, ContactGroup, ContactRecord, Roster } from '../../shared/domain';
import { openCollection, type Collection } from './collection-store';
import type { StoreNotice } from './store-notice';

export interface AppCollections {
  contacts: Collection<ContactRecord>;
  groups: Collection<ContactGroup>;
  rosters: Collection<Roster>;
  callLog: Collection<CallLogEntry>;
  close(): void;
}

export function openAppCollections(dir: string, onNotice: (notice: StoreNotice) => void): AppCollections {
  const open = <T extends { id: string }>(name: string): Collection<T> => {
    const c = openCollection<T>({ dir, name, onNotice });
    c.notices.forEach(onNotice);
    return c;
  };
  const contacts = open<ContactRecord>('contacts');
  const groups = open<ContactGroup>('groups');
  const rosters = open<Roster>('rosters');
  const callLog = open<CallLogEntry>('call-log');
  return {
    contacts,
    groups,
    rosters,
    callLog,
    close() {
      for (const c of [contacts, groups, rosters, callLog]) c.close();
    },
  };
}
