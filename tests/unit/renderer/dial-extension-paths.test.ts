/**
 * Issue 9, extensions on every dial path in the window: the search box's Enter on a number, the
 * confirmation of a link/hotkey/tray request, a contact number, redial. Each dials the main number
 * only (the `callee` main receives) and carries the extension to the strip item and the request.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StartCallResponse } from '../../../src/shared/contract';
import type { CallLogEntry, Contact } from '../../../src/shared/domain';
import { deriveStripView } from '../../../src/renderer/src/lib/call-strip';
import { partyLabel } from '../../../src/renderer/src/lib/party-label';
import { typedNumberToOffer } from '../../../src/renderer/src/lib/typed-dial';
import { callContact } from '../../../src/renderer/src/features/contacts/contact-actions';
import { redial } from '../../../src/renderer/src/features/calls/redial';
import { resetCallGuards, useCallsStore } from '../../../src/renderer/src/state/calls-store';
import { useDialRequestStore } from '../../../src/renderer/src/state/dial-request-store';
import { EMPTY_DIAL_QUEUE } from '../../../src/renderer/src/lib/dial-queue';
import { installFakeDispatch, type FakeDispatch } from './fake-dispatch';

let fake: FakeDispatch;
const accepted = (callee: string): StartCallResponse => ({ ok: true, session: 'S1', caller: '13900139000', callee, maxDur: 600, logId: 'L1' });

beforeEach(() => {
  fake = installFakeDispatch();
  fake.startCall.mockImplementation(async (req) => accepted(String(req.callee)));
  resetCallGuards();
  useCallsStore.setState({ strip: [], log: [], logById: new Map(), revision: null, logStatus: 'idle', logError: null });
  useDialRequestStore.setState({ queue: EMPTY_DIAL_QUEUE });
});
afterEach(() => resetCallGuards());

const stripParties = () => useCallsStore.getState().strip.map((i) => i.parties);

describe('the search box: Enter on a typed number', () => {
  it.each([
    ['0571-88886666 转 123', '057188886666', '123'],
    ['010-62234302-396', '01062234302', '396'],
    ['010 6552 9988 ext. 12', '01065529988', '12'],
    ['010 6552 9988 分机 12', '01065529988', '12'],
    ['01065529988x12', '01065529988', '12'],
  ])('%s offers the main number %s with extension %s', (typed, number, extension) => {
    expect(typedNumberToOffer(typed)).toEqual({ ok: true, number, kind: 'fixed', extension });
  });

  it('a number without an extension is offered as before; a name or a short query stays a search', () => {
    expect(typedNumberToOffer('138 0013 8000')).toEqual({ ok: true, number: '13800138000', kind: 'mobile' });
    expect(typedNumberToOffer('张三')).toBeNull();
    expect(typedNumberToOffer('1380')).toBeNull();
    expect(typedNumberToOffer('138-0013-8000-12')).toBeNull();
  });
});

describe('the confirmation of a link, the hotkey, the tray or the search box', () => {
  it('shows the extension with the main number; Enter dials the main number and puts the extension on the strip', async () => {
    const store = useDialRequestStore.getState();
    store.receive({ source: 'link', phone: { ok: true, number: '01062234302', kind: 'fixed', extension: '396' } });
    const current = useDialRequestStore.getState().queue.current!;
    expect(current).toMatchObject({ number: '01062234302', extension: '396', source: 'link' });
    await useDialRequestStore.getState().confirm(current.id, '王经理');
    expect(fake.startCall).toHaveBeenCalledTimes(1);
    expect(fake.startCall).toHaveBeenCalledWith({ callee: '01062234302', extension: '396' });
    expect(stripParties()).toEqual([[{ number: '01062234302', name: '王经理', extension: '396' }]]);
  });

  it('a request without an extension sends none', async () => {
    useDialRequestStore.getState().receive({ source: 'hotkey', phone: { ok: true, number: '13800138000', kind: 'mobile' } });
    await useDialRequestStore.getState().confirm(useDialRequestStore.getState().queue.current!.id);
    expect(fake.startCall).toHaveBeenCalledWith({ callee: '13800138000' });
  });
});

describe('a contact number and redial', () => {
  const contact: Contact = {
    id: 'c1',
    name: '王经理',
    numbers: [
      { label: '办公室', number: '01062234302', extension: '396' },
      { label: '手机', number: '13800138000' },
    ],
    org: '',
    notes: '',
    favorite: false,
    groupIds: [],
    createdAt: 0,
    updatedAt: 0,
  };

  it("calling a contact's office number sends its extension apart; the mobile sends none", async () => {
    await callContact(contact, 0);
    await callContact(contact, 1);
    expect(fake.startCall.mock.calls.map((c) => c[0])).toEqual([{ callee: '01062234302', extension: '396' }, { callee: '13800138000' }]);
    expect(stripParties()[1]).toEqual([{ number: '01062234302', name: '王经理', extension: '396' }]);
  });

  it('redial of a logged call with an extension asks for the same extension', async () => {
    redial('call', [{ number: '01062234302', name: '王经理', extension: '396' }]);
    await expect.poll(() => fake.startCall.mock.calls.length).toBe(1);
    expect(fake.startCall).toHaveBeenCalledWith({ callee: '01062234302', extension: '396' });
  });
});

describe('what the dispatcher reads on the strip and in the log', () => {
  it('a party reads with its extension, in the UI language', () => {
    expect(partyLabel({ number: '01062234302', name: '王经理', extension: '396' }, 'zh-CN')).toBe('王经理 010 6223 4302 转 396');
    expect(partyLabel({ number: '01062234302', extension: '396' }, 'en')).toBe('010 6223 4302 ext. 396');
    expect(partyLabel({ number: '13800138000' }, 'zh-CN')).toBe('138 0013 8000');
  });

  it('the strip keeps the extension it placed the call with when the log entry has none (an older entry)', () => {
    const entry: CallLogEntry = {
      id: 'L1',
      kind: 'call',
      createdAt: 0,
      updatedAt: 0,
      mode: 'sandbox',
      caller: '13900139000',
      parties: [{ number: '01062234302' }],
      maxDur: 600,
      session: 'S1',
      state: 'ringing',
      revision: 1,
    };
    const item = { key: 's1', kind: 'call' as const, parties: [{ number: '01062234302', extension: '396' }], startedAt: 0, submitting: false, logId: 'L1' };
    expect(deriveStripView(item, entry).parties).toEqual([{ number: '01062234302', extension: '396' }]);
    // The log's own extension wins over the local one.
    const logged = { ...entry, parties: [{ number: '01062234302', extension: '397' }] };
    expect(deriveStripView(item, logged).parties).toEqual([{ number: '01062234302', extension: '397' }]);
  });
});
