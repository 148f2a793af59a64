/**
 * The reports tab (统计). Loaded on demand (App.tsx imports it lazily), so Chart.js and this code
 * stay out of the first screen's bundle. Main builds the report from the call log it reads (the
 * desk's own, the team's in team mode); this tab draws it, and re-asks when the log changes.
 */
import './chart-setup';
import './reports.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CallReport } from '../../../../shared/reports/report';
import { REPORT_CHARTS, reportFileName, type ReportChartId } from '../../../../shared/reports/report';
import { reportCsvFile } from '../../../../shared/reports/report-csv';
import { reportTable, type ReportTable } from '../../../../shared/reports/report-tables';
import { zonedClock } from '../../../../shared/reports/zoned-clock';
import type { Failure } from '../../../../shared/result';
import { invoke } from '../../bridge';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { useReportWord } from './use-report-word';
import { downloadText } from '../../lib/download';
import { formatDuration } from '../../lib/format';
import { useLanguage } from '../../state/app-store';
import { useCallsStore } from '../../state/calls-store';
import { showToast } from '../../state/toast-store';
import { resolvedTheme, useViewStore } from '../../state/view-store';
import { ChartCard } from './ChartCard';
import type { ChartTheme } from './chart-config';
import { presetRange, RANGE_PRESETS, windowTimeZone, type DayRange, type RangePreset } from './report-range';
import { saveCanvasAsPng } from './save-png';

/** The theme's colours, read from the stylesheet's custom properties (one place defines them). */
function readTheme(name: 'light' | 'dark'): { name: string; theme: ChartTheme; background: string } {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    name,
    theme: {
      text: v('--text'),
      muted: v('--muted'),
      grid: v('--border'),
      series: [v('--chart-1'), v('--chart-2'), v('--chart-3')],
      outcomes: [v('--chart-answered'), v('--chart-not-answered'), v('--chart-failed'), v('--chart-open')],
    },
    background: v('--surface'),
  };
}

