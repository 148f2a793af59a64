import { msg } from '../../../src/shared/i18n';
import { words } from '../../support/words';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeSearchKeys } from '../../../src/main/contacts/search-keys';
import type { StartCallResponse } from '../../../src/shared/contract';
import type { CallLogEntry, Contact, ContactRecord, Settings } from '../../../src/shared/domain';
import { useAppStore } from '../../../src/renderer/src/state/app-store';
import { REPEAT_GUARD_MS, resetCallGuards, useCallsStore } from '../../../src/renderer/src/state/calls-store';
import { FIRST_PAGE, PAGE_SIZE, resetListFollowing, useContactsStore } from '../../../src/renderer/src/state/contacts-store';
import { createSearchView, sortKey } from '../../../src/renderer/src/lib/search/contact-search-view';
import { useRosterStore } from '../../../src/renderer/src/state/roster-store';
import { UNDO_WINDOW_MS, useToastStore } from '../../../src/renderer/src/state/toast-store';
import { deferred, installFakeDispatch, type FakeDispatch } from './fake-dispatch';

const OWN = '13900139000';
const settings: Settings = {
  callerAcc: 'disp01',
  callerNumber: OWN,
  defaultMaxDur: 600,
  confPerPersonSec: 600,
  maxDurMin: 30,
  maxDurMax: 3600,
  mode: 'sandbox',
  language: 'zh-CN',
  baseUrl: 'https://api.netease.im',
};

function record(id: string, name: string, number: string, patch: Partial<Contact> = {}): ContactRecord {
  const c: Contact = {
    id,
    name,
    numbers: [{ label: '手机', number }],
    org: '',
    notes: '',
    favorite: false,
    groupIds: [],
    createdAt: 0,
    updatedAt: 0,
    ...patch,
  };
  return { ...c, keys: computeSearchKeys(c) };
}
const strip = (c: ContactRecord): Contact => {
  const { keys: _keys, ...rest } = c;
  return rest;
};

const people = [
  record('1', '王伟', '13800000001'),
  record('2', '张三', '13800000002'),
  record('3', '张三丰', '13800000003'),
  record('4', '李四', '13800000004'),
];

function logEntry(patch: Partial<CallLogEntry>): CallLogEntry {
  return {
    id: 'L1',
    kind: 'call',
    createdAt: Date.now(),
    updatedAt: Date.now(),
    mode: 'sandbox',
    caller: OWN,
    parties: [{ number: '13800000002' }],
    maxDur: 600,
    session: 'S1',
    state: 'submitted',
    revision: 0,
    ...patch,
  };
}

let fake: FakeDispatch;

beforeEach(() => {
  fake = installFakeDispatch();
  resetCallGuards();
  useAppStore.setState({ settings, account: null, loadError: null, tab: 'contacts', helpOpen: false, notices: [] });
  resetListFollowing();
  useContactsStore.setState({
    status: 'idle',
    loadError: null,
    view: null,
    loaded: 0,
    total: 0,
    groups: [],
    query: '',
    filter: { kind: 'all' },
    rows: null,
    rowCount: 0,
    cursor: -1,
    reveal: 0,
  });
  useRosterStore.setState({ members: [], note: null, saved: [], confirm: null });
  useCallsStore.setState({ strip: [], log: [], logById: new Map(), revision: null, logStatus: 'idle', logError: null });
  for (const t of useToastStore.getState().toasts) useToastStore.getState().dismiss(t.id);
});

afterEach(() => {
  resetCallGuards();
  vi.useRealTimers();
});

