/**
 * A report table as a Chart.js configuration: which kind of chart each report is, in the theme's
 * colours. Pure (no DOM, no Chart.js import), so it is tested in Node and the chart library stays
 * in the lazily loaded chunk.
 */
import type { ReportChartId, ReportTable } from '../../../../shared/reports/report-tables';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  /** Series colours, in order. */
  series: string[];
  /** Outcome colours: answered, not answered, failed, open. */
  outcomes: string[];
}

type Kind = 'bar' | 'doughnut';

interface ChartShape {
  kind: Kind;
  /** Bars across (long labels: names, numbers, causes). */
  horizontal?: boolean;
  stacked?: boolean;
  /** Colour the series by outcome (answered, not answered, failed, open). */
  outcomeColours?: boolean;
}

const SHAPES: Record<ReportChartId, ChartShape> = {
  perDay: { kind: 'bar', stacked: true, outcomeColours: true },
  perHour: { kind: 'bar' },
  outcomes: { kind: 'doughnut', outcomeColours: true },
  talkTime: { kind: 'bar' },
  longest: { kind: 'bar', horizontal: true },
  busiestNumbers: { kind: 'bar', horizontal: true },
  busiestContacts: { kind: 'bar', horizontal: true },
  hangCauses: { kind: 'bar', horizontal: true },
  confSizes: { kind: 'bar' },
};

/** What Chart.js needs; typed loosely here so this module does not import chart.js. */
export interface ChartSpec {
  type: Kind;
  data: { labels: string[]; datasets: { label: string; data: number[]; backgroundColor: string | string[]; borderColor?: string; borderWidth?: number }[] };
  options: Record<string, unknown>;
}

/** Durations are plotted in minutes (one decimal); the CSV keeps seconds. */
const plotted = (value: string | number, kind: string): number => {
  const n = typeof value === 'number' ? value : Number(value);
  return kind === 'seconds' ? Math.round((n / 60) * 10) / 10 : n;
};

export function chartSpec(table: ReportTable, theme: ChartTheme, minutesWord: string): ChartSpec {
  const shape = SHAPES[table.chart];
  const datasets = table.series.map((col, i) => {
    const column = table.columns[col];
    const label = column.kind === 'seconds' ? `${column.label.replace(/[（(].*[)）]\s*$/, '').trim()} (${minutesWord})` : column.label;
    const colour = shape.outcomeColours ? theme.outcomes[i % theme.outcomes.length] : theme.series[i % theme.series.length];
    return {
      label,
      data: table.rows.map((row) => plotted(row[col], column.kind)),
      backgroundColor: shape.kind === 'doughnut' ? theme.outcomes.slice(0, table.rows.length) : colour,
      ...(shape.kind === 'doughnut' ? { borderColor: theme.grid, borderWidth: 1 } : {}),
    };
  });
  const axis = { ticks: { color: theme.muted, precision: 0 }, grid: { color: theme.grid }, stacked: shape.stacked === true, beginAtZero: true };
  const categoryAxis = { ticks: { color: theme.muted, autoSkip: true }, grid: { display: false }, stacked: shape.stacked === true };
  const options: Record<string, unknown> = {
    responsive: true,
    maintainAspectRatio: false,
    // Drawn once, at once: a wall screen gains nothing from motion, and an export is never half-drawn.
    animation: false,
    plugins: {
      legend: { display: datasets.length > 1 || shape.kind === 'doughnut', labels: { color: theme.text, boxWidth: 12 } },
      tooltip: { enabled: true },
    },
  };
  if (shape.kind === 'bar') {
    options.indexAxis = shape.horizontal ? 'y' : 'x';
    options.scales = shape.horizontal ? { x: axis, y: categoryAxis } : { x: categoryAxis, y: axis };
  }
  return { type: shape.kind, data: { labels: table.labels, datasets }, options };
}
