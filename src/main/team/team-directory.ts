/**
 * The shared directory in team mode. The desk keeps a local copy (the same local files as a desk
 * without a hub, in a folder of its own per hub), so that search is as fast as ever and the
 * directory can be read while the hub is away. The copy follows the hub's change feed
 * (`/api/directory/changes?since=`), read again on every `directory` event and whenever the event
 * stream opens.
 *
 * Edits go to the hub with the revision they were made on. The desk's own rules (the contacts
 * service: names, numbers, groups, rosters) run first, against the local copy, with the copy's
 * writes captured instead of stored; what they would have stored is sent to the hub, and only the
 * hub's answer is written to the copy. A conflict (someone changed it first) comes back with their
 * version; nothing is changed locally. Offline, edits are refused with a message, never queued.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ContactSaveResponse,
  ImportApplyRequest,
  ImportApplyResponse,
  ImportPreviewRequest,
  ImportPreviewResponse,
  ImportRowsRequest,
  ImportRowsResponse,
  ContactsDeleteResponse,
  ContactsListRequest,
  ContactsListResponse,
  ContactsRestoreResponse,
  DeletedResponse,
  GroupDeleteResponse,
  GroupSaveResponse,
  RosterSaveResponse,
} from '../../shared/contract';
import type { Contact, ContactDraft, ContactGroup, ContactRecord, PhoneNumber, Roster, RosterMember } from '../../shared/domain';
import { msg } from '../../shared/i18n';
import { isExtension } from '../../shared/phone-extension';
import { failWith, success, type Failure, type Result } from '../../shared/result';
import { createContactsImport, type ContactsImportDeps } from '../contacts/contacts-import';
import { createContactsService, type ContactsService } from '../contacts/contacts-service';
import { computeSearchKeys } from '../contacts/search-keys';
import type { Logger } from '../log';
import type { ContactsSource } from '../sources/contacts-source';
import type { DataSources, SourcesOptions } from '../sources/data-sources';
import type { GroupsSource } from '../sources/groups-source';
import { createLocalSources } from '../sources/local/local-sources';
import type { RostersSource } from '../sources/rosters-source';
import { openConfStore } from '../stores/conf-store';
import type { KeyValueStore } from '../stores/kv-store';
import type { ConflictFailure, DirectoryChange, DirectoryKind, DirectoryUpload, HubClient, HubItem } from './hub-client';

/** Changes read per request while catching up (the hub allows up to 5 000). */
const CHANGES_PAGE = 5000;

export interface TeamDirectory {
  list(request: ContactsListRequest): ContactsListResponse;
  saveContact(draft: ContactDraft): Promise<ContactSaveResponse>;
  deleteContacts(ids: readonly string[]): Promise<ContactsDeleteResponse>;
  restoreContacts(contacts: readonly Contact[]): Promise<ContactsRestoreResponse>;
  saveGroup(group: { id?: string; name: string }): Promise<GroupSaveResponse>;
  deleteGroup(id: string): Promise<GroupDeleteResponse>;
  saveRoster(roster: { id?: string; name: string; members: RosterMember[] }): Promise<RosterSaveResponse>;
  deleteRoster(id: string): Promise<DeletedResponse>;
  nameFor(n: PhoneNumber, extension?: string): string | undefined;
  /** Every contact of the copy (export). */
  contactsAll(): ContactRecord[];
  /** The rules over the copy (groups for export). */
  service: ContactsService;
  /** Importing into the team's directory: the local import preview over the copy, then each row to the hub. */
  importPreview(request: ImportPreviewRequest): Promise<ImportPreviewResponse>;
  importRows(request: ImportRowsRequest): ImportRowsResponse;
  importApply(request: ImportApplyRequest): Promise<ImportApplyResponse>;
  /** Brings the copy up to date with the hub; resolves once caught up (or failed). */
  sync(client: HubClient): Promise<Result<{ applied: number }>>;
  /** The last directory revision the copy has. */
  cursor(): number;
  close(): void;
}

export interface TeamDirectoryDeps {
  dataDir: string;
  hubUrl: string;
  log: Logger;
  now(): number;
  ownNumber(): PhoneNumber | undefined;
  /** A client when the hub can be reached; the failure to show otherwise. */
  client(): HubClient | Failure;
  /** A request was answered 401. */
  onUnauthorized(): void;
  sourcesOptions: SourcesOptions;
  /** How far an import preview has got (the `importProgress` event). */
  onImportProgress?: ContactsImportDeps['onProgress'];
}

