import { describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../../src/main/events/event-bus';
import type { AppEvent } from '../../../src/shared/contract';
import { createMemoryLog } from '../../support/memory-log';

describe('event bus', () => {
  it('delivers every event, in emission order, to every subscriber, as { type, data }', () => {
    const bus = createEventBus(createMemoryLog());
    const a: AppEvent[] = [];
    const b: AppEvent[] = [];
    bus.subscribe((e) => a.push(e));
    bus.subscribe((e) => b.push(e));
    bus.emit('contactsChanged', { revision: 2 });
    bus.emit('contactsChanged', { revision: 3 });
    const expected = [
      { type: 'contactsChanged', data: { revision: 2 } },
      { type: 'contactsChanged', data: { revision: 3 } },
    ];
    expect(a).toEqual(expected);
    expect(b).toEqual(expected);
  });

  it('stops delivering after unsubscribe; a second unsubscribe is harmless', () => {
    const bus = createEventBus(createMemoryLog());
    const listener = vi.fn();
    const off = bus.subscribe(listener);
    bus.emit('contactsChanged', { revision: 1 });
    off();
    off();
    bus.emit('contactsChanged', { revision: 2 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('counts the same function subscribed twice as two subscriptions', () => {
    const bus = createEventBus(createMemoryLog());
    const listener = vi.fn();
    const off1 = bus.subscribe(listener);
    bus.subscribe(listener);
    off1();
    bus.emit('contactsChanged', { revision: 1 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('a listener that throws is logged and does not stop the others or the emitter', () => {
    const log = createMemoryLog();
    const bus = createEventBus(log);
    const after = vi.fn();
    bus.subscribe(() => {
      throw new Error('window gone');
    });
    bus.subscribe(after);
    expect(() => bus.emit('contactsChanged', { revision: 1 })).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(log.lines.join('\n')).toContain('events.listener_threw');
  });

  it('a listener unsubscribed by another during delivery gets nothing more', () => {
    const bus = createEventBus(createMemoryLog());
    const second = vi.fn();
    let offSecond = () => undefined as void;
    bus.subscribe(() => offSecond());
    offSecond = bus.subscribe(second);
    bus.emit('contactsChanged', { revision: 1 });
    expect(second).not.toHaveBeenCalled();
  });
});
