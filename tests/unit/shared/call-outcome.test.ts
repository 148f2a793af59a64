import { describe, expect, it } from 'vitest';
import { legView, outcomeOf } from '../../../src/shared/call-outcome';
import { conferenceMaxDur, conferenceSecondsLeft, validatePerPersonLimit } from '../../../src/shared/conference-time';
import type { CallLeg, CallLogEntry } from '../../../src/shared/domain';
import { formatMessage, MESSAGE_KEYS } from '../../../src/shared/i18n';

const base: CallLogEntry = {
  id: 'e1',
  kind: 'conf',
  createdAt: 0,
  updatedAt: 0,
  mode: 'sandbox',
  caller: '13900139000',
  parties: [{ number: '13700000901' }, { number: '13700000777' }],
  maxDur: 1800,
  state: 'submitted',
  revision: 1,
};
const zh = (e: Partial<CallLogEntry>) => {
  const o = outcomeOf({ ...base, ...e });
  return [formatMessage('zh-CN', o.words), o.reason ? formatMessage('zh-CN', o.reason.words) : undefined];
};

describe('one coherent result per call', () => {
  it('walks accepted → ringing → talking in words', () => {
    expect(zh({ state: 'submitted' })[0]).toBe('已受理');
    expect(zh({ state: 'ringing' })[0]).toBe('振铃中');
    expect(zh({ state: 'answered' })[0]).toBe('通话中');
    expect(zh({ state: 'unknown' })[0]).toBe('状态未知');
  });

  it('says answered or not answered once ended, with the reason in words', () => {
    const legs: CallLeg[] = [
      { number: '13900139000', state: 'ended', answered: true, durationSec: 40, hangCause: 'NORMAL_CLEARING' },
      { number: '13700000901', state: 'ended', answered: false, durationSec: 0, hangCause: 'USER_BUSY' },
      { number: '13700000777', state: 'ended', answered: true, durationSec: 40, hangCause: 'NORMAL_CLEARING' },
    ];
    expect(zh({ state: 'ended', legs })).toEqual(['已结束 · 已接通', '对方忙']);
    const nobody = legs.map((l) => (l.number === base.caller ? l : { ...l, answered: false, durationSec: 0, hangCause: 'NO_USER_RESPONSE' }));
    expect(zh({ state: 'ended', legs: nobody })).toEqual(['已结束 · 未接通', '对方未接听']);
    const cut = legs.map((l) => (l.answered ? { ...l, hangCause: 'ALLOTTED_TIMEOUT' } : l));
    expect(outcomeOf({ ...base, state: 'ended', legs: cut }).reason?.meaning).toEqual({ key: 'outcome.cause.ALLOTTED_TIMEOUT.meaning' });
  });

  it('a callback call whose caller was unreachable: not answered, the callee never rung', () => {
    const e: Partial<CallLogEntry> = {
      kind: 'call',
      parties: [{ number: '13700000905' }],
      state: 'ended',
      legs: [{ number: '13900139000', state: 'ended', answered: false, hangCause: 'SUBSCRIBER_ABSENT' }],
    };
    expect(zh(e)).toEqual(['已结束 · 未接通', '您的电话：无法接通']);
    expect(legView({ ...base, ...e } as CallLogEntry, '13700000905')).toEqual({ kind: 'not_rung' });
  });

  it('a failure gives the code in words: local codes by name, Yunxin codes by number', () => {
    const network = outcomeOf({ ...base, state: 'failed', error: { code: 'network', message: 'x' } });
    expect(formatMessage('zh-CN', network.words)).toBe('失败');
    expect(formatMessage('zh-CN', network.meaning)).toBe('网络中断：请求可能未到达云信。');
    expect(formatMessage('en', outcomeOf({ ...base, state: 'failed', error: { code: 414, message: 'x' } }).reason!.words)).toBe('Refused by Yunxin (414)');
  });

  it('has words and a meaning for every hang cause, status and local code it names', () => {
    const words = MESSAGE_KEYS.filter((k) => /^outcome\.(cause|status|local)\.[A-Za-z_]+$/.test(k));
    expect(words.length).toBeGreaterThan(25);
    for (const k of words) expect(MESSAGE_KEYS, k).toContain(`${k}.meaning`);
  });

  it('an unknown cause keeps its code visible', () => {
    const o = outcomeOf({ ...base, state: 'ended', hangCause: 'SOMETHING_NEW', durationSec: 0 });
    expect(formatMessage('en', o.reason!.meaning)).toContain('SOMETHING_NEW');
  });
});

describe('conference time', () => {
  it('maxDur is the limit per person times every leg, the host included', () => {
    expect(conferenceMaxDur(600, 8)).toBe(5400);
    expect(conferenceMaxDur(120, 2)).toBe(360);
  });

  it('refuses a limit outside the call range', () => {
    expect(validatePerPersonLimit(600, { min: 30, max: 3600 })).toBeNull();
    expect(validatePerPersonLimit(4000, { min: 30, max: 3600 })).toMatchObject({ code: 'invalid_input', field: 'confPerPersonSec' });
    expect(validatePerPersonLimit('600', { min: 30, max: 3600 })).toMatchObject({ code: 'invalid_input' });
  });

  it('estimates the time left from the legs on the line', () => {
    const t0 = 1_000_000;
    const legs: CallLeg[] = [
      { number: 'a', state: 'talking', answeredAt: t0 },
      { number: 'b', state: 'talking', answeredAt: t0 },
      { number: 'c', state: 'ended', answered: false, hangCause: 'USER_BUSY' },
    ];
    // 3 legs × 100 s = 300 s; two talking: 150 s of wall clock in all.
    expect(conferenceSecondsLeft(300, legs, t0)).toBe(150);
    expect(conferenceSecondsLeft(300, legs, t0 + 100_000)).toBe(50);
    // One leaves after 100 s: the other has the rest to itself.
    const oneLeft: CallLeg[] = [{ ...legs[0], state: 'ended', endedAt: t0 + 100_000 }, legs[1]];
    expect(conferenceSecondsLeft(300, oneLeft, t0 + 100_000)).toBe(100);
    expect(conferenceSecondsLeft(300, [{ number: 'a', state: 'ringing' }], t0)).toBeUndefined();
  });
});
