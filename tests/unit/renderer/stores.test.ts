import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeSearchKeys } from '../../../src/main/contacts/search-keys';
import type { StartCallResponse } from '../../../src/shared/contract';
import type { CallLogEntry, Contact, ContactRecord, Settings } from '../../../src/shared/domain';
import { useAppStore } from '../../../src/renderer/src/state/app-store';
import { POLL_MS, REPEAT_GUARD_MS, resetCallGuards, useCallsStore } from '../../../src/renderer/src/state/calls-store';
import { useContactsStore } from '../../../src/renderer/src/state/contacts-store';
import { useRosterStore } from '../../../src/renderer/src/state/roster-store';
import { UNDO_WINDOW_MS, useToastStore } from '../../../src/renderer/src/state/toast-store';
import { deferred, installFakeDispatch, type FakeDispatch } from './fake-dispatch';

const OWN = '13900139000';
const settings: Settings = {
  callerAcc: 'disp01',
  callerNumber: OWN,
  defaultMaxDur: 600,
  maxDurMin: 30,
  maxDurMax: 3600,
  mode: 'sandbox',
  language: 'zh-CN',
  baseUrl: 'https://api.netease.im',
};

function record(id: string, name: string, number: string, patch: Partial<Contact> = {}): ContactRecord {
  const c: Contact = { id, name, numbers: [{ label: '手机', number }], org: '', notes: '', favorite: false, groupIds: [], createdAt: 0, updatedAt: 0, ...patch };
  return { ...c, keys: computeSearchKeys(c) };
}
const strip = (c: ContactRecord): Contact => {
  const { keys: _keys, ...rest } = c;
  return rest;
};

const people = [record('1', '王伟', '13800000001'), record('2', '张三', '13800000002'), record('3', '张三丰', '13800000003'), record('4', '李四', '13800000004')];

function logEntry(patch: Partial<CallLogEntry>): CallLogEntry {
  return { id: 'L1', kind: 'call', createdAt: Date.now(), updatedAt: Date.now(), mode: 'sandbox', caller: OWN, parties: [{ number: '13800000002' }], maxDur: 600, session: 'S1', state: 'submitted', revision: 0, ...patch };
}

let fake: FakeDispatch;

beforeEach(() => {
  fake = installFakeDispatch();
  resetCallGuards();
  useAppStore.setState({ settings, account: null, loadError: null, tab: 'contacts', helpOpen: false, notices: [] });
  useContactsStore.setState({ status: 'idle', loadError: null, book: null, groups: [], query: '', filter: { kind: 'all' }, rows: null, rowCount: 0, cursor: -1 });
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
    fake.contactsList.mockResolvedValue({ ok: true, contacts: people, groups: [], rosters: [{ id: 'r1', name: '早班', members: [], createdAt: 0, updatedAt: 0 }] });
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
    fake.contactsDelete.mockResolvedValue({ ok: true, deleted });
    fake.contactsRestore.mockResolvedValue({ ok: true, contacts: [people[1]] });

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
    fake.contactSave.mockResolvedValue({ ok: true, contact: saved });
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
    expect(s.loadError?.text?.['zh-CN']).toBeTruthy();
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

  it('follows the call through the log, polling with sinceRevision until it ends', async () => {
    vi.useFakeTimers();
    fake.startCall.mockResolvedValue(accepted());
    fake.callLogList
      .mockResolvedValueOnce({ ok: true, entries: [logEntry({ state: 'submitted' })], revision: 1 })
      .mockResolvedValueOnce({ ok: true, entries: [logEntry({ state: 'ringing' })], revision: 2 })
      .mockResolvedValueOnce({ ok: true, entries: [logEntry({ state: 'ended', durationSec: 42, hangCause: 'NORMAL_CLEARING' })], revision: 3 })
      .mockResolvedValue({ ok: true, entries: [], revision: 3 });

    await useCallsStore.getState().startCall({ number: '13800000002', name: '张三' });
    const item = useCallsStore.getState().strip[0];
    expect(item).toMatchObject({ submitting: false, logId: 'L1', session: 'S1' });
    expect(fake.callLogList).toHaveBeenLastCalledWith({});

    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(fake.callLogList).toHaveBeenLastCalledWith({ sinceRevision: 1 });
    expect(useCallsStore.getState().logById.get('L1')?.state).toBe('ringing');

    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(useCallsStore.getState().logById.get('L1')).toMatchObject({ state: 'ended', durationSec: 42 });
    const calls = fake.callLogList.mock.calls.length;
    await vi.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(fake.callLogList.mock.calls.length).toBe(calls);
  });

  it('never re-sends a failed start, and shows the failure', async () => {
    vi.useFakeTimers();
    const text = { 'zh-CN': '请求超时：对方可能已被呼叫，请先确认再重拨', en: 'Timed out' };
    fake.startCall.mockResolvedValue({ ok: false, code: 'timeout', message: 'timeout', text });
    fake.callLogList.mockResolvedValue({ ok: true, entries: [], revision: 0 });
    expect(await useCallsStore.getState().startCall({ number: '13800000002' })).toBe('failed');
    await vi.advanceTimersByTimeAsync(POLL_MS * 10);
    expect(fake.startCall).toHaveBeenCalledTimes(1);
    expect(useCallsStore.getState().strip[0].failure).toMatchObject({ code: 'timeout', text });
  });

  it('turns a rejected IPC call into a failure on the strip', async () => {
    fake.startConf.mockRejectedValue(new Error("No handler registered for 'dispatch:startConf'"));
    fake.callLogList.mockResolvedValue({ ok: true, entries: [], revision: 0 });
    const outcome = await useCallsStore.getState().startConf([{ name: 'A', number: '13800000001' }, { name: '', number: '13800000002' }]);
    expect(outcome).toBe('failed');
    const item = useCallsStore.getState().strip[0];
    expect(item.kind).toBe('conf');
    expect(item.parties).toEqual([{ name: 'A', number: '13800000001' }, { number: '13800000002' }]);
    expect(item.failure?.code).toBe('internal');
  });

  it('puts calls still open at start-up back on the strip', async () => {
    fake.callLogList.mockResolvedValue({ ok: true, entries: [logEntry({ id: 'open', state: 'answered' }), logEntry({ id: 'done', state: 'ended' })], revision: 5 });
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