export default function ReportsTab() {
  const t = useT();
  const w = useReportWord();
  const lang = useLanguage();
  const [range, setRange] = useState<DayRange>(() => presetRange('week', Date.now()));
  /** The preset the range came from (its button shows pressed); null once a date is edited. */
  const [preset, setPreset] = useState<RangePreset | null>('week');
  const [report, setReport] = useState<CallReport | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(false);
  const [timeZone] = useState(windowTimeZone);
  const log = useCallsStore((s) => s.log);
  const themeName = useViewStore(resolvedTheme);
  // Re-read when the theme changes: the view store sets <html data-theme> before React re-renders.
  const colours = useMemo(() => readTheme(themeName), [themeName]);

  // One request at a time; a change meanwhile asks once more afterwards (a busy shift changes the
  // log every few seconds, which must not become a queue of reports).
  const busy = useRef(false);
  const again = useRef(false);
  const latest = useRef(range);
  useEffect(() => {
    latest.current = range;
  }, [range]);
  const refresh = useCallback(async () => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    setLoading(true);
    try {
      do {
        again.current = false;
        const asked = latest.current;
        const r = await invoke('reportsGet', { from: asked.from, to: asked.to, timeZone });
        if (latest.current !== asked) again.current = true;
        else if (r.ok) {
          setReport(r.report);
          setFailure(null);
        } else {
          setFailure(r);
        }
      } while (again.current);
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }, [timeZone]);

  useEffect(() => {
    void refresh();
  }, [range, log, refresh]);

  const clock = useMemo(() => (report ? zonedClock(report.timeZone) : null), [report]);
  const tables = useMemo(() => (report && clock ? REPORT_CHARTS.map((c) => reportTable(report, c, lang, clock)) : []), [report, clock, lang]);

  // Written here from the table on screen: the file holds exactly what the chart shows and is
  // saved at once, with no round trip to main to build the same table again. Both files are named
  // by the range of the report drawn, not the one asked for meanwhile.
  const onCsv = useCallback(
    (table: ReportTable) => {
      if (!report) return;
      const { fileName, csv } = reportCsvFile(report, table);
      downloadText(fileName, csv);
      showToast({ message: { key: 'reports.exported', params: { file: fileName } }, tone: 'success' });
    },
    [report],
  );

  const onPng = useCallback(
    async (chart: ReportChartId, canvas: HTMLCanvasElement, background: string) => {
      if (!report) return;
      const fileName = reportFileName(chart, report.from, report.to, 'png');
      if (await saveCanvasAsPng(canvas, background, fileName)) showToast({ message: { key: 'reports.exported', params: { file: fileName } }, tone: 'success' });
    },
    [report],
  );

  const pressed = preset;
  const totals = report?.totals;
  const rate = totals && totals.attempts > 0 ? Math.round((totals.answered / totals.attempts) * 100) : null;
  return (
    <div className="reports-tab" data-testid="reports-tab">
      <div className="reports-toolbar" role="group" aria-label={w('reports.range')}>
        <h2 className="reports-title">{w('reports.title')}</h2>
        <div className="preset-buttons">
          {RANGE_PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              className={pressed === p ? 'chip active' : 'chip'}
              aria-pressed={pressed === p}
              data-testid={`report-preset-${p}`}
              onClick={() => {
                setPreset(p);
                setRange(presetRange(p, Date.now()));
              }}
            >
              {w(`reports.preset.${p}`)}
            </button>
          ))}
        </div>
        <label className="field inline-field">
          <span>{w('reports.from')}</span>
          <input
            type="date"
            data-testid="report-from"
            value={range.from}
            max={range.to}
            onChange={(e) => e.target.value && (setPreset(null), setRange({ ...range, from: e.target.value }))}
          />
        </label>
        <label className="field inline-field">
          <span>{w('reports.to')}</span>
          <input
            type="date"
            data-testid="report-to"
            value={range.to}
            min={range.from}
            onChange={(e) => e.target.value && (setPreset(null), setRange({ ...range, to: e.target.value }))}
          />
        </label>
        <span className="muted small reports-source" data-testid="report-status" data-loading={loading}>
          {loading ? t('reports.loading') : w('reports.source')}
        </span>
      </div>
      {failure && <FailureMessage failure={failure} testId="report-failure" />}
      {totals && (
        <dl className="kpis" data-testid="report-kpis">
          <div>
            <dt>{w('reports.kpi.attempts')}</dt>
            <dd data-testid="kpi-attempts">{totals.attempts}</dd>
            <dd className="muted small">{w('reports.kpi.calls', { calls: totals.calls, confs: totals.confs })}</dd>
          </div>
          <div>
            <dt>{w('reports.kpi.answered')}</dt>
            <dd data-testid="kpi-answered">{totals.answered}</dd>
            <dd className="muted small">
              {w('reports.kpi.answerRate')} {rate === null ? '—' : `${rate}%`}
            </dd>
          </div>
          <div>
            <dt>{w('reports.kpi.notAnswered')}</dt>
            <dd data-testid="kpi-not-answered">{totals.notAnswered}</dd>
            <dd className="muted small">
              {w('reports.kpi.failed')} {totals.failed}
            </dd>
          </div>
          <div>
            <dt>{w('reports.kpi.talkTotal')}</dt>
            <dd data-testid="kpi-talk-total">{formatDuration(totals.talkSec)}</dd>
          </div>
          <div>
            <dt>{w('reports.kpi.talkAverage')}</dt>
            <dd data-testid="kpi-talk-average">{formatDuration(totals.avgTalkSec)}</dd>
          </div>
        </dl>
      )}
      {totals && totals.attempts === 0 && (
        <p className="list-state" data-testid="report-empty">
          {w('reports.empty')}
        </p>
      )}
      <div className="chart-grid">
        {tables.map((table) => (
          <ChartCard key={table.chart} table={table} theme={colours.theme} background={colours.background} onPng={onPng} onCsv={onCsv} />
        ))}
      </div>
    </div>
  );
}
