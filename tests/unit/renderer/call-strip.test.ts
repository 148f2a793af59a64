import { failureText } from '../../../src/shared/result';
import { msg } from '../../../src/shared/i18n';
import { describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../../../src/shared/domain';
import { failure } from '../../../src/shared/result';
import { deriveStripView, itemsForOpenEntries, needsPolling, type StripItem } from '../../../src/renderer/src/lib/call-strip';

const T0 = 1_700_000_000_000;

function item(patch: Partial<StripItem> = {}): StripItem {
  return { key: 's1', kind: 'call', parties: [{ number: '13800138000', name: '张三' }], startedAt: T0, submitting: false, ...patch };
}

function entry(patch: Partial<CallLogEntry> = {}): CallLogEntry {
  return {
    id: 'L1',
    kind: 'call',
    createdAt: T0,
    updatedAt: T0,
    mode: 'sandbox',
    caller: '13900139000',
    parties: [{ number: '13800138000' }],
    maxDur: 600,
    session: 'S1',
    state: 'submitted',
    revision: 0,
    ...patch,
  };
}

describe('deriveStripView', () => {
  it('is submitting until the start request answers', () => {
    const v = deriveStripView(item({ submitting: true }), undefined);
    expect(v.state).toBe('submitting');
    expect(v.final).toBe(false);
  });

  it('is failed with the localized failure when the start request failed', () => {
    const detail = msg('yunxin.code.404');
    const v = deriveStripView(item({ failure: failure(404, 'not found', { detail }) }), undefined);
    expect(v).toMatchObject({ state: 'failed', final: true, error: { code: '404', words: { detail, message: 'not found' } } });
  });

  it('is submitted (with the session) while the log has no entry yet', () => {
    const v = deriveStripView(item({ logId: 'L1', session: 'S9' }), undefined);
    expect(v).toMatchObject({ state: 'submitted', session: 'S9', final: false });
  });

  it('follows the log entry and keeps the local name where the log has none', () => {
    const ringing = deriveStripView(item({ logId: 'L1' }), entry({ state: 'ringing', status: 'RINGING' }));
    expect(ringing).toMatchObject({ state: 'ringing', session: 'S1', status: 'RINGING', final: false });
    expect(ringing.parties).toEqual([{ number: '13800138000', name: '张三' }]);

    const answered = deriveStripView(item({ logId: 'L1' }), entry({ state: 'answered' }));
    expect(answered.state).toBe('answered');

    const ended = deriveStripView(item({ logId: 'L1' }), entry({ state: 'ended', durationSec: 65, hangCause: 'NORMAL_CLEARING' }));
    expect(ended).toMatchObject({ state: 'ended', durationSec: 65, hangCause: 'NORMAL_CLEARING', final: true });
  });

  it('prefers the name main resolved and shows the log error, also as an older version wrote it', () => {
    const e = entry({
      state: 'failed',
      session: undefined,
      parties: [{ number: '13800138000', name: '张三丰' }],
      error: { code: 'timeout', message: 'timed out', text: { 'zh-CN': '超时', en: 'Timed out' } },
    });
    const v = deriveStripView(item({ logId: 'L1' }), e);
    expect(v.parties[0].name).toBe('张三丰');
    expect(v).toMatchObject({ state: 'failed', final: true, error: { code: 'timeout' } });
    expect(failureText(v.error!.words, 'en')).toBe('Timed out');
    expect(failureText(v.error!.words, 'zh-CN')).toBe('超时');
  });

  it('passes unknown through as not final', () => {
    const v = deriveStripView(item({ logId: 'L1' }), entry({ state: 'unknown' }));
    expect(v).toMatchObject({ state: 'unknown', final: false });
  });
});

describe('needsPolling', () => {
  it('polls while submitting or while the entry is open, not after it ended or failed', () => {
    const byId = new Map<string, CallLogEntry>();
    expect(needsPolling([item({ submitting: true })], byId, T0)).toBe(true);
    expect(needsPolling([item({ logId: 'L1' })], byId, T0 + 1000)).toBe(true);
    byId.set('L1', entry({ state: 'ringing' }));
    expect(needsPolling([item({ logId: 'L1' })], byId, T0 + 1000)).toBe(true);
    byId.set('L1', entry({ state: 'ended' }));
    expect(needsPolling([item({ logId: 'L1' })], byId, T0 + 1000)).toBe(false);
    expect(needsPolling([item({ failure: failure('network', 'x') })], new Map(), T0)).toBe(false);
    expect(needsPolling([], byId, T0)).toBe(false);
  });

  it('gives up on an entry that never ends, after maxDur plus a grace period', () => {
    const byId = new Map([['L1', entry({ state: 'unknown', maxDur: 60 })]]);
    expect(needsPolling([item({ logId: 'L1' })], byId, T0 + 60_000 + 5 * 60_000)).toBe(true);
    expect(needsPolling([item({ logId: 'L1' })], byId, T0 + 60_000 + 11 * 60_000)).toBe(false);
  });
});

describe('itemsForOpenEntries', () => {
  it('brings back recent open entries that are not on the strip yet', () => {
    const entries = [
      entry({ id: 'A', state: 'answered' }),
      entry({ id: 'B', state: 'ended' }),
      entry({ id: 'C', state: 'ringing' }),
      entry({ id: 'D', state: 'ringing', createdAt: T0 - 10 * 3600_000 }),
    ];
    const items = itemsForOpenEntries(entries, new Set(['C']), T0 + 1000, 3600_000);
    expect(items.map((i) => i.logId)).toEqual(['A']);
    expect(items[0]).toMatchObject({ submitting: false, session: 'S1', kind: 'call' });
  });
});