describe('contacts store', () => {
  beforeEach(() => {
    fake.contactsList.mockResolvedValue({
      ok: true,
      contacts: people,
      total: people.length,
      revision: 1,
      groups: [],
      rosters: [{ id: 'r1', name: '早班', members: [], createdAt: 0, updatedAt: 0 }],
    });
  });

  describe('following main (contactsChanged)', () => {
    const page = (contacts: ContactRecord[], revision: number) => ({ ok: true as const, contacts, total: contacts.length, revision, groups: [], rosters: [] });
    const saved = record('5', '赵六', '13800000005');
    const draft = { name: '赵六', numbers: [{ label: '', number: '13800000005' }] };
    /** Resolves once the store has run a load to the end (the reload is started by the event, not by the test). */
    const reloaded = () =>
      new Promise<void>((resolve) => {
        const stop = useContactsStore.subscribe((s) => {
          if (fake.contactsList.mock.calls.length > 1 && s.status === 'ready' && s.view?.size === people.length + 1) {
            stop();
            resolve();
          }
        });
      });

    it('an own edit whose event comes before its answer (Electron) reloads nothing', async () => {
      await useContactsStore.getState().load();
      fake.contactSave.mockImplementation(async () => {
        useContactsStore.getState().listChanged(2);
        return { ok: true, contact: saved, listRevision: { before: 1, after: 2 } };
      });
      expect((await useContactsStore.getState().save(draft)).ok).toBe(true);
      expect(fake.contactsList).toHaveBeenCalledTimes(1);
      expect(useContactsStore.getState().view!.size).toBe(5);
    });

    it('an own edit whose event comes after its answer (the preview) reloads nothing', async () => {
      await useContactsStore.getState().load();
      fake.contactSave.mockResolvedValue({ ok: true, contact: saved, listRevision: { before: 1, after: 2 } });
      await useContactsStore.getState().save(draft);
      useContactsStore.getState().listChanged(2);
      useContactsStore.getState().listChanged(1);
      expect(fake.contactsList).toHaveBeenCalledTimes(1);
    });

    it('a change made elsewhere (an import) reloads the list through the paged load', async () => {
      await useContactsStore.getState().load();
      fake.contactsList.mockResolvedValue(page([...people, saved], 2));
      const done = reloaded();
      useContactsStore.getState().listChanged(2);
      await done;
      expect(fake.contactsList).toHaveBeenLastCalledWith({ limit: FIRST_PAGE });
      expect(useContactsStore.getState().view!.size).toBe(5);
    });

    it('a change by another desk keeps the same contact selected, not the same row', async () => {
      const many = Array.from({ length: FIRST_PAGE + 50 }, (_, i) =>
        record(`m${i}`, `成员${String(i).padStart(4, '0')}`, `1380010${String(i).padStart(4, '0')}`),
      );
      fake.contactsList.mockImplementation(async (req: { offset?: number; limit?: number }) => {
        const all = currentList;
        const offset = req.offset ?? 0;
        return { ...page(all.slice(offset, offset + (req.limit ?? all.length)), currentRevision), total: all.length };
      });
      let currentList = many;
      let currentRevision = 1;
      await useContactsStore.getState().load();
      useContactsStore.getState().setCursor(FIRST_PAGE + 10);
      const chosen = useContactsStore.getState().selected()!.id;
      // Someone else adds a contact that sorts above the selection.
      currentList = [record('new', '阿新', '13800009999'), ...many];
      currentRevision = 2;
      const done = new Promise<void>((resolve) => {
        const stop = useContactsStore.subscribe((s) => {
          if (s.status === 'ready' && s.view?.size === many.length + 1) {
            stop();
            resolve();
          }
        });
      });
      useContactsStore.getState().listChanged(2);
      await done;
      await useContactsStore.getState().whenLoaded();
      expect(useContactsStore.getState().selected()?.id).toBe(chosen);
      expect(useContactsStore.getState().cursor).toBe(FIRST_PAGE + 11);
    });

    it('a change elsewhere between the list shown and an own edit reloads once the edit is answered', async () => {
      await useContactsStore.getState().load();
      const gate = deferred<void>();
      fake.contactSave.mockImplementation(async () => {
        useContactsStore.getState().listChanged(2); // the import
        useContactsStore.getState().listChanged(3); // our save
        await gate.promise;
        return { ok: true, contact: saved, listRevision: { before: 2, after: 3 } };
      });
      const saving = useContactsStore.getState().save(draft);
      await until(() => fake.contactSave.mock.calls.length === 1);
      // Nothing is judged while our own edit is out.
      expect(fake.contactsList).toHaveBeenCalledTimes(1);
      fake.contactsList.mockResolvedValue(page([...people, saved], 3));
      const done = reloaded();
      gate.resolve();
      await saving;
      await done;
      expect(fake.contactsList.mock.calls.length).toBeGreaterThan(1);
    });
  });

  it('loads once, searches per query and keeps the cursor in range', async () => {
    const s = useContactsStore.getState();
    await s.load();
    expect(fake.contactsList).toHaveBeenCalledTimes(1);
    expect(useContactsStore.getState()).toMatchObject({ status: 'ready', rowCount: 4, cursor: 0 });
    expect(useRosterStore.getState().saved.map((r) => r.name)).toEqual(['早班']);

    s.setQuery('zhangsan');
    expect(useContactsStore.getState().rowCount).toBe(2);
    expect(useContactsStore.getState().selected()?.name).toBe('张三');
    s.moveCursor(1);
    s.moveCursor(1);
    expect(useContactsStore.getState().selected()?.name).toBe('张三丰');
    s.moveCursor(-5);
    expect(useContactsStore.getState().cursor).toBe(0);
    s.setQuery('nobody');
    expect(useContactsStore.getState()).toMatchObject({ rowCount: 0, cursor: -1 });
    expect(useContactsStore.getState().selected()).toBeUndefined();
  });

  it('deletes without confirmation and restores exactly what was deleted on Undo', async () => {
    await useContactsStore.getState().load();
    const deleted = [strip(people[1])];
    fake.contactsDelete.mockResolvedValue({ ok: true, deleted, listRevision: { before: 1, after: 2 } });
    fake.contactsRestore.mockResolvedValue({ ok: true, contacts: [people[1]], listRevision: { before: 2, after: 3 } });

    expect(await useContactsStore.getState().remove(['2'])).toBeNull();
    expect(fake.contactsDelete).toHaveBeenCalledWith({ ids: ['2'] });
    expect(useContactsStore.getState().rowCount).toBe(3);
    const toast = useToastStore.getState().toasts.at(-1)!;
    expect(toast.message).toEqual({ key: 'contacts.deleted', params: { name: '张三' } });
    expect(toast.timeoutMs).toBe(UNDO_WINDOW_MS);

    await useToastStore.getState().runUndo(toast.id);
    expect(fake.contactsRestore).toHaveBeenCalledWith({ contacts: deleted });
    expect(useContactsStore.getState().rowCount).toBe(4);
    useContactsStore.getState().setQuery('张三');
    expect(useContactsStore.getState().rowCount).toBe(2);
  });

  it('applies a saved contact without reloading and selects it', async () => {
    await useContactsStore.getState().load();
    const saved = record('5', '赵六', '13800000005');
    fake.contactSave.mockResolvedValue({ ok: true, contact: saved, listRevision: { before: 1, after: 2 } });
    const r = await useContactsStore.getState().save({ name: '赵六', numbers: [{ label: '手机', number: '138 0000 0005' }] });
    expect(r.ok).toBe(true);
    expect(fake.contactsList).toHaveBeenCalledTimes(1);
    expect(useContactsStore.getState().rowCount).toBe(5);
    expect(useContactsStore.getState().selected()?.id).toBe('5');
  });

  it('reports a failed load as a failure, not an exception', async () => {
    fake.contactsList.mockRejectedValue(new Error('No handler registered'));
    await useContactsStore.getState().load();
    const s = useContactsStore.getState();
    expect(s.status).toBe('error');
    expect(words(s.loadError, 'zh-CN')).toBeTruthy();
  });
});

