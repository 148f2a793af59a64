import { describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../../../src/shared/domain';
import { dayRange, EMPTY_LOG_FILTER, filterLog, isFailed, mergeLog } from '../../../src/renderer/src/lib/log-filter';

const day = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

function entry(id: string, patch: Partial<CallLogEntry> = {}): CallLogEntry {
  return {
    id,
    kind: 'call',
    createdAt: day(2025, 3, 2),
    updatedAt: day(2025, 3, 2),
    mode: 'sandbox',
    caller: '13900139000',
    parties: [{ number: '13800138000', name: '张三' }],
    maxDur: 600,
    session: `S-${id}`,
    state: 'ended',
    revision: 0,
    ...patch,
  };
}

const log = [
  entry('a', { createdAt: day(2025, 3, 2, 15) }),
  entry('b', {
    createdAt: day(2025, 3, 2, 9),
    parties: [{ number: '01065529988' }],
    state: 'failed',
    session: undefined,
    error: { code: 403, message: 'forbidden' },
  }),
  entry('c', {
    createdAt: day(2025, 3, 1, 20),
    kind: 'conf',
    parties: [
      { number: '13700137000', name: '李四' },
      { number: '13600136000', name: 'Tom Hanks' },
    ],
  }),
];

describe('filterLog', () => {
  it('returns the same array when no filter is set', () => {
    expect(filterLog(log, EMPTY_LOG_FILTER)).toBe(log);
  });

  it('matches names (case-insensitive), numbers, typed number formats and session ids', () => {
    const ids = (text: string) => filterLog(log, { ...EMPTY_LOG_FILTER, text }).map((e) => e.id);
    expect(ids('张三')).toEqual(['a']);
    expect(ids('tom')).toEqual(['c']);
    expect(ids('010-6552')).toEqual(['b']);
    expect(ids('+86 137 0013')).toEqual(['c']);
    expect(ids('s-a')).toEqual(['a']);
    expect(ids('nobody')).toEqual([]);
  });

  it('filters by local day', () => {
    expect(filterLog(log, { ...EMPTY_LOG_FILTER, date: '2025-03-01' }).map((e) => e.id)).toEqual(['c']);
    expect(filterLog(log, { ...EMPTY_LOG_FILTER, date: '2025-03-02' }).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('filters by result', () => {
    expect(filterLog(log, { ...EMPTY_LOG_FILTER, result: 'failed' }).map((e) => e.id)).toEqual(['b']);
    expect(filterLog(log, { ...EMPTY_LOG_FILTER, result: 'ok' }).map((e) => e.id)).toEqual(['a', 'c']);
    expect(isFailed(entry('x', { state: 'ended', error: { code: 'timeout', message: 't' } }))).toBe(true);
  });

  it('combines filters', () => {
    expect(filterLog(log, { text: '138', date: '2025-03-02', result: 'ok' }).map((e) => e.id)).toEqual(['a']);
  });
});

describe('dayRange', () => {
  it('gives local midnight bounds, null for nothing or garbage', () => {
    expect(dayRange('2025-03-02')).toEqual({ start: new Date(2025, 2, 2).getTime(), end: new Date(2025, 2, 3).getTime() });
    expect(dayRange('')).toBeNull();
    expect(dayRange('03/02/2025')).toBeNull();
  });
});

describe('mergeLog', () => {
  it('keeps the same array when nothing changed', () => {
    expect(mergeLog(log, [])).toBe(log);
  });

  it('replaces changed entries in place and puts new ones newest first', () => {
    const changed = entry('a', { createdAt: log[0].createdAt, state: 'answered' });
    const fresh = entry('d', { createdAt: day(2025, 3, 3) });
    const merged = mergeLog(log, [changed, fresh]);
    expect(merged.map((e) => e.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(merged[1].state).toBe('answered');
    expect(log[0].state).toBe('ended');
  });

  it('sorts a first full load newest first', () => {
    const merged = mergeLog([], [log[2], log[0], log[1]]);
    expect(merged.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});
