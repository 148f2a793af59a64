/**
 * Contacts and groups. The list is loaded a page at a time in main's display order: the first
 * page is shown at once, the rest follows in the background, each page indexed for search as it
 * arrives (see lib/search/contact-search-view.ts). Until the last page is in, searches cover the pages loaded so
 * far and the toolbar says so. Every keystroke runs a search over the index and the list renders
 * only the visible rows.
 */
import { create } from 'zustand';
import type { ContactsListResponse, ListRevision } from '../../../shared/contract';
import type { Contact, ContactDraft, ContactGroup, ContactRecord, Roster } from '../../../shared/domain';
import type { Failure } from '../../../shared/result';
import { normalizePhone } from '../../../shared/phone';
import { invoke } from '../bridge';
import {
  viewStats,
  contactAt,
  contactByNumber,
  filterSlots,
  getContact,
  queryView,
  queryNewSegments,
  removeContacts,
  rowOfSlot,
  slotOf,
  upsertContacts,
  type ViewStats,
  type SearchView,
  type ContactFilter,
} from '../lib/search/contact-search-view';
import { SearchViewLoader } from '../lib/search/view-loader';
import { sectionStartRow } from '../lib/search/sections';
import { nextTask } from '../lib/yield';
import { showToast } from './toast-store';

/** More than any screen shows, so scrolling down right away does not run out before page two. */
export const FIRST_PAGE = 200;
/**
 * The pages after the first: large enough that 50 000 contacts take a dozen requests, small
 * enough that parsing and indexing one takes a few tens of milliseconds, so a click or a
 * keystroke never waits long behind the loading.
 */
export const PAGE_SIZE = 4000;

export interface ContactsState {
  /** partial: the first pages are shown and searchable, the rest is still loading. */
  status: 'idle' | 'loading' | 'partial' | 'ready' | 'error';
  /** Why loading stopped: with no view the list shows it; with a partial view the toolbar offers a retry. */
  loadError: Failure | null;
  view: SearchView | null;
  /** Contacts loaded so far, and in the whole list (as main counts them); equal once ready. */
  loaded: number;
  total: number;
  groups: ContactGroup[];
  stats: ViewStats;
  query: string;
  filter: ContactFilter;
  /** Slots shown, in order; null = every base slot (see contact-view.ts). */
  rows: Int32Array | null;
  rowCount: number;
  /** Keyboard selection: a row index, -1 when the list is empty. */
  cursor: number;
  /**
   * Bumped when the selected row should be scrolled into view: keyboard moves and edits. A click
   * selects without it, so the row (and the button being clicked) stays where the pointer is.
   */
  reveal: number;
  load(): Promise<void>;
  /**
   * Main says the list is now at `revision` (`contactsChanged`). A change the window did not
   * make itself (an import, another path) reloads the list, through the same paged load.
   */
  listChanged(revision: number): void;
  /** Resolves once no load of the list is in progress. */
  whenLoaded(): Promise<void>;
  setQuery(query: string): void;
  setFilter(filter: ContactFilter): void;
  moveCursor(delta: number): void;
  /** Pointer selection: never scrolls. */
  setCursor(row: number): void;
  /** The A–Z bar: selects the first contact of a section (`*` favourites, a–z, `#`) and scrolls to it; false when it has none. */
  jumpToSection(section: string): boolean;
  contactAtRow(row: number): ContactRecord | undefined;
  selected(): ContactRecord | undefined;
  /** The contact a number (as typed or stored) belongs to, among the contacts loaded so far. */
  contactForNumber(number: string): ContactRecord | undefined;
  save(draft: ContactDraft): Promise<{ ok: true; contact: ContactRecord } | Failure>;
  toggleFavorite(id: string): Promise<Failure | null>;
  /** Deletes and offers Undo for a few seconds (no confirmation dialog). */
  remove(ids: string[]): Promise<Failure | null>;
  restore(contacts: Contact[]): Promise<Failure | null>;
  saveGroup(group: { id?: string; name: string }): Promise<{ ok: true; group: ContactGroup } | Failure>;
  deleteGroup(id: string): Promise<Failure | null>;
}