describe('contacts store: the list in pages', () => {
  // Main's side: the list in display order, paged, with a revision the test can move.
  const SURNAMES = [...'王李张刘陈杨黄赵吴周'];
  const view = Array.from({ length: FIRST_PAGE + 2 * PAGE_SIZE + 123 }, (_, i) =>
    record(`c${i}`, SURNAMES[i % 10] + (i % 7 ? '三' : '小明'), `13${String(i).padStart(9, '0')}`),
  )
    .map((c) => [sortKey(c), c] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, c]) => c);
  let revision = 1;
  let calls: Array<{ offset?: number; limit?: number }> = [];
  let gate: ReturnType<typeof deferred<void>> | null = null;

  beforeEach(() => {
    revision = 1;
    calls = [];
    gate = null;
    fake.contactsList.mockImplementation(async (req) => {
      calls.push(req);
      // Pages after the first wait for the test when it holds the gate.
      if ((req.offset ?? 0) > 0 && gate) await gate.promise;
      const offset = req.offset ?? 0;
      const contacts = view.slice(offset, offset + (req.limit ?? view.length));
      return { ok: true, contacts, total: view.length, revision, groups: [], rosters: [] };
    });
  });

  it('shows the first page at once, then the rest, searchable as it arrives, without moving rows on screen', async () => {
    gate = deferred<void>();
    const s = useContactsStore.getState();
    const loading = s.load();
    await until(() => useContactsStore.getState().status === 'partial');
    expect(calls[0]).toEqual({ limit: FIRST_PAGE });
    expect(useContactsStore.getState()).toMatchObject({ loaded: FIRST_PAGE, total: view.length, rowCount: FIRST_PAGE, cursor: 0 });

    // A search while loading covers what is loaded; arriving pages add rows after those shown.
    s.setQuery('三');
    const shown = Array.from(useContactsStore.getState().rows!);
    expect(shown.length).toBeGreaterThan(0);
    gate.resolve();
    await loading;
    const after = useContactsStore.getState();
    expect(after).toMatchObject({ status: 'ready', loaded: view.length, total: view.length });
    expect(Array.from(after.rows!).slice(0, shown.length)).toEqual(shown);
    expect(after.rowCount).toBe(view.filter((c) => c.name.includes('三')).length);
    expect(calls.slice(1)).toEqual([
      { offset: FIRST_PAGE, limit: PAGE_SIZE },
      { offset: FIRST_PAGE + PAGE_SIZE, limit: PAGE_SIZE },
      { offset: FIRST_PAGE + 2 * PAGE_SIZE, limit: PAGE_SIZE },
    ]);
    // The next keystroke ranks over everything.
    s.setQuery('');
    expect(useContactsStore.getState()).toMatchObject({ rows: null, rowCount: view.length });
  });

  it('starts over when the list changes while loading, and ends with every contact once', async () => {
    gate = deferred<void>();
    const loading = useContactsStore.getState().load();
    await until(() => useContactsStore.getState().status === 'partial');
    revision = 2;
    gate.resolve();
    await loading;
    const s = useContactsStore.getState();
    expect(s).toMatchObject({ status: 'ready', loaded: view.length });
    expect(new Set(s.view!.base.map((c) => c.id)).size).toBe(view.length);
    expect(calls.filter((c) => c.offset === 0)).toHaveLength(1);
  });

  it('keeps what it has when a page fails, says so, and completes on retry', async () => {
    let failures = 1;
    const pages = fake.contactsList.getMockImplementation()!;
    fake.contactsList.mockImplementation(async (req) => {
      if ((req.offset ?? 0) > FIRST_PAGE && failures-- > 0) return { ok: false, code: 'internal', message: 'boom' };
      return pages(req);
    });
    await useContactsStore.getState().load();
    expect(useContactsStore.getState()).toMatchObject({ status: 'partial', loaded: FIRST_PAGE + PAGE_SIZE });
    expect(useContactsStore.getState().loadError?.message).toBe('boom');
    await useContactsStore.getState().load();
    expect(useContactsStore.getState()).toMatchObject({ status: 'ready', loaded: view.length, loadError: null });
  });

  it('holds an edit until the list is in, so that no page can undo it on screen', async () => {
    gate = deferred<void>();
    const loading = useContactsStore.getState().load();
    await until(() => useContactsStore.getState().status === 'partial');
    const saved = record('new', '阿阿', '13900000001');
    fake.contactSave.mockResolvedValue({ ok: true, contact: saved, listRevision: { before: 1, after: 2 } });
    const saving = useContactsStore.getState().save({ name: '阿阿', numbers: [{ label: '', number: '13900000001' }] });
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.contactSave).not.toHaveBeenCalled();
    gate.resolve();
    await loading;
    expect((await saving).ok).toBe(true);
    expect(useContactsStore.getState().selected()?.id).toBe('new');
    expect(useContactsStore.getState().view!.size).toBe(view.length + 1);
  });

  it('scrolls to the selection for the keyboard and for edits, never for a click', async () => {
    await useContactsStore.getState().load();
    const s = useContactsStore.getState();
    const reveal = () => useContactsStore.getState().reveal;
    const r0 = reveal();
    s.setCursor(5);
    expect(useContactsStore.getState().cursor).toBe(5);
    expect(reveal()).toBe(r0);
    s.moveCursor(1);
    expect(reveal()).toBe(r0 + 1);
    fake.contactSave.mockResolvedValue({ ok: true, contact: { ...view[3], favorite: true }, listRevision: { before: 1, after: 2 } });
    await s.toggleFavorite(view[3].id);
    expect(reveal()).toBe(r0 + 2);
  });
});

