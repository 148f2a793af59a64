import { describe, expect, it } from 'vitest';
import { buildReport, REPORT_MAX_DAYS, reportDays } from '../../../src/shared/reports/build-report';
import { outcomeOf } from '../../../src/shared/call-outcome';
import type { CallLogEntry } from '../../../src/shared/domain';
import { reportHangCause, reportOutcome } from '../../../src/shared/reports/report-outcome';
import { zonedClock } from '../../../src/shared/reports/zoned-clock';
import { entry, party } from './report-fixtures';

const shanghai = zonedClock('Asia/Shanghai');
const range = { from: '2026-11-01', to: '2026-11-03', clock: shanghai };

describe('reportOutcome', () => {
  it('counts talk time or an answered state as answered, an end without talk as not answered', () => {
    const e = (over: Partial<CallLogEntry>) => entry({ at: '2026-11-01T02:00:00Z', ...over });
    expect(reportOutcome(e({ state: 'ended', durationSec: 12 }))).toBe('answered');
    expect(reportOutcome(e({ state: 'answered' }))).toBe('answered');
    expect(reportOutcome(e({ state: 'ended', durationSec: 0 }))).toBe('notAnswered');
    expect(reportOutcome(e({ state: 'failed' }))).toBe('failed');
    expect(reportOutcome(e({ state: 'ringing' }))).toBe('open');
    expect(reportOutcome(e({ state: 'unknown' }))).toBe('open');
  });

  it('follows the log (shared call-outcome rules): the legs decide before the bill total', () => {
    const caller = '13900000000';
    // A callback call: the dispatcher's phone talked 20 s, the callee never answered.
    const calleeMissed = entry({
      at: '2026-11-01T02:00:00Z',
      durationSec: 20,
      legs: [
        { number: caller, state: 'ended', answered: true, durationSec: 20, hangCause: 'NORMAL_CLEARING' },
        { number: '13800138000', state: 'ended', answered: false, hangCause: 'USER_BUSY' },
      ],
    });
    // A conference whose bill has no talk time yet, but one callee's leg says answered.
    const confLegAnswered = entry({
      at: '2026-11-01T02:00:00Z',
      kind: 'conf',
      parties: [party('13800138001'), party('13800138002')],
      legs: [{ number: '13800138001', state: 'ended', answered: true, durationSec: 30 }],
    });
    for (const e of [calleeMissed, confLegAnswered]) {
      const log = outcomeOf(e);
      expect(reportOutcome(e)).toBe(log.result === 'answered' ? 'answered' : 'notAnswered');
    }
    expect(reportOutcome(calleeMissed)).toBe('notAnswered');
    expect(reportOutcome(confLegAnswered)).toBe('answered');
    // Ended with nothing known about the answer: the log says only "ended", so not counted as missed.
    expect(outcomeOf(entry({ at: '2026-11-01T02:00:00Z' })).result).toBe('unknown');
    expect(reportOutcome(entry({ at: '2026-11-01T02:00:00Z' }))).toBe('open');
  });

  it('counts an attempt under the hang cause the log gives it', () => {
    const cut = entry({
      at: '2026-11-01T02:00:00Z',
      kind: 'conf',
      parties: [party('13800138001')],
      durationSec: 60,
      hangCause: 'NORMAL_CLEARING',
      legs: [{ number: '13800138001', state: 'ended', answered: true, durationSec: 60, hangCause: 'ALLOTTED_TIMEOUT' }],
    });
    expect(outcomeOf(cut).reason?.code).toBe('ALLOTTED_TIMEOUT');
    expect(reportHangCause(cut)).toBe('ALLOTTED_TIMEOUT');
    expect(reportHangCause(entry({ at: '2026-11-01T02:00:00Z', hangCause: 'NO_USER_RESPONSE' }))).toBe('NO_USER_RESPONSE');
    expect(reportHangCause(entry({ at: '2026-11-01T02:00:00Z' }))).toBeUndefined();
  });
});

