/**
 * In-memory data sources: a second, deliberately simple implementation of every interface in
 * src/main/sources. The services' own tests run against it too (the `services-on-memory-sources`
 * vitest project), which shows that the services depend on the interfaces and on nothing the
 * local files add (snapshots, journals, the cached order, the warm-up).
 *
 * The data lives in a `MemoryData` that outlives one core, so a test that closes the core and
 * opens a new one on "the same folder" finds its data again, as it would on disk.
 */
import { computeSearchKeys } from '../../src/main/contacts/search-keys';
import { FINAL_STATES, progressChanges, type CallLogSource, type SessionsSource } from '../../src/main/sources/call-log-source';
import type { ContactsSource } from '../../src/main/sources/contacts-source';
import type { DataSources, SourcesOptions } from '../../src/main/sources/data-sources';
import type { GroupsSource } from '../../src/main/sources/groups-source';
import type { RostersSource } from '../../src/main/sources/rosters-source';
import { compareSortKeys, contactSortKey } from '../../src/shared/contact-order';
import type { CallLogEntry, Contact, ContactGroup, ContactRecord, Roster } from '../../src/shared/domain';
import { success } from '../../src/shared/result';
import { ownerOf } from '../../src/shared/number-owner';

export interface MemoryData {
  contacts: Map<string, ContactRecord>;
  groups: Map<string, ContactGroup>;
  rosters: Map<string, Roster>;
  /** Creation order. */
  callLog: Map<string, CallLogEntry>;
  contactsRevision: number;
  callLogRevision: number;
  /** Sources opened over this data and not closed yet (a test may check that core closes them). */
  open: number;
}

export function createMemoryData(): MemoryData {
  return { contacts: new Map(), groups: new Map(), rosters: new Map(), callLog: new Map(), contactsRevision: 1, callLogRevision: 0, open: 0 };
}

const DEFAULT_CAP = 10_000;

function memoryContacts(data: MemoryData, options: SourcesOptions): ContactsSource {
  const changed = () => options.onContactsChanged?.(++data.contactsRevision);
  const sorted = () =>
    [...data.contacts.values()]
      .map((c) => [contactSortKey(c), c] as const)
      .sort((a, b) => compareSortKeys(a[0], b[0]))
      .map((p) => p[1]);
  return {
    page(offset, limit) {
      const list = sorted();
      return { contacts: list.slice(offset, offset + Math.min(limit, list.length)), total: list.length, revision: data.contactsRevision };
    },
    all: () => [...data.contacts.values()],
    get: (id) => data.contacts.get(id),
    put(contacts: readonly Contact[]) {
      const records = contacts.map((c) => ({ ...c, keys: computeSearchKeys(c) }));
      for (const r of records) data.contacts.set(r.id, r);
      changed();
      return success({ contacts: records });
    },
    remove(ids) {
      const deleted: Contact[] = [];
      for (const id of new Set(ids)) {
        const found = data.contacts.get(id);
        if (!found) continue;
        data.contacts.delete(id);
        const { keys: _keys, ...contact } = found;
        deleted.push(contact);
      }
      if (deleted.length > 0) changed();
      return success({ deleted });
    },
    nameFor: (number, extension) => ownerOf(data.contacts.values(), number, extension)?.name,
    warmUp: () => undefined,
    revision: () => data.contactsRevision,
  };
}

function memoryCallLog(data: MemoryData, options: SourcesOptions): CallLogSource & SessionsSource {
  const cap = Math.max(1, options.callLogCap ?? DEFAULT_CAP);
  return {
    append(fresh) {
      const entry: CallLogEntry = { ...fresh, revision: ++data.callLogRevision };
      data.callLog.set(entry.id, entry);
      options.onCallLogChanged?.(entry);
      for (const id of data.callLog.keys()) {
        if (data.callLog.size <= cap) break;
        data.callLog.delete(id);
      }
      return entry;
    },
    update(id, progress) {
      const before = data.callLog.get(id);
      if (!before) return undefined;
      const defined = Object.fromEntries(Object.entries(progress).filter(([, v]) => v !== undefined));
      if (!progressChanges(before, progress)) return before;
      const after: CallLogEntry = { ...before, ...defined, updatedAt: options.now(), revision: ++data.callLogRevision };
      data.callLog.set(id, after);
      options.onCallLogChanged?.(after);
      return after;
    },
    get: (id) => data.callLog.get(id),
    list(sinceRevision) {
      const entries = [...data.callLog.values()].filter((e) => sinceRevision === undefined || e.revision > sinceRevision).reverse();
      return { entries, revision: data.callLogRevision };
    },
    inProgress: () => [...data.callLog.values()].filter((e) => e.session !== undefined && !FINAL_STATES.has(e.state)),
  };
}

function memoryRecords<T extends { id: string }>(items: Map<string, T>) {
  return {
    all: () => [...items.values()],
    get: (id: string) => items.get(id),
    delete(id: string) {
      items.delete(id);
      return null;
    },
  };
}

export function openMemorySources(data: MemoryData, options: SourcesOptions): DataSources {
  const groups: GroupsSource = {
    ...memoryRecords(data.groups),
    put(list) {
      for (const g of list) data.groups.set(g.id, g);
      return null;
    },
  };
  const rosters: RostersSource = {
    ...memoryRecords(data.rosters),
    put(roster) {
      data.rosters.set(roster.id, roster);
      return null;
    },
  };
  const callLog = memoryCallLog(data, options);
  data.open++;
  let closed = false;
  return {
    contacts: memoryContacts(data, options),
    groups,
    rosters,
    callLog,
    sessions: callLog,
    close() {
      if (!closed) data.open--;
      closed = true;
    },
  };
}
