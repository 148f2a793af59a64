import { describe, expect, it, vi } from 'vitest';
import { withFirstCallSignal } from '../../../src/main/desktop/first-call';

describe('withFirstCallSignal', () => {
  it('signals once, before the first operation runs, and passes every call through', async () => {
    const order: string[] = [];
    const handlers = { a: vi.fn(async (r: number) => (order.push(`a${r}`), r + 1)), b: vi.fn(async () => (order.push('b'), 'b')) };
    const wrapped = withFirstCallSignal(handlers, () => order.push('ready'));
    expect(order).toEqual([]);
    expect(await wrapped.a(1 as never)).toBe(2);
    expect(await wrapped.b()).toBe('b');
    expect(await wrapped.a(5 as never)).toBe(6);
    expect(order).toEqual(['ready', 'a1', 'b', 'a5']);
  });
});
