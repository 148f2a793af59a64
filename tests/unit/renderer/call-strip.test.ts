import { failureText } from '../../../src/shared/result';
import { msg } from '../../../src/shared/i18n';
import { describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../../../src/shared/domain';
import { failure } from '../../../src/shared/result';
import { deriveStripView, itemsForOpenEntries, type StripItem } from '../../../src/renderer/src/lib/call-strip';

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

  it("a conference with two legs at one switchboard keeps each leg's own extension and name, by position", () => {
    const local = [
      { number: '01062234302', name: '王经理', extension: '396' },
      { number: '01062234302', name: '李秘书', extension: '401' },
    ];
    const v = deriveStripView(
      item({ kind: 'conf', logId: 'L1', parties: local }),
      entry({ kind: 'conf', parties: [{ number: '01062234302' }, { number: '01062234302' }] }),
    );
    expect(v.parties).toEqual(local);
  });

  it('passes unknown through as not final', () => {
    const v = deriveStripView(item({ logId: 'L1' }), entry({ state: 'unknown' }));
    expect(v).toMatchObject({ state: 'unknown', final: false });
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