describe('reportDays', () => {
  it('lists every day of the range, across a month end', () => {
    expect(reportDays('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
  it('refuses reversed, impossible and too long ranges', () => {
    expect(reportDays('2026-11-02', '2026-11-01')).toBe('invalid');
    expect(reportDays('2026-02-30', '2026-03-01')).toBe('invalid');
    expect(reportDays('2026-1-1', '2026-03-01')).toBe('invalid');
    expect(reportDays('2025-01-01', '2026-01-01')).toHaveLength(366);
    expect(reportDays('2024-01-01', '2025-01-01')).toBe('too_long');
    expect(REPORT_MAX_DAYS).toBe(366);
  });
});

describe('buildReport', () => {
  it('buckets by the local day and hour of the time zone, and leaves out what is outside the range', () => {
    const log = [
      entry({ at: '2026-10-31T15:59:00Z', durationSec: 5 }), // 23:59 on Oct 31 in Shanghai: outside
      entry({ at: '2026-10-31T16:00:00Z', durationSec: 5 }), // 00:00 Nov 1
      entry({ at: '2026-11-01T01:30:00Z', durationSec: 0 }), // 09:30 Nov 1, not answered
      entry({ at: '2026-11-03T15:59:59Z', state: 'failed', session: undefined }), // 23:59 Nov 3
      entry({ at: '2026-11-03T16:00:00Z' }), // Nov 4: outside
    ];
    const r = buildReport(log, range);
    expect(r.perDay.map((d) => [d.day, d.attempts, d.answered, d.notAnswered, d.failed])).toEqual([
      ['2026-11-01', 2, 1, 1, 0],
      ['2026-11-02', 0, 0, 0, 0],
      ['2026-11-03', 1, 0, 0, 1],
    ]);
    expect(r.perHour[0]).toEqual({ hour: 0, attempts: 1, answered: 1 });
    expect(r.perHour[9]).toEqual({ hour: 9, attempts: 1, answered: 0 });
    expect(r.perHour[23]).toEqual({ hour: 23, attempts: 1, answered: 0 });
    expect(r.totals).toMatchObject({ attempts: 3, answered: 1, notAnswered: 1, failed: 1, open: 0, calls: 3, confs: 0 });
  });

  it('the same log in another time zone falls on other days', () => {
    const log = [entry({ at: '2026-10-31T20:00:00Z', durationSec: 5 })];
    expect(buildReport(log, range).totals.attempts).toBe(1); // Nov 1, 04:00 in Shanghai
    expect(buildReport(log, { ...range, clock: zonedClock('UTC') }).totals.attempts).toBe(0); // Oct 31 in UTC
  });

  it('sums talk time of answered attempts only and averages over them', () => {
    const log = [
      entry({ at: '2026-11-01T02:00:00Z', durationSec: 60 }),
      entry({ at: '2026-11-01T03:00:00Z', durationSec: 30 }),
      entry({ at: '2026-11-01T04:00:00Z', durationSec: 0 }),
      entry({ at: '2026-11-02T04:00:00Z', state: 'failed', durationSec: 99 }),
    ];
    const r = buildReport(log, range);
    expect(r.totals.talkSec).toBe(90);
    expect(r.totals.avgTalkSec).toBe(45);
    expect(r.perDay[0].talkSec).toBe(90);
    expect(r.perDay[1].talkSec).toBe(0);
    expect(buildReport([], range).totals.avgTalkSec).toBe(0);
  });

  it('lists the longest answered calls first, at most `top`', () => {
    const log = [10, 300, 45, 300, 7].map((d, i) => entry({ at: `2026-11-01T0${i}:00:00Z`, durationSec: d }));
    const r = buildReport(log, { ...range, top: 3 });
    expect(r.longest.map((c) => c.durationSec)).toEqual([300, 300, 45]);
    // A tie goes to the later call.
    expect(r.longest[0].createdAt).toBeGreaterThan(r.longest[1].createdAt);
  });

  it('counts each number and each named contact once per attempt, conferences included', () => {
    const zhang = party('13800138000', '张三');
    const li = party('13900139000', '李四');
    const log = [
      entry({ at: '2026-11-01T02:00:00Z', parties: [zhang], durationSec: 20 }),
      entry({ at: '2026-11-01T03:00:00Z', parties: [zhang], durationSec: 0 }),
      entry({ at: '2026-11-01T04:00:00Z', kind: 'conf', parties: [zhang, li, party('01065529988')], durationSec: 100 }),
      entry({ at: '2026-11-01T05:00:00Z', parties: [party('13900139000', '李四（夜班）')], durationSec: 0 }),
    ];
    const r = buildReport(log, range);
    expect(r.busiestNumbers.map((n) => [n.number, n.name, n.attempts, n.answered, n.talkSec])).toEqual([
      ['13800138000', '张三', 3, 2, 120],
      ['13900139000', '李四（夜班）', 2, 1, 100],
      ['01065529988', undefined, 1, 1, 100],
    ]);
    expect(r.busiestContacts.map((c) => [c.name, c.attempts, c.numbers])).toEqual([
      ['张三', 3, ['13800138000']],
      ['李四', 1, ['13900139000']],
      ['李四（夜班）', 1, ['13900139000']],
    ]);
  });

  it('counts hang causes and conferences by size', () => {
    const log = [
      entry({ at: '2026-11-01T02:00:00Z', hangCause: 'NORMAL_CLEARING', durationSec: 3 }),
      entry({ at: '2026-11-01T03:00:00Z', hangCause: 'NO_USER_RESPONSE', durationSec: 0 }),
      entry({ at: '2026-11-01T04:00:00Z', hangCause: 'NO_USER_RESPONSE' }),
      entry({ at: '2026-11-01T05:00:00Z', kind: 'conf', parties: [party('1'), party('2'), party('3')], durationSec: 9 }),
      entry({ at: '2026-11-01T06:00:00Z', kind: 'conf', parties: [party('1'), party('2')] }),
      entry({ at: '2026-11-01T07:00:00Z', kind: 'conf', parties: [party('4'), party('5'), party('6')] }),
    ];
    const r = buildReport(log, range);
    expect(r.hangCauses).toEqual([
      { cause: 'NO_USER_RESPONSE', count: 2 },
      { cause: 'NORMAL_CLEARING', count: 1 },
    ]);
    expect(r.confSizes).toEqual([
      { size: 2, count: 1, answered: 0 },
      { size: 3, count: 2, answered: 1 },
    ]);
    expect(r.totals.confs).toBe(3);
  });

  it('refuses a range it cannot cover', () => {
    expect(() => buildReport([], { ...range, from: '2026-11-04' })).toThrow(RangeError);
  });
});
