import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../../src/shared/contract';
import type { CallLogEntry } from '../../../src/shared/domain';
import { useAppStore } from '../../../src/renderer/src/state/app-store';
import { resetCallGuards, useCallsStore } from '../../../src/renderer/src/state/calls-store';
import { resetListFollowing, useContactsStore } from '../../../src/renderer/src/state/contacts-store';
import { handleEvent, subscribeToMain } from '../../../src/renderer/src/state/events';
import { useTeamStore } from '../../../src/renderer/src/state/team-store';
import type { TeamStatus } from '../../../src/shared/team';
import { deferred, installFakeDispatch, type FakeDispatch } from './fake-dispatch';

let fake: FakeDispatch;
const entry: CallLogEntry = {
  id: 'L1',
  kind: 'call',
  createdAt: 1,
  updatedAt: 1,
  mode: 'sandbox',
  caller: '13900139000',
  parties: [{ number: '13800138000' }],
  maxDur: 600,
  session: 'S1',
  state: 'ringing',
  revision: 4,
};

beforeEach(() => {
  fake = installFakeDispatch();
  resetCallGuards();
  resetListFollowing();
  useCallsStore.setState({ strip: [], log: [], logById: new Map(), revision: null, logStatus: 'idle', logError: null });
  useAppStore.setState({ notices: [] });
});

describe('renderer events', () => {
  it('routes each event to its store', async () => {
    handleEvent({ type: 'callUpdated', data: { entry } });
    expect(useCallsStore.getState().logById.get('L1')).toEqual(entry);

    const notice = { kind: 'corrupt_file_moved' as const, file: '/d/contacts.snapshot.jsonl', movedTo: '/d/x', at: 9 };
    handleEvent({ type: 'noticeAdded', data: { notice } });
    handleEvent({ type: 'noticeAdded', data: { notice } });
    expect(useAppStore.getState().notices).toEqual([notice]);

    const listChanged = vi.spyOn(useContactsStore.getState(), 'listChanged');
    handleEvent({ type: 'contactsChanged', data: { revision: 3 } });
    expect(listChanged).toHaveBeenCalledWith(3);
  });

  it('the sign-in answer arriving after the "online" event does not take the desk back to "connecting"', async () => {
    useTeamStore.setState({ status: null, backOnline: false });
    const team = (connection: TeamStatus['connection'], revision: number): TeamStatus => ({
      connection,
      hubUrl: 'https://hub.example',
      hubName: 'hub.example',
      username: 'desk_a',
      role: 'dispatcher',
      backend: 'test',
      backendSecure: true,
      revision,
    });
    const answer = deferred<{ ok: true; team: TeamStatus }>();
    fake.teamSignIn.mockReturnValue(answer.promise);
    const signingIn = useTeamStore.getState().signIn({ hubUrl: 'https://hub.example', username: 'desk_a', password: 'pw' });
    handleEvent({ type: 'teamStatusChanged', data: { team: team('online', 2) } });
    answer.resolve({ ok: true, team: team('connecting', 1) });
    expect(await signingIn).toBeNull();
    expect(useTeamStore.getState().status?.connection).toBe('online');
    // A later change still applies.
    handleEvent({ type: 'teamStatusChanged', data: { team: team('offline', 3) } });
    expect(useTeamStore.getState().status?.connection).toBe('offline');
  });

  it('a notice that arrives while the notices are being read is kept when the read answers', async () => {
    const early = { kind: 'corrupt_file_moved' as const, file: '/d/settings.json', movedTo: '/d/y', at: 1 };
    const late = { kind: 'damaged_file_copied' as const, file: '/d/contacts.snapshot.jsonl', copiedTo: '/d/z', skippedLines: 1, at: 2 };
    const read = deferred<{ ok: true; notices: (typeof early)[] }>();
    fake.noticesList.mockReturnValue(read.promise);
    const loading = useAppStore.getState().loadNotices();
    handleEvent({ type: 'noticeAdded', data: { notice: late } });
    read.resolve({ ok: true, notices: [early] });
    await loading;
    expect(useAppStore.getState().notices).toEqual([early, late]);
  });

  it('re-reads the log, the notices and the list after the stream resumed', () => {
    fake.callLogList.mockResolvedValue({ ok: true, entries: [], revision: 0 });
    fake.noticesList.mockResolvedValue({ ok: true, notices: [] });
    handleEvent({ type: 'streamResumed', data: {} });
    expect(fake.callLogList).toHaveBeenCalledTimes(1);
    expect(fake.noticesList).toHaveBeenCalledTimes(1);
    expect(fake.contactsList).toHaveBeenCalledTimes(1);
  });

  it('subscribes through the bridge and hands back its unsubscribe', () => {
    const off = vi.fn();
    let listener: ((e: AppEvent) => void) | undefined;
    (fake as unknown as { subscribe: unknown }).subscribe = (l: (e: AppEvent) => void) => ((listener = l), off);
    expect(subscribeToMain()).toBe(off);
    listener!({ type: 'callUpdated', data: { entry } });
    expect(useCallsStore.getState().log).toEqual([entry]);
  });
});
