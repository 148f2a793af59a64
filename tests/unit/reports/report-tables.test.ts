import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/shared/reports/build-report';
import { REPORT_CHARTS } from '../../../src/shared/reports/report';
import { reportTable } from '../../../src/shared/reports/report-tables';
import { zonedClock } from '../../../src/shared/reports/zoned-clock';
import { entry, party } from './report-fixtures';

const clock = zonedClock('Asia/Shanghai');
const log = [
  entry({ at: '2026-11-01T02:05:00Z', parties: [party('13800138000', '张三')], durationSec: 125, hangCause: 'NORMAL_CLEARING' }),
  entry({ at: '2026-11-01T03:00:00Z', kind: 'conf', parties: [party('13800138000', '张三'), party('13900139000')], durationSec: 60 }),
  entry({ at: '2026-11-02T03:00:00Z', state: 'failed' }),
];
const report = buildReport(log, { from: '2026-11-01', to: '2026-11-02', clock });

describe('reportTable', () => {
  it('gives every chart a label per row and plotted columns that hold numbers', () => {
    for (const chart of REPORT_CHARTS) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const t = reportTable(report, chart, lang, clock);
        expect(t.title.length).toBeGreaterThan(0);
        expect(t.labels).toHaveLength(t.rows.length);
        for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
        for (const i of t.series) {
          expect(t.columns[i].kind).not.toBe('text');
          for (const row of t.rows) expect(typeof row[i]).toBe('number');
        }
      }
    }
  });

  it('words follow the language', () => {
    expect(reportTable(report, 'outcomes', 'zh-CN', clock).labels).toEqual(['已接通', '未接通', '未受理', '进行中或未知']);
    expect(reportTable(report, 'outcomes', 'en', clock).rows).toEqual([
      ['Answered', 2],
      ['Not answered', 0],
      ['Not accepted', 1],
      ['In progress or unknown', 0],
    ]);
    expect(reportTable(report, 'confSizes', 'en', clock).labels).toEqual(['2 people']);
    expect(reportTable(report, 'confSizes', 'zh-CN', clock).labels).toEqual(['2 人']);
  });

  it('the longest calls carry local time, kind, who and seconds', () => {
    const t = reportTable(report, 'longest', 'en', clock);
    expect(t.rows[0]).toEqual(['2026-11-01 10:05', 'Call', '张三 13800138000', 125]);
    expect(t.rows[1]).toEqual(['2026-11-01 11:00', 'Conference', '张三 13800138000, 13900139000', 60]);
    expect(t.labels).toEqual(['张三', '张三 +1']);
  });

  it('talk time per day: total and average over the answered attempts', () => {
    expect(reportTable(report, 'talkTime', 'en', clock).rows).toEqual([
      ['2026-11-01', 185, 93],
      ['2026-11-02', 0, 0],
    ]);
  });

  it('labels hang causes with the words the strip and the log use, never the raw code', () => {
    const causes = buildReport(
      [
        entry({ at: '2026-11-01T02:00:00Z', durationSec: 0, hangCause: 'ALLOTTED_TIMEOUT' }),
        entry({ at: '2026-11-01T03:00:00Z', durationSec: 0, hangCause: 'SOMETHING_NEW' }),
      ],
      { from: '2026-11-01', to: '2026-11-01', clock },
    );
    const zh = reportTable(causes, 'hangCauses', 'zh-CN', clock);
    expect(zh.labels).toEqual(['其他原因（SOMETHING_NEW）', '时长用完'].sort((a, b) => (a < b ? -1 : 1)));
    expect(zh.labels).not.toContain('ALLOTTED_TIMEOUT');
    const en = reportTable(causes, 'hangCauses', 'en', clock);
    expect(en.labels).toContain('Time limit reached');
    expect(en.labels).toContain('Other reason (SOMETHING_NEW)');
    expect(en.rows.find((r) => r[0] === 'Time limit reached')?.[1]).toBe('ALLOTTED_TIMEOUT');
  });
});