const EMPTY_STATS: ViewStats = { favorites: 0, groups: {} };

type Derived = Pick<ContactsState, 'rows' | 'rowCount' | 'cursor'>;

/** Rows for the current query and filter; keeps `keepId` selected when it is still shown. */
function derive(view: SearchView, query: string, filter: ContactFilter, keepId?: string, fallback = 0): Derived {
  const rows = filterSlots(view, queryView(view, query), filter);
  const rowCount = rows ? rows.length : view.base.length;
  let cursor = -1;
  if (keepId !== undefined) cursor = rowOfSlot(rows, slotOf(view, keepId), view.base.length);
  if (cursor < 0) cursor = rowCount === 0 ? -1 : Math.min(Math.max(fallback, 0), rowCount - 1);
  return { rows, rowCount, cursor };
}

type Page = Extract<ContactsListResponse, { ok: true }>;

/** main's list revision that what is shown matches (own edits included); null before the first load. */
let shownRevision: number | null = null;
/** The newest revision main announced. */
let announcedRevision = 0;
/**
 * Own edits in flight. Their `contactsChanged` comes before their answer (Electron's IPC is
 * one ordered pipe) or after it (the preview's stream is another connection), so an
 * announcement is only judged once no edit is pending and the answers' revisions are in.
 */
let ownEdits = 0;

/** For tests: forget which list revision is shown and announced. */
export function resetListFollowing(): void {
  shownRevision = null;
  announcedRevision = 0;
  ownEdits = 0;
}

/** What main sends along with the contact list for other stores (today the saved rosters). */
export interface ListedParts {
  rosters: Roster[];
}
const listedListeners = new Set<(parts: ListedParts) => void>();

/**
 * Other stores that keep data arriving with the contact list subscribe here, so this store reads
 * and writes only its own state. Returns the unsubscribe function.
 */
export function onContactsListed(listener: (parts: ListedParts) => void): () => void {
  listedListeners.add(listener);
  return () => listedListeners.delete(listener);
}