const itemKey = (kind: DirectoryKind, id: string) => `${kind}:${id}`;

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The hub's item → the desk's contact (timestamps from the hub's `updatedAt`). */
export function contactFromItem(item: HubItem, existing?: Contact): Contact {
  const at = Date.parse(item.updatedAt) || 0;
  const numbers = Array.isArray(item.numbers) ? (item.numbers as Array<{ label?: unknown; number?: unknown; extension?: unknown }>) : [];
  return {
    id: item.id,
    name: str(item.name),
    numbers: numbers
      .filter((n) => typeof n.number === 'string')
      .map((n) => ({
        label: str(n.label),
        number: n.number as string,
        ...(isExtension(n.extension) ? { extension: n.extension } : {}),
      })),
    org: str(item.org),
    notes: str(item.notes),
    favorite: item.favorite === true,
    groupIds: Array.isArray(item.groupIds) ? (item.groupIds as unknown[]).filter((g): g is string => typeof g === 'string') : [],
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
}

function groupFromItem(item: HubItem, existing?: ContactGroup): ContactGroup {
  return { id: item.id, name: str(item.name), createdAt: existing?.createdAt ?? (Date.parse(item.updatedAt) || 0) };
}

function rosterFromItem(item: HubItem, existing?: Roster): Roster {
  const at = Date.parse(item.updatedAt) || 0;
  const members = Array.isArray(item.members) ? (item.members as Array<Record<string, unknown>>) : [];
  return {
    id: item.id,
    name: str(item.name),
    members: members
      .filter((m) => typeof m.number === 'string')
      .map((m) => ({
        ...(typeof m.contactId === 'string' ? { contactId: m.contactId } : {}),
        name: str(m.name),
        number: m.number as string,
        // Rosters saved before extensions were kept have none: they read as they always did.
        ...(isExtension(m.extension) ? { extension: m.extension } : {}),
      })),
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
}

const contactBody = (c: Contact) => ({ name: c.name, numbers: c.numbers, org: c.org, notes: c.notes, favorite: c.favorite, groupIds: c.groupIds });
const rosterBody = (r: Roster) => ({
  name: r.name,
  members: r.members.map((m) => ({
    ...(m.contactId ? { contactId: m.contactId } : {}),
    name: m.name,
    number: m.number,
    ...(m.extension ? { extension: m.extension } : {}),
  })),
});

/** Writes the rules would have made, captured instead of stored. */
interface Captured {
  contacts: Contact[];
  removedContacts: string[];
  groups: ContactGroup[];
  removedGroups: string[];
  rosters: Roster[];
  removedRosters: string[];
}

const emptyCapture = (): Captured => ({ contacts: [], removedContacts: [], groups: [], removedGroups: [], rosters: [], removedRosters: [] });

export function openTeamDirectory(deps: TeamDirectoryDeps): TeamDirectory {
  const folder = join(deps.dataDir, 'team', createHash('sha256').update(deps.hubUrl).digest('hex').slice(0, 16));
  mkdirSync(folder, { recursive: true });
  const local: DataSources = createLocalSources(folder, deps.sourcesOptions);
  const state: KeyValueStore = openConfStore({ cwd: folder, name: 'directory-state' }).store;
  let cursor = Number(state.get<number>('cursor') ?? 0) || 0;
  const revisions = new Map<string, number>(Object.entries(state.get<Record<string, number>>('revisions') ?? {}));
  const saveState = () => {
    try {
      state.set('cursor', cursor);
      state.set('revisions', Object.fromEntries(revisions));
    } catch (err) {
      deps.log.warn('team.directory.state_not_saved', { error: String(err) });
    }
  };

  // The revision each item was deleted at (by this desk or seen in the feed): an undo of the
  // delete restores the same id from that tombstone. In memory: an undo lasts seconds.
  const tombstones = new Map<string, number>();

  let capture: Captured | undefined;
  const contacts: ContactsSource = {
    ...local.contacts,
    page: (o, l) => local.contacts.page(o, l),
    all: () => local.contacts.all(),
    get: (id) => local.contacts.get(id),
    nameFor: (n, extension) => local.contacts.nameFor(n, extension),
    warmUp: () => local.contacts.warmUp(),
    revision: () => local.contacts.revision(),
    put(list, why) {
      if (!capture) return local.contacts.put(list, why);
      capture.contacts.push(...list);
      return success({ contacts: list.map((c) => ({ ...c, keys: computeSearchKeys(c) })) });
    },
    remove(ids) {
      if (!capture) return local.contacts.remove(ids);
      const deleted: Contact[] = [];
      for (const id of ids) {
        const c = local.contacts.get(id);
        if (!c) continue;
        const { keys: _keys, teamRevision: _rev, ...contact } = c;
        deleted.push(contact);
        capture.removedContacts.push(id);
      }
      return success({ deleted });
    },
  };
  const groups: GroupsSource = {
    all: () => local.groups.all(),
    get: (id) => local.groups.get(id),
    put(list, why) {
      if (!capture) return local.groups.put(list, why);
      capture.groups.push(...list);
      return null;
    },
    delete(id) {
      if (!capture) return local.groups.delete(id);
      capture.removedGroups.push(id);
      return null;
    },
  };
  const rosters: RostersSource = {
    all: () => local.rosters.all(),
    get: (id) => local.rosters.get(id),
    put(roster) {
      if (!capture) return local.rosters.put(roster);
      capture.rosters.push(roster);
      return null;
    },
    delete(id) {
      if (!capture) return local.rosters.delete(id);
      capture.removedRosters.push(id);
      return null;
    },
  };
  const service = createContactsService({ contacts, groups, rosters, ownNumber: deps.ownNumber, now: deps.now });
  // The import preview and plan of a desk without a hub, over the copy (duplicates are the team's).
  const importer = createContactsImport({ contacts, groups: service.groups, now: deps.now, onProgress: deps.onImportProgress });

  /** Runs the rules with writes captured. */
  function dryRun<T>(run: () => T): { result: T; captured: Captured } {
    capture = emptyCapture();
    try {
      return { result: run(), captured: capture };
    } finally {
      capture = undefined;
    }
  }

  // --- applying the hub's items to the copy --------------------------------------------------

  function apply(items: Array<{ kind: DirectoryKind; id: string; revision: number; item: HubItem | null }>): number {
    const newContacts: Contact[] = [];
    const goneContacts: string[] = [];
    let applied = 0;
    for (const ch of items) {
      const k = itemKey(ch.kind, ch.id);
      // Our own edit, already applied from the hub's answer: nothing new.
      if (ch.item !== null && revisions.get(k) === ch.revision) continue;
      applied++;
      if (ch.item === null) {
        revisions.delete(k);
        if (ch.revision > 0) tombstones.set(k, ch.revision);
        if (ch.kind === 'contact') goneContacts.push(ch.id);
        else if (ch.kind === 'group') local.groups.delete(ch.id);
        else local.rosters.delete(ch.id);
        continue;
      }
      revisions.set(k, ch.revision);
      tombstones.delete(k);
      if (ch.kind === 'contact') newContacts.push(contactFromItem(ch.item, local.contacts.get(ch.id)));
      else if (ch.kind === 'group') local.groups.put([groupFromItem(ch.item, local.groups.get(ch.id))], 'import');
      else local.rosters.put(rosterFromItem(ch.item, local.rosters.get(ch.id)));
    }
    // One write for the whole batch: 50 000 contacts are one put, one revision, one event.
    if (newContacts.length > 0) {
      const put = local.contacts.put(newContacts, 'import');
      if (!put.ok) deps.log.warn('team.directory.put_failed', { count: newContacts.length });
    }
    if (goneContacts.length > 0) local.contacts.remove(goneContacts);
    return applied;
  }

  let syncing: Promise<Result<{ applied: number }>> | undefined;
  let syncAgain = false;

  async function syncOnce(client: HubClient): Promise<Result<{ applied: number }>> {
    let applied = 0;
    for (;;) {
      const r = await client.changes(cursor, CHANGES_PAGE);
      if (!r.ok) {
        if (r.code === 'unauthorized') deps.onUnauthorized();
        return r;
      }
      applied += apply(r.changes.map((c: DirectoryChange) => ({ kind: c.kind, id: c.id, revision: c.revision, item: c.deleted ? null : c.item })));
      cursor = Math.max(cursor, r.revision);
      saveState();
      if (!r.more) return success({ applied });
    }
  }

  function sync(client: HubClient): Promise<Result<{ applied: number }>> {
    if (syncing) {
      syncAgain = true;
      return syncing;
    }
    syncing = (async () => {
      let last: Result<{ applied: number }>;
      let applied = 0;
      do {
        syncAgain = false;
        last = await syncOnce(client);
        if (last.ok) applied += last.applied;
      } while (syncAgain && last.ok);
      return last.ok ? success({ applied }) : last;
    })().finally(() => {
      syncing = undefined;
    });
    return syncing;
  }

  // --- edits -----------------------------------------------------------------------------------

  function writable(): HubClient | Failure {
    const c = deps.client();
    if ('ok' in c) return c.code === 'unauthorized' ? c : failWith('network', msg('team.err.offline'));
    return c;
  }

  function refused(f: ConflictFailure, kind: DirectoryKind): Failure {
    if (f.code === 'unauthorized') deps.onUnauthorized();
    if (f.code === 'network' || f.code === 'timeout') return failWith(f.code, msg('team.err.offline'));
    if (f.code === 'conflict' && f.current) {
      const theirs = f.current;
      const shaped = kind === 'contact' ? contactFromItem(theirs) : kind === 'group' ? groupFromItem(theirs) : rosterFromItem(theirs);
      const { current: _current, ...rest } = f;
      return { ...rest, conflict: { theirs: { ...shaped }, by: theirs.updatedBy, revision: theirs.revision } };
    }
    return f;
  }

  const revisionOf = (kind: DirectoryKind, id: string) => revisions.get(itemKey(kind, id)) ?? 0;

  /** One item to the hub (create, or update on `base`); its answer goes into the copy. */
  async function push(
    client: HubClient,
    kind: DirectoryKind,
    id: string | undefined,
    base: number | undefined,
    body: Record<string, unknown>,
  ): Promise<Result<{ item: HubItem }>> {
    const r = id === undefined ? await client.create(kind, body) : await client.update(kind, id, base ?? revisionOf(kind, id), body);
    if (!r.ok) return refused(r, kind);
    apply([{ kind, id: r.item.id, revision: r.item.revision, item: r.item }]);
    // Mark as applied so the feed does not write it again.
    revisions.set(itemKey(kind, r.item.id), r.item.revision);
    saveState();
    return r;
  }

  /** Undo of a delete on the hub; its answer goes into the copy. */
  async function revive(
    client: HubClient,
    kind: DirectoryKind,
    id: string,
    tombstone: number,
    body: Record<string, unknown>,
  ): Promise<Result<{ item: HubItem }>> {
    const r = await client.restore(kind, id, tombstone, body);
    if (!r.ok) return refused(r, kind);
    apply([{ kind, id: r.item.id, revision: r.item.revision, item: r.item }]);
    revisions.set(itemKey(kind, r.item.id), r.item.revision);
    saveState();
    return r;
  }

  async function drop(client: HubClient, kind: DirectoryKind, id: string): Promise<Result> {
    const r = await client.remove(kind, id, revisionOf(kind, id));
    if (!r.ok && r.code !== 'not_found') return refused(r, kind);
    apply([{ kind, id, revision: r.ok ? r.revision : 0, item: null }]);
    saveState();
    return success({});
  }

  const record = (id: string): ContactRecord | undefined => {
    const c = local.contacts.get(id);
    return c ? { ...c, teamRevision: revisionOf('contact', id) } : undefined;
  };

  return {
    service,
    cursor: () => cursor,
    nameFor: (n, extension) => local.contacts.nameFor(n, extension),
    contactsAll: () => local.contacts.all(),
    list(request) {
      const page = service.list(request);
      if (!page.ok) return page;
      return { ...page, contacts: page.contacts.map((c) => ({ ...c, teamRevision: revisionOf('contact', c.id) })) };
    },

    async saveContact(draft) {
      const client = writable();
      if ('ok' in client) return client;
      const before = local.contacts.revision();
      const { result, captured } = dryRun(() => service.saveContact(draft));
      if (!result.ok) return result;
      const contact = captured.contacts[0];
      const r = await push(client, 'contact', draft.id, draft.baseRevision, contactBody(contact));
      if (!r.ok) return r;
      const saved = record(r.item.id);
      if (!saved) return failWith('internal', msg('ipc.internal'));
      return success({ contact: saved, listRevision: { before, after: local.contacts.revision() } });
    },

    async deleteContacts(ids) {
      const client = writable();
      if ('ok' in client) return client;
      const before = local.contacts.revision();
      const { result, captured } = dryRun(() => service.deleteContacts(ids));
      if (!result.ok) return result;
      for (const id of captured.removedContacts) {
        const r = await drop(client, 'contact', id);
        if (!r.ok) return r;
      }
      return success({ deleted: result.deleted, listRevision: { before, after: local.contacts.revision() } });
    },

    async restoreContacts(list) {
      const client = writable();
      if ('ok' in client) return client;
      const before = local.contacts.revision();
      const { result, captured } = dryRun(() => service.restoreContacts(list));
      if (!result.ok) return result;
      // The hub keeps a deleted item's id as a tombstone: an undo brings the same id back from it,
      // so other desks, rosters and log links see the contact return, not a new one.
      const restored: ContactRecord[] = [];
      for (const c of captured.contacts) {
        const tombstone = tombstones.get(itemKey('contact', c.id));
        const r =
          tombstone === undefined
            ? await push(client, 'contact', undefined, undefined, contactBody(c))
            : await revive(client, 'contact', c.id, tombstone, contactBody(c));
        if (!r.ok) return r;
        const saved = record(r.item.id);
        if (saved) restored.push(saved);
      }
      return success({ contacts: restored, listRevision: { before, after: local.contacts.revision() } });
    },

    async saveGroup(group) {
      const client = writable();
      if ('ok' in client) return client;
      const { result, captured } = dryRun(() => service.saveGroup(group));
      if (!result.ok) return result;
      const r = await push(client, 'group', group.id, undefined, { name: captured.groups[0].name });
      if (!r.ok) return r;
      const saved = local.groups.get(r.item.id);
      return saved ? success({ group: saved }) : failWith('internal', msg('ipc.internal'));
    },

    async deleteGroup(id) {
      const client = writable();
      if ('ok' in client) return client;
      const before = local.contacts.revision();
      const { result, captured } = dryRun(() => service.deleteGroup(id));
      if (!result.ok) return result;
      // Members first (as the local rules do), so a failure leaves an empty group, never a dangling id.
      for (const c of captured.contacts) {
        const r = await push(client, 'contact', c.id, undefined, contactBody(c));
        if (!r.ok) return r;
      }
      for (const g of captured.removedGroups) {
        const r = await drop(client, 'group', g);
        if (!r.ok) return r;
      }
      return success({ deleted: result.deleted, listRevision: { before, after: local.contacts.revision() } });
    },

    async saveRoster(roster) {
      const client = writable();
      if ('ok' in client) return client;
      const { result, captured } = dryRun(() => service.saveRoster(roster));
      if (!result.ok) return result;
      const r = await push(client, 'roster', roster.id, undefined, rosterBody(captured.rosters[0]));
      if (!r.ok) return r;
      const saved = local.rosters.get(r.item.id);
      return saved ? success({ roster: saved }) : failWith('internal', msg('ipc.internal'));
    },

    async deleteRoster(id) {
      const client = writable();
      if ('ok' in client) return client;
      const { result, captured } = dryRun(() => service.deleteRoster(id));
      if (!result.ok) return result;
      for (const r of captured.removedRosters) {
        const d = await drop(client, 'roster', r);
        if (!d.ok) return d;
      }
      return success({ deleted: result.deleted });
    },

    importPreview: (request) => importer.preview(request),
    importRows: (request) => importer.rows(request),
    async importApply(request) {
      const client = writable();
      if ('ok' in client) return client;
      const { result, captured } = dryRun(() => importer.apply(request));
      if (!result.ok) return result;
      // One request, one transaction on the hub: a hub that goes away mid-upload keeps none of
      // it (the dispatcher uploads again), never a part. The preview's id names the upload, so
      // the same upload sent twice is written once.
      const upload: DirectoryUpload = {
        key: request.importId,
        groups: captured.groups.map((g) => ({ ref: g.id, name: g.name })),
        contacts: captured.contacts.map((c) => {
          const data = contactBody(c);
          return local.contacts.get(c.id) ? { id: c.id, revision: revisionOf('contact', c.id), data } : { data };
        }),
      };
      const r = await client.importDirectory(upload);
      if (!r.ok) {
        if (r.code === 'unauthorized') deps.onUnauthorized();
        return r.code === 'network' || r.code === 'timeout' ? failWith(r.code, msg('team.err.uploadInterrupted')) : r;
      }
      // The copy follows the hub's feed up to the upload (and whatever came before it).
      await sync(client);
      return success({ ...result, failed: result.failed + r.failed.length });
    },

    sync,

    close() {
      saveState();
      local.close();
    },
  };
}
