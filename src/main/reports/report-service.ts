/**
 * The reports tab's data: a report over a date range. The tab writes each chart's CSV itself from
 * the table it shows (src/shared/reports/report-csv.ts), at once and inside the click. Reads the
 * call log through a function, not a store, so team mode can hand it the team's log from the hub
 * and nothing else changes; the aggregation itself is the pure src/shared/reports.
 */
import type { CallLogEntry } from '../../shared/domain';
import type { ReportsGetRequest, ReportsGetResponse } from '../../shared/contract';
import { msg } from '../../shared/i18n';
import { failWith, success } from '../../shared/result';
import { buildReport, REPORT_MAX_DAYS, reportDays } from '../../shared/reports/build-report';
import { zonedClock, type ZonedClock } from '../../shared/reports/zoned-clock';

export interface ReportServiceDeps {
  /** The log the report covers: the desk's own today, the team's in team mode. */
  entries(): readonly CallLogEntry[];
}

export interface ReportService {
  get(req: ReportsGetRequest): ReportsGetResponse;
}

export function createReportService(deps: ReportServiceDeps): ReportService {
  const build = (req: ReportsGetRequest): ReportsGetResponse => {
    const days = reportDays(req.from, req.to);
    if (days === 'invalid') return failWith('invalid_input', msg('reports.rangeInvalid'), { field: 'from' });
    if (days === 'too_long') return failWith('invalid_input', msg('reports.rangeTooLong', { max: REPORT_MAX_DAYS }), { field: 'to' });
    let clock: ZonedClock;
    try {
      clock = zonedClock(req.timeZone);
    } catch {
      return failWith('invalid_input', msg('reports.timeZoneUnknown', { zone: req.timeZone }), { field: 'timeZone' });
    }
    return success({ report: buildReport(deps.entries(), { from: req.from, to: req.to, clock }) });
  };

  return { get: build };
}
