import { describe, expect, it } from 'vitest';
import { chartSpec, type ChartTheme } from '../../../src/renderer/src/features/reports/chart-config';
import { presetRange } from '../../../src/renderer/src/features/reports/report-range';
import { parseView, resolvedTheme } from '../../../src/renderer/src/state/view-store';
import { buildReport } from '../../../src/shared/reports/build-report';
import { REPORT_CHARTS } from '../../../src/shared/reports/report';
import { reportTable } from '../../../src/shared/reports/report-tables';
import { zonedClock } from '../../../src/shared/reports/zoned-clock';
import { entry, party } from '../reports/report-fixtures';

const theme: ChartTheme = { text: '#111', muted: '#555', grid: '#ddd', series: ['#a00', '#0a0', '#00a'], outcomes: ['#1', '#2', '#3', '#4'] };
const clock = zonedClock('UTC');
const report = buildReport(
  [
    entry({ at: '2026-11-01T02:00:00Z', durationSec: 90, hangCause: 'NORMAL_CLEARING', parties: [party('13800138000', '张三')] }),
    entry({ at: '2026-11-01T03:00:00Z', kind: 'conf', parties: [party('1'), party('2')], durationSec: 30 }),
  ],
  { from: '2026-11-01', to: '2026-11-02', clock },
);

describe('chartSpec', () => {
  it('plots every series of every chart, one value per label', () => {
    for (const chart of REPORT_CHARTS) {
      const table = reportTable(report, chart, 'en', clock);
      const spec = chartSpec(table, theme, 'minutes');
      expect(spec.data.labels).toEqual(table.labels);
      expect(spec.data.datasets).toHaveLength(table.series.length);
      for (const d of spec.data.datasets) expect(d.data).toHaveLength(table.rows.length);
      expect(spec.options.animation).toBe(false);
    }
  });

  it('shows durations in minutes and names the unit; the table keeps seconds', () => {
    const table = reportTable(report, 'talkTime', 'en', clock);
    expect(table.rows[0]).toEqual(['2026-11-01', 120, 60]);
    const spec = chartSpec(table, theme, 'minutes');
    expect(spec.data.datasets.map((d) => d.label)).toEqual(['Total talk time (minutes)', 'Average talk time (minutes)']);
    expect(spec.data.datasets[0].data).toEqual([2, 0]);
    expect(spec.data.datasets[1].data).toEqual([1, 0]);
  });

  it('long labels lie across (horizontal bars); outcomes take the outcome colours', () => {
    expect(chartSpec(reportTable(report, 'busiestContacts', 'en', clock), theme, 'm').options.indexAxis).toBe('y');
    expect(chartSpec(reportTable(report, 'perHour', 'en', clock), theme, 'm').options.indexAxis).toBe('x');
    const perDay = chartSpec(reportTable(report, 'perDay', 'en', clock), theme, 'm');
    expect(perDay.data.datasets.map((d) => d.backgroundColor)).toEqual(theme.outcomes);
    const outcomes = chartSpec(reportTable(report, 'outcomes', 'en', clock), theme, 'm');
    expect(outcomes.type).toBe('doughnut');
    expect(outcomes.data.datasets[0].backgroundColor).toEqual(theme.outcomes);
  });
});

describe('report range presets', () => {
  it('counts back from today, today included, across a month end', () => {
    const now = new Date(2026, 2, 2, 9, 30).getTime();
    expect(presetRange('today', now)).toEqual({ from: '2026-03-02', to: '2026-03-02' });
    expect(presetRange('week', now)).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(presetRange('month', now)).toEqual({ from: '2026-02-01', to: '2026-03-02' });
  });
});

describe('view preferences', () => {
  it('reads what was saved and falls back on anything else', () => {
    expect(parseView('{"theme":"dark","largeText":true}')).toEqual({ theme: 'dark', largeText: true });
    expect(parseView('{"theme":"neon","largeText":"yes"}')).toEqual({ theme: 'system', largeText: false });
    expect(parseView('not json')).toEqual({ theme: 'system', largeText: false });
    expect(parseView(null)).toEqual({ theme: 'system', largeText: false });
  });
  it('follows the system only when asked to', () => {
    expect(resolvedTheme({ theme: 'system', systemDark: true })).toBe('dark');
    expect(resolvedTheme({ theme: 'system', systemDark: false })).toBe('light');
    expect(resolvedTheme({ theme: 'light', systemDark: true })).toBe('light');
    expect(resolvedTheme({ theme: 'dark', systemDark: false })).toBe('dark');
  });
});
