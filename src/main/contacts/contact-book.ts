/**
 * The contacts themselves: validated on every way in, stored with their search keys, and indexed
 * by number. The collection is the truth; the number index is rebuilt from it on first use, so
 * opening the app does not parse 50 000 contacts before the window can show.
 */
import { randomUUID } from 'node:crypto';
import { SEARCH_KEYS_VERSION, type ContactSearchKeys } from '../../shared/contact-search';
import type { Contact, ContactDraft, ContactRecord, PhoneNumber } from '../../shared/domain';
import { success, type Failure, type Result } from '../../shared/result';
import type { Logger } from '../log';
import type { Collection } from '../stores/collection-store';
import { tryWrite } from '../stores/write-failure';
import { checkContact } from './contact-rules';
import { invalidField } from './field-text';
import { NumberIndex } from './number-index';

export interface ContactBookDeps {
  collection: Collection<ContactRecord>;
  groupExists(id: string): boolean;
  computeKeys(contact: Contact): ContactSearchKeys;
  now(): number;
  log: Logger;
}

export interface ContactBook {
  all(): ContactRecord[];
  get(id: string): ContactRecord | undefined;
  save(draft: ContactDraft): Result<{ contact: ContactRecord }>;
  remove(ids: readonly string[]): Result<{ deleted: Contact[] }>;
  restore(contacts: readonly Contact[]): Result<{ contacts: ContactRecord[] }>;
  /** Stores already checked contacts as they are (ids, timestamps), with fresh keys, in one write (imports). */
  putContacts(contacts: readonly Contact[]): Failure | null;
  /** Takes a deleted group out of every contact. */
  dropGroup(groupId: string): Failure | null;
  nameFor(number: PhoneNumber): string | undefined;
}

/** The record without its keys: what a delete hands back for undo. */
function withoutKeys(record: ContactRecord): Contact {
  const { keys: _keys, ...contact } = record;
  return contact;
}

/** Old or foreign data on disk must not take the app down: skip what is not a contact at all. */
function looksLikeContact(item: unknown): item is ContactRecord {
  const c = item as Partial<ContactRecord> | null;
  return !!c && typeof c.name === 'string' && Array.isArray(c.numbers) && Array.isArray(c.groupIds);
}

export function createContactBook(deps: ContactBookDeps): ContactBook {
  const { collection } = deps;
  let index: NumberIndex | null = null;

  const withKeys = (contact: Contact): ContactRecord => ({ ...contact, keys: deps.computeKeys(contact) });

  /** First use: build the number index, and recompute keys written by an older search version. */
  function numbers(): NumberIndex {
    if (index) return index;
    const built = new NumberIndex();
    const stale: ContactRecord[] = [];
    const broken: string[] = [];
    for (const [id, item] of collection.items) {
      if (!looksLikeContact(item)) {
        broken.push(id);
        continue;
      }
      built.add(item);
      if (item.keys?.v !== SEARCH_KEYS_VERSION) stale.push(withKeys(withoutKeys(item)));
    }
    if (broken.length > 0) deps.log.warn('contacts.skipped_unreadable', { count: broken.length });
    // Best effort: if this write fails the keys are recomputed again on the next start.
    if (stale.length > 0) tryWrite(deps.log, 'contacts.rekey', () => collection.putMany(stale));
    index = built;
    return built;
  }

  function all(): ContactRecord[] {
    numbers();
    return collection.all().filter(looksLikeContact);
  }

  function replace(before: ContactRecord | undefined, after: ContactRecord): void {
    const idx = numbers();
    if (before) idx.remove(before);
    idx.add(after);
  }

  /** One write for the batch; the index follows only once it is on disk. */
  function putRecords(batch: readonly ContactRecord[], what: string): Failure | null {
    numbers();
    // The last of repeated ids wins, as it would on disk; the index must agree.
    const records = [...new Map(batch.map((r) => [r.id, r])).values()];
    const before = records.map((r) => collection.get(r.id));
    const failed = tryWrite(deps.log, what, () => collection.putMany(records));
    if (failed) return failed;
    records.forEach((r, i) => replace(before[i], r));
    return null;
  }

  return {
    all,
    get: (id) => {
      numbers();
      return collection.get(id);
    },

    save(draft) {
      numbers();
      const existing = draft.id === undefined ? undefined : collection.get(draft.id);
      if (draft.id !== undefined && !existing) {
        return invalidField('id', {
          'zh-CN': '该联系人已不存在（可能刚被删除），无法保存修改',
          en: 'This contact no longer exists (it may just have been deleted); the change cannot be saved',
        });
      }
      const checked = checkContact(draft, { groupExists: deps.groupExists, unknownGroups: 'reject' });
      if (!checked.ok) return checked;
      const now = deps.now();
      const saved = withKeys({ id: existing?.id ?? randomUUID(), ...checked.fields, createdAt: existing?.createdAt ?? now, updatedAt: now });
      const failed = tryWrite(deps.log, 'contacts.save', () => collection.put(saved));
      if (failed) return failed;
      replace(existing, saved);
      return success({ contact: saved });
    },

    remove(ids) {
      const idx = numbers();
      const found = [...new Set(ids)].map((id) => collection.get(id)).filter((c): c is ContactRecord => !!c);
      const failed = tryWrite(deps.log, 'contacts.delete', () => collection.deleteMany(found.map((c) => c.id)));
      if (failed) return failed;
      for (const c of found) idx.remove(c);
      return success({ deleted: found.map(withoutKeys) });
    },

    restore(contacts) {
      numbers();
      const records: ContactRecord[] = [];
      for (let i = 0; i < contacts.length; i++) {
        const c = contacts[i];
        // A group deleted since is dropped rather than failing the undo.
        const checked = checkContact(c, { groupExists: deps.groupExists, unknownGroups: 'drop' });
        if (!checked.ok) return { ...checked, field: `contacts[${i}].${checked.field ?? ''}` };
        // Verbatim: same id and timestamps as before the delete.
        records.push(withKeys({ id: c.id, ...checked.fields, createdAt: c.createdAt, updatedAt: c.updatedAt }));
      }
      const failed = putRecords(records, 'contacts.restore');
      return failed ?? success({ contacts: records });
    },

    putContacts: (contacts) => putRecords(contacts.map(withKeys), 'contacts.import'),

    dropGroup(groupId) {
      numbers();
      const changed = all()
        .filter((c) => c.groupIds.includes(groupId))
        .map((c) => ({ ...c, groupIds: c.groupIds.filter((g) => g !== groupId), updatedAt: deps.now() }));
      return tryWrite(deps.log, 'contacts.drop_group', () => collection.putMany(changed));
    },

    nameFor(number) {
      const id = numbers().first(number);
      return id === undefined ? undefined : collection.get(id)?.name;
    },
  };
}
