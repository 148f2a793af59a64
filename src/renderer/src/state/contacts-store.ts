/**
 * Contacts and groups. Loaded once with contactsList; the search index is built once (see
 * lib/contact-book.ts) and patched after each edit; every keystroke runs a search over it and the
 * list renders only the visible rows.
 */
import { create } from 'zustand';
import type { Contact, ContactDraft, ContactGroup, ContactRecord } from '../../../shared/domain';
import type { Failure } from '../../../shared/result';
import { invoke } from '../bridge';
import {
  bookStats,
  contactAt,
  createBook,
  filterSlots,
  getContact,
  queryBook,
  removeContacts,
  rowOfSlot,
  slotOf,
  upsertContacts,
  type BookStats,
  type ContactBook,
  type ContactFilter,
} from '../lib/contact-book';
import { showToast } from './toast-store';
import { useRosterStore } from './roster-store';

export interface ContactsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: Failure | null;
  book: ContactBook | null;
  groups: ContactGroup[];
  stats: BookStats;
  query: string;
  filter: ContactFilter;
  /** Slots shown, in order; null = every base slot (see contact-book.ts). */
  rows: Int32Array | null;
  rowCount: number;
  /** Keyboard selection: a row index, -1 when the list is empty. */
  cursor: number;
  load(): Promise<void>;
  setQuery(query: string): void;
  setFilter(filter: ContactFilter): void;
  moveCursor(delta: number): void;
  setCursor(row: number): void;
  contactAtRow(row: number): ContactRecord | undefined;
  selected(): ContactRecord | undefined;
  save(draft: ContactDraft): Promise<{ ok: true; contact: ContactRecord } | Failure>;
  toggleFavorite(id: string): Promise<Failure | null>;
  /** Deletes and offers Undo for a few seconds (no confirmation dialog). */
  remove(ids: string[]): Promise<Failure | null>;
  restore(contacts: Contact[]): Promise<Failure | null>;
  saveGroup(group: { id?: string; name: string }): Promise<{ ok: true; group: ContactGroup } | Failure>;
  deleteGroup(id: string): Promise<Failure | null>;
}

const EMPTY_STATS: BookStats = { favorites: 0, groups: {} };

type Derived = Pick<ContactsState, 'rows' | 'rowCount' | 'cursor'>;

/** Rows for the current query and filter; keeps `keepId` selected when it is still shown. */
function derive(book: ContactBook, query: string, filter: ContactFilter, keepId?: string, fallback = 0): Derived {
  const rows = filterSlots(book, queryBook(book, query), filter);
  const rowCount = rows ? rows.length : book.base.length;
  let cursor = -1;
  if (keepId !== undefined) cursor = rowOfSlot(rows, slotOf(book, keepId), book.base.length);
  if (cursor < 0) cursor = rowCount === 0 ? -1 : Math.min(Math.max(fallback, 0), rowCount - 1);
  return { rows, rowCount, cursor };
}

export const useContactsStore = create<ContactsState>((set, get) => {
  /** Applies a new book, keeping the selection on the same contact when possible. */
  const applyBook = (book: ContactBook, keepId?: string) => {
    const s = get();
    const id = keepId ?? s.selected()?.id;
    set({ book, stats: bookStats(book), ...derive(book, s.query, s.filter, id, s.cursor) });
  };

  return {
    status: 'idle',
    loadError: null,
    book: null,
    groups: [],
    stats: EMPTY_STATS,
    query: '',
    filter: { kind: 'all' },
    rows: null,
    rowCount: 0,
    cursor: -1,

    async load() {
      set({ status: 'loading' });
      const r = await invoke('contactsList', {});
      if (!r.ok) {
        set({ status: 'error', loadError: r });
        return;
      }
      const book = createBook(r.contacts);
      const { query, filter } = get();
      set({
        status: 'ready',
        loadError: null,
        book,
        groups: r.groups,
        stats: bookStats(book),
        ...derive(book, query, filter),
      });
      useRosterStore.getState().setSaved(r.rosters);
    },

    setQuery(query) {
      const { book, filter } = get();
      if (!book) return set({ query });
      set({ query, ...derive(book, query, filter) });
    },

    setFilter(filter) {
      const { book, query } = get();
      if (!book) return set({ filter });
      set({ filter, ...derive(book, query, filter) });
    },

    moveCursor(delta) {
      const { rowCount, cursor } = get();
      if (rowCount === 0) return;
      const next = Math.max(0, Math.min(rowCount - 1, (cursor < 0 ? 0 : cursor) + delta));
      if (next !== cursor) set({ cursor: next });
    },

    setCursor(row) {
      const { rowCount } = get();
      if (row >= 0 && row < rowCount) set({ cursor: row });
    },

    contactAtRow(row) {
      const { book, rows, rowCount } = get();
      if (!book || row < 0 || row >= rowCount) return undefined;
      return contactAt(book, rows ? rows[row] : row);
    },

    selected() {
      return get().contactAtRow(get().cursor);
    },

    async save(draft) {
      const r = await invoke('contactSave', { contact: draft });
      if (!r.ok) return r;
      const { book } = get();
      if (book) applyBook(upsertContacts(book, [r.contact]), r.contact.id);
      return r;
    },

    async toggleFavorite(id) {
      const book = get().book;
      const c = book && getContact(book, id);
      if (!c) return null;
      const r = await get().save({
        id: c.id,
        name: c.name,
        numbers: c.numbers,
        org: c.org,
        notes: c.notes,
        favorite: !c.favorite,
        groupIds: c.groupIds,
      });
      return r.ok ? null : r;
    },

    async remove(ids) {
      if (ids.length === 0) return null;
      const r = await invoke('contactsDelete', { ids });
      if (!r.ok) return r;
      const { book } = get();
      if (book) applyBook(removeContacts(book, r.deleted.map((c) => c.id)));
      const deleted = r.deleted;
      if (deleted.length > 0) {
        showToast({
          message:
            deleted.length === 1
              ? { key: 'contacts.deleted', params: { name: deleted[0].name } }
              : { key: 'contacts.deletedMany', params: { n: deleted.length } },
          undo: async () => {
            const problem = await get().restore(deleted);
            if (problem) showToast({ message: { failure: problem }, tone: 'error' });
          },
        });
      }
      return null;
    },

    async restore(contacts) {
      const r = await invoke('contactsRestore', { contacts });
      if (!r.ok) return r;
      const { book } = get();
      if (book) applyBook(upsertContacts(book, r.contacts), r.contacts[0]?.id);
      return null;
    },

    async saveGroup(group) {
      const r = await invoke('groupSave', { group });
      if (!r.ok) return r;
      const groups = get().groups;
      const at = groups.findIndex((g) => g.id === r.group.id);
      set({ groups: at >= 0 ? groups.map((g, i) => (i === at ? r.group : g)) : [...groups, r.group] });
      return r;
    },

    async deleteGroup(id) {
      const r = await invoke('groupDelete', { id });
      if (!r.ok) return r;
      const { filter, groups } = get();
      set({ groups: groups.filter((g) => g.id !== id) });
      if (filter.kind === 'group' && filter.id === id) get().setFilter({ kind: 'all' });
      return null;
    },
  };
});