describe('contacts store: the A–Z bar', () => {
  it('selects and reveals the first contact of a section, and does nothing for an empty one or while searching', () => {
    useContactsStore.setState({ view: createSearchView([...people, record('5', '胡军', '13800000005')]) });
    const s = useContactsStore.getState();
    s.setQuery('');
    expect(s.jumpToSection('z')).toBe(true);
    expect(useContactsStore.getState().selected()?.name).toBe('张三');
    const reveal = useContactsStore.getState().reveal;
    expect(s.jumpToSection('h')).toBe(true);
    expect(useContactsStore.getState().selected()?.name).toBe('胡军');
    expect(useContactsStore.getState().reveal).toBe(reveal + 1);
    expect(s.jumpToSection('q')).toBe(false);
    s.setQuery('zhang');
    expect(s.jumpToSection('l')).toBe(false);
  });
});

describe('roster store', () => {
  it("refuses the 9th, duplicates and the dispatcher's own number with a message", () => {
    const r = useRosterStore.getState();
    for (let i = 0; i < 8; i++) expect(r.add({ number: `1380000000${i}` })).toBe(true);
    expect(useRosterStore.getState().members).toHaveLength(8);

    expect(r.add({ number: '13700000000' })).toBe(false);
    expect(useRosterStore.getState().note).toEqual({ message: { key: 'roster.refused.full', params: { max: 8 } }, tone: 'error' });

    r.remove(7);
    expect(r.add({ number: '+86 138-0000-0000' })).toBe(false);
    expect(useRosterStore.getState().note?.message).toMatchObject({ key: 'roster.refused.duplicate', params: { position: 1 } });

    expect(r.add({ number: '139 0013 9000' })).toBe(false);
    expect(useRosterStore.getState().note?.message).toMatchObject({ key: 'roster.refused.own' });
    expect(useRosterStore.getState().members).toHaveLength(7);
  });

  it('takes a typed number that belongs to a contact as that contact: named, and refused when the contact is already in (issue 9 §5)', () => {
    const twoNumbers = record('9', '赵六', '13800000009', {
      numbers: [
        { label: '手机', number: '13800000009' },
        { label: '办公', number: '01065529988' },
      ],
    });
    useContactsStore.setState({ view: createSearchView([...people, twoNumbers]) });
    const r = useRosterStore.getState();
    expect(r.add({ number: '138 0000 0002' })).toBe(true);
    expect(useRosterStore.getState().members).toEqual([{ name: '张三', number: '13800000002', contactId: '2' }]);
    expect(r.add({ number: '13800000009' })).toBe(true);
    // 赵六's office number, typed: 赵六 is already in.
    expect(r.add({ number: '010-6552-9988' })).toBe(false);
    expect(useRosterStore.getState().note?.message).toMatchObject({ key: 'roster.refused.duplicateNamed', params: { name: '赵六', position: 2 } });
    // A number nobody has stays a bare number.
    expect(r.add({ number: '13700000007' })).toBe(true);
    expect(useRosterStore.getState().members[2]).toEqual({ name: '', number: '13700000007' });
  });

  it('opens the confirmation only with participants, and replacing the roster can be undone', async () => {
    const r = useRosterStore.getState();
    expect(r.openConfirm()).toBe(false);
    expect(useRosterStore.getState().confirm).toBeNull();
    r.add({ number: '13800000001', name: '王伟' });
    expect(r.openConfirm()).toBe(true);
    expect(useRosterStore.getState().confirm?.members.map((m) => m.name)).toEqual(['王伟']);
    r.closeConfirm();

    r.replace([]);
    expect(useRosterStore.getState().members).toEqual([]);
    const toast = useToastStore.getState().toasts.at(-1)!;
    await useToastStore.getState().runUndo(toast.id);
    expect(useRosterStore.getState().members.map((m) => m.number)).toEqual(['13800000001']);
  });
});

