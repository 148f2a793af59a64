import { describe, expect, it, vi, type Mock } from 'vitest';
import { webContents } from 'electron';
import { forwardEventsToWindows, type EventTarget } from '../../../src/main/electron/events';
import { createEventBus } from '../../../src/main/events/event-bus';
import { EVENTS_CHANNEL } from '../../../src/shared/contract';
import { createMemoryLog } from '../../support/memory-log';

const APP = 'file:///app/out/renderer/index.html';

type FakeTarget = EventTarget & { send: Mock<EventTarget['send']> };

function target(url = APP, destroyed = false): FakeTarget {
  return { isDestroyed: () => destroyed, getURL: () => url, send: vi.fn<EventTarget['send']>() };
}

function setUp(targets: Record<number, EventTarget>, windowIds: Set<number>) {
  const bus = createEventBus(createMemoryLog());
  const find = vi.fn((id: number) => targets[id]);
  const stop = forwardEventsToWindows({
    subscribe: bus.subscribe,
    windowIds: () => windowIds,
    isAppUrl: (url) => url === APP,
    log: createMemoryLog(),
    find,
  });
  return { bus, find, stop };
}

describe('Electron event forwarding', () => {
  it("sends each event on the one events channel to the app's registered windows only", () => {
    const app = target();
    const other = target(); // e.g. devtools or any webContents the app did not register
    const { bus, find } = setUp({ 1: app, 2: other }, new Set([1]));
    bus.emit('contactsChanged', { revision: 4 });
    expect(app.send).toHaveBeenCalledExactlyOnceWith(EVENTS_CHANNEL, { type: 'contactsChanged', data: { revision: 4 } });
    expect(other.send).not.toHaveBeenCalled();
    // Never a broadcast: only the registered ids are even looked up.
    expect(find.mock.calls.map(([id]) => id)).toEqual([1]);
  });

  it('skips a destroyed window and a window that left the app page; the others still get it', () => {
    const closing = target(APP, true);
    const elsewhere = target('https://evil.example/');
    const live = target();
    const { bus } = setUp({ 1: closing, 2: elsewhere, 3: live }, new Set([1, 2, 3, 4]));
    bus.emit('contactsChanged', { revision: 1 });
    expect(closing.send).not.toHaveBeenCalled();
    expect(elsewhere.send).not.toHaveBeenCalled();
    expect(live.send).toHaveBeenCalledTimes(1);
  });

  it('a send that throws (renderer died mid-way) does not stop the other windows', () => {
    const dying = target();
    dying.send.mockImplementation(() => {
      throw new Error('Render frame was disposed');
    });
    const live = target();
    const { bus } = setUp({ 1: dying, 2: live }, new Set([1, 2]));
    bus.emit('contactsChanged', { revision: 1 });
    expect(live.send).toHaveBeenCalledTimes(1);
  });

  it('follows windows as they open and close, and stops when told', () => {
    const ids = new Set<number>();
    const win = target();
    const { bus, stop } = setUp({ 1: win }, ids);
    bus.emit('contactsChanged', { revision: 1 });
    ids.add(1);
    bus.emit('contactsChanged', { revision: 2 });
    ids.delete(1);
    bus.emit('contactsChanged', { revision: 3 });
    ids.add(1);
    stop();
    bus.emit('contactsChanged', { revision: 4 });
    expect(win.send.mock.calls.map(([, e]) => e)).toEqual([{ type: 'contactsChanged', data: { revision: 2 } }]);
  });

  it("looks windows up with Electron's webContents.fromId by default", () => {
    const win = target();
    vi.mocked(webContents.fromId).mockImplementation((id: number) => (id === 7 ? (win as never) : undefined));
    const bus = createEventBus(createMemoryLog());
    forwardEventsToWindows({ subscribe: bus.subscribe, windowIds: () => [7], isAppUrl: () => true, log: createMemoryLog() });
    bus.emit('contactsChanged', { revision: 1 });
    expect(webContents.fromId).toHaveBeenCalledWith(7);
    expect(win.send).toHaveBeenCalledTimes(1);
  });
});
