import { describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../../../src/shared/domain';
import { computeSearchKeys } from '../../../src/main/contacts/search-keys';
import { dayRange, EMPTY_LOG_FILTER, filterLog, isFailed, logSearchIndex, mergeLog } from '../../../src/renderer/src/lib/log-filter';
import { contactByNumber, createSearchView } from '../../../src/renderer/src/lib/search/contact-search-view';

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

  it('matches by pinyin, initials and mixed input through the contacts the numbers belong to (issue 10 §3)', () => {
    const contact = (id: string, name: string, number: string) => {
      const c = { id, name, numbers: [{ label: '', number }], org: '', notes: '', favorite: false, groupIds: [], createdAt: 0, updatedAt: 0 };
      return { ...c, keys: computeSearchKeys(c) };
    };
    // 李四 is a contact; the log's 张三 is not (a typed number, named at call time); 01065529988
    // belongs to 曾伟 although the log stored no name for it.
    const view = createSearchView([contact('k1', '李四', '13700137000'), contact('k2', '曾伟', '01065529988')]);
    const index = logSearchIndex(log, (n) => contactByNumber(view, n));
    const ids = (text: string) => filterLog(log, { ...EMPTY_LOG_FILTER, text }, index).map((e) => e.id);
    expect(ids('lisi')).toEqual(['c']);
    expect(ids('ls')).toEqual(['c']);
    expect(ids('李s')).toEqual(['c']);
    expect(ids('zengwei')).toEqual(['b']);
    expect(ids('ceng')).toEqual(['b']);
    expect(ids('6552')).toEqual(['b']);
    // Not a contact: found by its stored name and number, as before, but not by pinyin.
    expect(ids('张三')).toEqual(['a']);
    expect(ids('zhangsan')).toEqual([]);
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