describe('calls store', () => {
  const accepted = (logId = 'L1'): StartCallResponse => ({ ok: true, session: 'S1', caller: OWN, callee: '13800000002', maxDur: 600, logId });

  it('ignores a second start of the same call while the first is being submitted', async () => {
    const gate = deferred<StartCallResponse>();
    fake.startCall.mockReturnValue(gate.promise);
    fake.callLogList.mockResolvedValue({ ok: true, entries: [], revision: 0 });
    const calls = useCallsStore.getState();
    const first = calls.startCall({ number: '13800000002', name: '张三' });
    const second = calls.startCall({ number: '+86 138 0000 0002' });
    expect(await second).toBe('ignored');
    expect(useCallsStore.getState().strip.map((i) => i.submitting)).toEqual([true]);
    gate.resolve(accepted());
    expect(await first).toBe('accepted');
    expect(fake.startCall).toHaveBeenCalledTimes(1);
    expect(fake.startCall).toHaveBeenCalledWith({ callee: '13800000002' });
  });

  it('takes an identical call right after the previous one for a double click', async () => {
    vi.useFakeTimers();
    fake.startCall.mockResolvedValue(accepted());
    fake.callLogList.mockResolvedValue({ ok: true, entries: [], revision: 0 });
    const calls = useCallsStore.getState();
    expect(await calls.startCall({ number: '13800000002' })).toBe('accepted');
    expect(await calls.startCall({ number: '13800000002' })).toBe('ignored');
    expect(useToastStore.getState().toasts.at(-1)?.message).toMatchObject({ key: 'calls.repeatIgnored' });
    expect(await calls.startCall({ number: '13800000003' })).toBe('accepted');
    vi.advanceTimersByTime(REPEAT_GUARD_MS);
    expect(await calls.startCall({ number: '13800000002' })).toBe('accepted');
    // An explicit redial is deliberate: allowed right away.
    expect(await calls.startCall({ number: '13800000002' }, { explicit: true })).toBe('accepted');
    expect(fake.startCall).toHaveBeenCalledTimes(4);
  });

  it('never lets even an explicit redial through while the same call is in flight', async () => {
    const gate = deferred<StartCallResponse>();
    fake.startCall.mockReturnValue(gate.promise);
    fake.callLogList.mockResolvedValue({ ok: true, entries: [], revision: 0 });
    const first = useCallsStore.getState().startCall({ number: '13800000002' });
    expect(await useCallsStore.getState().startCall({ number: '13800000002' }, { explicit: true })).toBe('ignored');
    gate.resolve(accepted());
    await first;
    expect(fake.startCall).toHaveBeenCalledTimes(1);
  });

  it('follows the call through callUpdated events, without reading the log again', async () => {
    fake.callLogList.mockResolvedValue({ ok: true, entries: [], revision: 0 });
    await useCallsStore.getState().refreshLog();
    fake.callLogList.mockClear();
    fake.startCall.mockImplementation(async () => {
      // As in Electron: main records the attempt, and its event arrives before the answer.
      useCallsStore.getState().applyEntry(logEntry({ state: 'submitted', revision: 1 }));
      return accepted();
    });

    expect(await useCallsStore.getState().startCall({ number: '13800000002', name: '张三' })).toBe('accepted');
    expect(useCallsStore.getState().strip[0]).toMatchObject({ submitting: false, logId: 'L1', session: 'S1' });
    expect(useCallsStore.getState().log.map((e) => e.id)).toEqual(['L1']);

    useCallsStore.getState().applyEntry(logEntry({ state: 'ringing', revision: 2 }));
    expect(useCallsStore.getState().logById.get('L1')?.state).toBe('ringing');
    useCallsStore.getState().applyEntry(logEntry({ state: 'ended', durationSec: 42, hangCause: 'NORMAL_CLEARING', revision: 3 }));
    expect(useCallsStore.getState().logById.get('L1')).toMatchObject({ state: 'ended', durationSec: 42 });
    expect(fake.callLogList).not.toHaveBeenCalled();
  });

  it('keeps the newest copy of an entry when an event and a read cross', async () => {
    useCallsStore.getState().applyEntry(logEntry({ state: 'answered', revision: 7 }));
    // A read answered before the event was sent, arriving after it (the preview's two connections).
    fake.callLogList.mockResolvedValue({ ok: true, entries: [logEntry({ state: 'ringing', revision: 6 })], revision: 6 });
    await useCallsStore.getState().refreshLog();
    expect(useCallsStore.getState().logById.get('L1')?.state).toBe('answered');
    expect(useCallsStore.getState().log).toHaveLength(1);
    // An older event after a newer one changes nothing either.
    const before = useCallsStore.getState().log;
    useCallsStore.getState().applyEntry(logEntry({ state: 'submitted', revision: 5 }));
    expect(useCallsStore.getState().log).toBe(before);
    // The next read starts after the last read, not after the event: events can skip entries.
    fake.callLogList.mockResolvedValue({ ok: true, entries: [], revision: 7 });
    await useCallsStore.getState().refreshLog();
    expect(fake.callLogList).toHaveBeenLastCalledWith({ sinceRevision: 6 });
  });

  it('never re-sends a failed start, and shows the failure', async () => {
    vi.useFakeTimers();
    fake.startCall.mockResolvedValue({ ok: false, code: 'timeout', message: 'timeout', detail: msg('yunxin.local.maybePlaced') });
    fake.callLogList.mockResolvedValue({ ok: true, entries: [], revision: 0 });
    expect(await useCallsStore.getState().startCall({ number: '13800000002' })).toBe('failed');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.startCall).toHaveBeenCalledTimes(1);
    expect(useCallsStore.getState().strip[0].failure).toMatchObject({ code: 'timeout', detail: msg('yunxin.local.maybePlaced') });
  });

  it('turns a rejected IPC call into a failure on the strip', async () => {
    fake.startConf.mockRejectedValue(new Error("No handler registered for 'dispatch:startConf'"));
    fake.callLogList.mockResolvedValue({ ok: true, entries: [], revision: 0 });
    const outcome = await useCallsStore.getState().startConf([
      { name: 'A', number: '13800000001' },
      { name: '', number: '13800000002' },
    ]);
    expect(outcome).toBe('failed');
    const item = useCallsStore.getState().strip[0];
    expect(item.kind).toBe('conf');
    expect(item.parties).toEqual([{ name: 'A', number: '13800000001' }, { number: '13800000002' }]);
    expect(item.failure?.code).toBe('internal');
  });

  it('puts calls still open at start-up back on the strip', async () => {
    fake.callLogList.mockResolvedValue({
      ok: true,
      entries: [logEntry({ id: 'open', state: 'answered' }), logEntry({ id: 'done', state: 'ended' })],
      revision: 5,
    });
    await useCallsStore.getState().refreshLog();
    expect(useCallsStore.getState().strip.map((i) => i.logId)).toEqual(['open']);
    expect(useCallsStore.getState().log).toHaveLength(2);
    resetCallGuards();
  });
});

describe('toast store', () => {
  it('dismisses after its time unless held', () => {
    vi.useFakeTimers();
    const t = useToastStore.getState();
    const a = t.show({ message: { key: 'roster.cleared' } });
    const b = t.show({ message: { key: 'roster.cleared' }, undo: () => undefined });
    t.hold(b);
    vi.advanceTimersByTime(UNDO_WINDOW_MS + 1);
    expect(useToastStore.getState().toasts.map((x) => x.id)).toEqual([b]);
    t.release(b);
    vi.advanceTimersByTime(UNDO_WINDOW_MS + 1);
    expect(useToastStore.getState().toasts).toEqual([]);
    expect(a).not.toBe(b);
  });
});

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (done()) return;
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error('condition never met');
}
