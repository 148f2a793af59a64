import { describe, expect, it } from 'vitest';
import { createReportService } from '../../../src/main/reports/report-service';
import type { CallLogEntry } from '../../../src/shared/domain';
import type { ReportsGetRequest } from '../../../src/shared/contract';
import type { Language } from '../../../src/shared/i18n';
import { REPORT_CHARTS, reportFileName, type ReportChartId } from '../../../src/shared/reports/report';
import { reportCsvFile } from '../../../src/shared/reports/report-csv';
import { reportTable } from '../../../src/shared/reports/report-tables';
import { zonedClock } from '../../../src/shared/reports/zoned-clock';
import { entry, party } from './report-fixtures';

const base = { from: '2026-11-01', to: '2026-11-02', timeZone: 'Asia/Shanghai' };

function service(entries: CallLogEntry[]) {
  const s = createReportService({ entries: () => entries });
  // What the reports tab does on "CSV": the table it shows, written out.
  const exportCsv = (req: ReportsGetRequest & { chart: ReportChartId; lang?: Language }) => {
    const r = s.get(req);
    return r.ok ? { ok: true as const, ...reportCsvFile(r.report, reportTable(r.report, req.chart, req.lang ?? 'zh-CN', zonedClock(req.timeZone))) } : r;
  };
  return { get: s.get, exportCsv };
}

describe('report service', () => {
  it('answers with the report of the log it is given', () => {
    const r = service([entry({ at: '2026-11-01T02:00:00Z', durationSec: 30 })]).get(base);
    expect(r.ok && r.report.totals).toMatchObject({ attempts: 1, answered: 1, talkSec: 30 });
    expect(r.ok && r.report.timeZone).toBe('Asia/Shanghai');
  });

  it('refuses a bad range or time zone with a catalog message and the field', () => {
    const s = service([]);
    expect(s.get({ ...base, from: '2026-11-03' })).toMatchObject({ ok: false, code: 'invalid_input', field: 'from', detail: { key: 'reports.rangeInvalid' } });
    expect(s.get({ ...base, from: '2020-01-01' })).toMatchObject({ ok: false, field: 'to', detail: { key: 'reports.rangeTooLong', params: { max: 366 } } });
    expect(s.get({ ...base, timeZone: 'Nowhere/Land' })).toMatchObject({ ok: false, field: 'timeZone', detail: { key: 'reports.timeZoneUnknown' } });
    expect(s.exportCsv({ ...base, to: '2026-02-30', chart: 'perDay' })).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('exports each chart as CSV with a BOM, CRLF and headers in the language asked for', () => {
    const s = service([entry({ at: '2026-11-01T02:00:00Z', durationSec: 30, hangCause: 'NORMAL_CLEARING' })]);
    for (const chart of REPORT_CHARTS) {
      const r = s.exportCsv({ ...base, chart, lang: 'en' });
      if (!r.ok) throw new Error(r.message);
      expect(r.fileName).toBe(reportFileName(chart, base.from, base.to, 'csv'));
      expect(r.csv.startsWith('\uFEFF')).toBe(true);
      expect(r.csv.endsWith('\r\n')).toBe(true);
    }
    const perDay = s.exportCsv({ ...base, chart: 'perDay', lang: 'en' });
    expect(perDay.ok && perDay.csv).toBe(
      '\uFEFFDate,Answered,Not answered,Not accepted,In progress or unknown\r\n2026-11-01,1,0,0,0\r\n2026-11-02,0,0,0,0\r\n',
    );
    const zh = s.exportCsv({ ...base, chart: 'outcomes' });
    expect(zh.ok && zh.csv.split('\r\n')[0]).toBe('\uFEFF结果,次数');
  });

  it('keeps formulas in names as text and numbers with their leading zero', () => {
    const s = service([
      entry({ at: '2026-11-01T02:00:00Z', parties: [party('01065529988', '=HYPERLINK("http://x")')], durationSec: 5 }),
      entry({ at: '2026-11-01T03:00:00Z', hangCause: '+cmd|calc', durationSec: 0 }),
    ]);
    const numbers = s.exportCsv({ ...base, chart: 'busiestNumbers', lang: 'en' });
    if (!numbers.ok) throw new Error(numbers.message);
    const row = numbers.csv.split('\r\n')[1];
    expect(row.startsWith('="01065529988",')).toBe(true);
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    const causes = s.exportCsv({ ...base, chart: 'hangCauses', lang: 'en' });
    expect(causes.ok && causes.csv).toContain("\r\nOther reason (+cmd|calc),'+cmd|calc,1\r\n");
  });

  it('exports hang causes in the words of the log, with the raw codes beside them', () => {
    const s = service([
      entry({ at: '2026-11-01T02:00:00Z', durationSec: 0, hangCause: 'NO_USER_RESPONSE' }),
      entry({ at: '2026-11-01T03:00:00Z', durationSec: 0, hangCause: 'NO_ANSWER' }),
      entry({ at: '2026-11-01T04:00:00Z', durationSec: 0, hangCause: 'USER_BUSY' }),
    ]);
    const zh = s.exportCsv({ ...base, chart: 'hangCauses' });
    expect(zh.ok && zh.csv).toBe('\uFEFF挂断原因,原因代码,次数\r\n对方未接听,"NO_ANSWER; NO_USER_RESPONSE",2\r\n对方忙,USER_BUSY,1\r\n');
    const en = s.exportCsv({ ...base, chart: 'hangCauses', lang: 'en' });
    expect(en.ok && en.csv).toBe('\uFEFFHang-up cause,Cause code,Attempts\r\nNo answer,"NO_ANSWER; NO_USER_RESPONSE",2\r\nBusy,USER_BUSY,1\r\n');
  });
});
