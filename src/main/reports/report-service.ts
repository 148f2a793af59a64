/**
 * The reports tab's data: a report over a date range, and one chart's table as CSV. Reads the call
 * log through a function, not a store, so team mode can hand it the team's log from the hub and
 * nothing else changes; the aggregation itself is the pure src/shared/reports.
 */
import type { CallLogEntry } from '../../shared/domain';
import type { CsvExportResponse, ReportsExportRequest, ReportsGetRequest, ReportsGetResponse } from '../../shared/contract';
import { msg } from '../../shared/i18n';
import { failWith, success, type Failure } from '../../shared/result';
import { buildReport, REPORT_MAX_DAYS, reportDays } from '../../shared/reports/build-report';
import { reportFileName, type CallReport } from '../../shared/reports/report';
import { reportTable } from '../../shared/reports/report-tables';
import { zonedClock, type ZonedClock } from '../../shared/reports/zoned-clock';
import { reportCsv } from './report-csv';

export interface ReportServiceDeps {
  /** The log the report covers: the desk's own today, the team's in team mode. */
  entries(): readonly CallLogEntry[];
}

export interface ReportService {
  get(req: ReportsGetRequest): ReportsGetResponse;
  exportCsv(req: ReportsExportRequest): CsvExportResponse;
}

type Built = { ok: true; report: CallReport; clock: ZonedClock } | Failure;

export function createReportService(deps: ReportServiceDeps): ReportService {
  const build = (req: ReportsGetRequest): Built => {
    const days = reportDays(req.from, req.to);
    if (days === 'invalid') return failWith('invalid_input', msg('reports.rangeInvalid'), { field: 'from' });
    if (days === 'too_long') return failWith('invalid_input', msg('reports.rangeTooLong', { max: REPORT_MAX_DAYS }), { field: 'to' });
    let clock: ZonedClock;
    try {
      clock = zonedClock(req.timeZone);
    } catch {
      return failWith('invalid_input', msg('reports.timeZoneUnknown', { zone: req.timeZone }), { field: 'timeZone' });
    }
    return { ok: true, report: buildReport(deps.entries(), { from: req.from, to: req.to, clock }), clock };
  };

  return {
    get(req) {
      const built = build(req);
      return built.ok ? success({ report: built.report }) : built;
    },
    exportCsv(req) {
      const built = build(req);
      if (!built.ok) return built;
      const lang = req.lang ?? 'zh-CN';
      const table = reportTable(built.report, req.chart, lang, built.clock);
      return success({ fileName: reportFileName(req.chart, req.from, req.to, 'csv'), csv: reportCsv(table) });
    },
  };
}
