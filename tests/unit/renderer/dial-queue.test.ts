import { describe, expect, it } from 'vitest';
import { EMPTY_DIAL_QUEUE, enqueueDial, MAX_WAITING, takeCurrent, type DialQueue } from '../../../src/renderer/src/lib/dial-queue';

const req = (id: number, number: string) => ({ id, number, source: 'link' as const });

describe('dial confirmation queue', () => {
  it('shows the first request, queues the next in order', () => {
    let q: DialQueue = EMPTY_DIAL_QUEUE;
    q = enqueueDial(q, req(1, '13900139000')).queue;
    q = enqueueDial(q, req(2, '13900139001')).queue;
    expect(q.current?.id).toBe(1);
    expect(q.waiting.map((r) => r.id)).toEqual([2]);
  });

  it('never queues a number that is already shown or waiting', () => {
    let q = enqueueDial(EMPTY_DIAL_QUEUE, req(1, '13900139000')).queue;
    q = enqueueDial(q, req(2, '13900139001')).queue;
    expect(enqueueDial(q, req(3, '13900139000'))).toEqual({ queue: q, added: false });
    expect(enqueueDial(q, req(4, '13900139001'))).toEqual({ queue: q, added: false });
  });

  it('confirming takes the shown request exactly once and shows the next', () => {
    let q = enqueueDial(EMPTY_DIAL_QUEUE, req(1, '13900139000')).queue;
    q = enqueueDial(q, req(2, '13900139001')).queue;
    const first = takeCurrent(q, 1);
    expect(first.call?.number).toBe('13900139000');
    expect(first.queue.current?.id).toBe(2);
    // A second Enter aimed at the request already taken calls nobody.
    expect(takeCurrent(first.queue, 1)).toEqual({ queue: first.queue, call: null });
    const second = takeCurrent(first.queue, 2);
    expect(second.call?.id).toBe(2);
    expect(second.queue).toEqual(EMPTY_DIAL_QUEUE);
  });

  it('after a request was handled, the same number may be asked for again', () => {
    const q = takeCurrent(enqueueDial(EMPTY_DIAL_QUEUE, req(1, '13900139000')).queue, 1).queue;
    expect(enqueueDial(q, req(2, '13900139000')).added).toBe(true);
  });

  it('drops requests beyond the waiting limit', () => {
    let q = enqueueDial(EMPTY_DIAL_QUEUE, req(0, '13900139999')).queue;
    for (let i = 1; i <= MAX_WAITING + 3; i++) q = enqueueDial(q, req(i, `139001390${String(i).padStart(2, '0')}`)).queue;
    expect(q.waiting).toHaveLength(MAX_WAITING);
  });
});