export const useContactsStore = create<ContactsState>((set, get) => {
  /** Applies an edited view, keeping the selection on the same contact when possible, and in view. */
  const applyView = (view: SearchView, keepId?: string) => {
    const s = get();
    const id = keepId ?? s.selected()?.id;
    set({ view, stats: viewStats(view), reveal: s.reveal + 1, ...derive(view, s.query, s.filter, id, s.cursor) });
  };

  /** Each load() gets a number; a load that sees a newer one stops. */
  let generation = 0;
  let loading: Promise<void> | null = null;

  /** An own edit moved the list from `before` to `after`; anything else in between means reload. */
  const adopt = (r: ListRevision) => {
    if (shownRevision === r.before) shownRevision = r.after;
  };

  const sync = () => {
    if (ownEdits > 0 || loading || shownRevision === null) return;
    if (announcedRevision > shownRevision) void load();
  };

  async function ownEdit<T>(edit: () => Promise<T>): Promise<T> {
    ownEdits++;
    try {
      return await edit();
    } finally {
      ownEdits--;
      sync();
    }
  }

  function load(): Promise<void> {
    const gen = ++generation;
    const run: Promise<void> = runLoad(gen).then(
      (loadedRevision) => {
        if (loading === run) loading = null;
        if (loadedRevision === null) return;
        shownRevision = loadedRevision;
        // Changed again after the last page was read: load once more.
        sync();
      },
      (error: unknown) => {
        if (loading === run) loading = null;
        throw error;
      },
    );
    loading = run;
    return run;
  }

  const stopped = (failure: Failure): null => {
    // With nothing on screen the list shows the failure; otherwise the loaded part stays usable.
    if (get().view) set({ loadError: failure });
    else set({ status: 'error', loadError: failure });
    return null;
  };

  /**
   * Shows what the loader has. `appendFrom`: the first segment new since the last publish of this
   * load, whose hits go after the rows on screen so that nothing on screen moves while pages
   * arrive (a click aimed at a row must land on that row); null re-derives everything.
   */
  const publish = (loader: SearchViewLoader, total: number, appendFrom: number | null) => {
    const view = loader.view();
    const s = get();
    const done = loader.loaded >= total || loader.received >= total;
    const common = {
      view,
      stats: loader.stats(),
      loaded: view.base.length,
      total: done ? view.size : total,
      status: done ? ('ready' as const) : ('partial' as const),
      loadError: null,
    };
    if (appendFrom === null || !s.view) {
      set({ ...common, ...derive(view, s.query, s.filter, s.selected()?.id, s.cursor) });
      return;
    }
    if (s.rows === null) {
      // Empty query, no filter: every base slot, and the new ones are at the end anyway.
      set({ ...common, rows: null, rowCount: view.base.length, cursor: s.cursor < 0 && view.base.length > 0 ? 0 : s.cursor });
      return;
    }
    const added = filterSlots(view, queryNewSegments(view, s.query, appendFrom), s.filter) as Int32Array;
    const rows = new Int32Array(s.rows.length + added.length);
    rows.set(s.rows);
    rows.set(added, s.rows.length);
    set({ ...common, rows, rowCount: rows.length, cursor: s.cursor < 0 && rows.length > 0 ? 0 : s.cursor });
  };

  const takeSmallParts = (page: Page) => {
    set({ groups: page.groups });
    for (const listener of listedListeners) listener({ rosters: page.rosters });
  };

  /** The revision loaded; null when the load failed or a newer one took over. */
  async function runLoad(gen: number): Promise<number | null> {
    const superseded = () => gen !== generation;
    // A retry clears the old failure at once; the list on screen stays until replaced.
    set(get().view ? { loadError: null } : { status: 'loading', loadError: null });
    const first = await invoke('contactsList', { limit: FIRST_PAGE });
    if (superseded()) return null;
    if (!first.ok) return stopped(first);
    takeSmallParts(first);
    let loader = new SearchViewLoader();
    loader.add(first.contacts);
    let { revision, total } = first;
    // A reload (after an import, a retry) or a restart keeps the list on screen until the fresh
    // pages cover as much of it, rather than shrinking it to one page under the dispatcher.
    const covers = () => loader.loaded >= (get().view?.base.length ?? 0) || loader.received >= total;
    let catchingUp = !covers();
    if (!catchingUp) publish(loader, total, null);
    const fetchPage = (offset: number) => invoke('contactsList', { offset, limit: PAGE_SIZE });
    let pending = loader.received < total ? fetchPage(loader.received) : null;
    while (pending) {
      const r = await pending;
      pending = null;
      if (superseded()) return null;
      if (!r.ok) return stopped(r);
      if (r.revision !== revision) {
        // The list changed since the first page (an edit through another path, an import):
        // offsets no longer line up, so start over and keep showing what we have meanwhile.
        loader = new SearchViewLoader();
        ({ revision, total } = r);
        takeSmallParts(r);
        catchingUp = true;
        pending = fetchPage(0);
        continue;
      }
      if (r.contacts.length === 0) break; // fewer than main said: take what there is
      // Ask for the next page before indexing this one, so that main serialises it meanwhile.
      const next = loader.received + r.contacts.length;
      if (next < r.total) pending = fetchPage(next);
      // Let input and rendering in between the page's parsing and its indexing.
      await nextTask();
      if (superseded()) return null;
      const from = loader.segmentCount;
      loader.add(r.contacts);
      total = r.total;
      if (catchingUp && !covers()) continue;
      publish(loader, total, catchingUp ? null : from);
      catchingUp = false;
    }
    if (get().status !== 'ready' || catchingUp) publish(loader, loader.received, catchingUp ? null : loader.segmentCount);
    return revision;
  }

  return {
    status: 'idle',
    loadError: null,
    view: null,
    loaded: 0,
    total: 0,
    groups: [],
    stats: EMPTY_STATS,
    query: '',
    filter: { kind: 'all' },
    rows: null,
    rowCount: 0,
    cursor: -1,
    reveal: 0,

    load,

    listChanged(revision) {
      announcedRevision = Math.max(announcedRevision, revision);
      sync();
    },

    async whenLoaded() {
      // Edits wait for this: an edit applied to a partly loaded view would be lost when the next
      // page replaces the view, and it would change main's revision and restart the loading.
      // Only the first second or two after start-up (or an import) can make an edit wait.
      while (loading) await loading;
    },

    setQuery(query) {
      const { view, filter } = get();
      if (!view) return set({ query });
      set({ query, ...derive(view, query, filter) });
    },

    setFilter(filter) {
      const { view, query } = get();
      if (!view) return set({ filter });
      set({ filter, ...derive(view, query, filter) });
    },

    moveCursor(delta) {
      const { rowCount, cursor, reveal } = get();
      if (rowCount === 0) return;
      const next = Math.max(0, Math.min(rowCount - 1, (cursor < 0 ? 0 : cursor) + delta));
      if (next !== cursor) set({ cursor: next, reveal: reveal + 1 });
    },

    setCursor(row) {
      const { rowCount } = get();
      if (row >= 0 && row < rowCount) set({ cursor: row });
    },

    jumpToSection(section) {
      const { view, rows, rowCount, query, reveal } = get();
      if (!view || query.trim() !== '') return false;
      const row = sectionStartRow(view, rows, rowCount, section);
      if (row < 0) return false;
      set({ cursor: row, reveal: reveal + 1 });
      return true;
    },

    contactAtRow(row) {
      const { view, rows, rowCount } = get();
      if (!view || row < 0 || row >= rowCount) return undefined;
      return contactAt(view, rows ? rows[row] : row);
    },

    selected() {
      return get().contactAtRow(get().cursor);
    },

    contactForNumber(number) {
      const view = get().view;
      if (!view) return undefined;
      const parsed = normalizePhone(number);
      return parsed.ok ? contactByNumber(view, parsed.number) : undefined;
    },

    save: (draft) =>
      ownEdit(async () => {
        await get().whenLoaded();
        const r = await invoke('contactSave', { contact: draft });
        if (!r.ok) return r;
        adopt(r.listRevision);
        const { view } = get();
        if (view) applyView(upsertContacts(view, [r.contact]), r.contact.id);
        return r;
      }),

    async toggleFavorite(id) {
      const view = get().view;
      const c = view && getContact(view, id);
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

    remove: (ids) =>
      ownEdit(async () => {
        if (ids.length === 0) return null;
        await get().whenLoaded();
        const r = await invoke('contactsDelete', { ids });
        if (!r.ok) return r;
        adopt(r.listRevision);
        const { view } = get();
        if (view)
          applyView(
            removeContacts(
              view,
              r.deleted.map((c) => c.id),
            ),
          );
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
      }),

    restore: (contacts) =>
      ownEdit(async () => {
        await get().whenLoaded();
        const r = await invoke('contactsRestore', { contacts });
        if (!r.ok) return r;
        adopt(r.listRevision);
        const { view } = get();
        if (view) applyView(upsertContacts(view, r.contacts), r.contacts[0]?.id);
        return null;
      }),

    async saveGroup(group) {
      const r = await invoke('groupSave', { group });
      if (!r.ok) return r;
      const groups = get().groups;
      const at = groups.findIndex((g) => g.id === r.group.id);
      set({ groups: at >= 0 ? groups.map((g, i) => (i === at ? r.group : g)) : [...groups, r.group] });
      return r;
    },

    deleteGroup: (id) =>
      ownEdit(async () => {
        // Deleting a group edits its members.
        await get().whenLoaded();
        const r = await invoke('groupDelete', { id });
        if (!r.ok) return r;
        adopt(r.listRevision);
        const { filter, groups } = get();
        set({ groups: groups.filter((g) => g.id !== id) });
        if (filter.kind === 'group' && filter.id === id) get().setFilter({ kind: 'all' });
        return null;
      }),
  };
});
