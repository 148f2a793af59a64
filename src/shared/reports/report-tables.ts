/**
 * Each chart of the reports tab as one labelled table, in a UI language: the chart draws it, the
 * CSV export writes it. One builder for both, so the file a dispatcher exports holds exactly the
 * numbers the chart showed.
 */
import { causeWords } from '../call-outcome';
import { formatMessage, translate, type Language } from '../i18n';
import { reportWord, type ReportWordKey } from '../i18n/report-words';
import { REPORT_CHARTS, REPORT_OUTCOMES, type CallReport, type ReportHangCause, type ReportChartId, type ReportOutcome } from './report';
import type { ZonedClock } from './zoned-clock';

export { REPORT_CHARTS, type ReportChartId } from './report';

/** `count`: how many; `seconds`: a duration (the chart shows minutes, the CSV seconds). */
export type ReportColumnKind = 'text' | 'count' | 'seconds';

export interface ReportColumn {
  label: string;
  kind: ReportColumnKind;
}

export interface ReportTable {
  chart: ReportChartId;
  title: string;
  columns: ReportColumn[];
  rows: (string | number)[][];
  /** One chart label per row. */
  labels: string[];
  /** Indices of the columns the chart plots. */
  series: number[];
}

const OUTCOME_KEY = {
  answered: 'reports.outcome.answered',
  notAnswered: 'reports.outcome.notAnswered',
  failed: 'reports.outcome.failed',
  open: 'reports.outcome.open',
} as const satisfies Record<ReportOutcome, ReportWordKey>;

const TITLE_KEY = {
  perDay: 'reports.chart.perDay',
  perHour: 'reports.chart.perHour',
  outcomes: 'reports.chart.outcomes',
  talkTime: 'reports.chart.talkTime',
  longest: 'reports.chart.longest',
  busiestNumbers: 'reports.chart.busiestNumbers',
  busiestContacts: 'reports.chart.busiestContacts',
  hangCauses: 'reports.chart.hangCauses',
  confSizes: 'reports.chart.confSizes',
} as const satisfies Record<ReportChartId, ReportWordKey>;

export function isReportChart(value: unknown): value is ReportChartId {
  return typeof value === 'string' && (REPORT_CHARTS as readonly string[]).includes(value);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Hang causes in the words the strip and the log use (src/shared/call-outcome), one row per
 * wording: codes that mean the same (NO_ANSWER, NO_USER_RESPONSE) are one bar, and the raw codes
 * stay beside the words for the CSV. A cause this app does not know keeps its code in the label.
 */
function causeRows(causes: readonly ReportHangCause[], lang: Language): Array<{ label: string; codes: string[]; count: number }> {
  const rows = new Map<string, { label: string; codes: string[]; count: number }>();
  for (const { cause, count } of causes) {
    const { words } = causeWords(cause);
    const label = words.key === 'outcome.cause.other' ? reportWord(lang, 'reports.causeOther', { code: cause }) : formatMessage(lang, words);
    const row = rows.get(label) ?? { label, codes: [], count: 0 };
    row.codes.push(cause);
    row.count += count;
    rows.set(label, row);
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

export function reportTable(report: CallReport, chart: ReportChartId, lang: Language, clock: ZonedClock): ReportTable {
  const w = (
    key: Exclude<
      ReportWordKey,
      'reports.confSizeLabel' | 'reports.causeOther' | 'reports.chartLabel' | 'reports.exportPngLabel' | 'reports.exportCsvLabel' | 'reports.kpi.calls'
    >,
  ) => reportWord(lang, key);
  const col = (key: Parameters<typeof w>[0], kind: ReportColumnKind): ReportColumn => ({ label: w(key), kind });
  const outcomeCols = REPORT_OUTCOMES.map((o) => col(OUTCOME_KEY[o], 'count'));
  const base = { chart, title: w(TITLE_KEY[chart]) };
  const separator = translate(lang, 'common.listSeparator');
  switch (chart) {
    case 'perDay':
      return {
        ...base,
        columns: [col('reports.col.day', 'text'), ...outcomeCols],
        rows: report.perDay.map((d) => [d.day, ...REPORT_OUTCOMES.map((o) => d[o])]),
        labels: report.perDay.map((d) => d.day.slice(5)),
        series: [1, 2, 3, 4],
      };
    case 'perHour':
      return {
        ...base,
        columns: [col('reports.col.hour', 'text'), col('reports.col.attempts', 'count'), col('reports.outcome.answered', 'count')],
        rows: report.perHour.map((h) => [`${pad(h.hour)}:00`, h.attempts, h.answered]),
        labels: report.perHour.map((h) => pad(h.hour)),
        series: [1, 2],
      };
    case 'outcomes':
      return {
        ...base,
        columns: [col('reports.col.outcome', 'text'), col('reports.col.attempts', 'count')],
        rows: REPORT_OUTCOMES.map((o) => [w(OUTCOME_KEY[o]), report.totals[o]]),
        labels: REPORT_OUTCOMES.map((o) => w(OUTCOME_KEY[o])),
        series: [1],
      };
    case 'talkTime':
      return {
        ...base,
        columns: [col('reports.col.day', 'text'), col('reports.col.talkTotal', 'seconds'), col('reports.col.talkAverage', 'seconds')],
        rows: report.perDay.map((d) => [d.day, d.talkSec, d.answered > 0 ? Math.round(d.talkSec / d.answered) : 0]),
        labels: report.perDay.map((d) => d.day.slice(5)),
        series: [1, 2],
      };
    case 'longest': {
      const rows = report.longest.map((c) => {
        const p = clock.parts(c.createdAt);
        const who = c.parties.map((x) => (x.name ? `${x.name} ${x.number}` : x.number)).join(separator);
        return [`${p.day} ${pad(p.hour)}:${pad(p.minute)}`, w(c.kind === 'conf' ? 'reports.kind.conf' : 'reports.kind.call'), who, c.durationSec];
      });
      return {
        ...base,
        columns: [col('reports.col.time', 'text'), col('reports.col.kind', 'text'), col('reports.col.who', 'text'), col('reports.col.duration', 'seconds')],
        rows,
        labels: report.longest.map((c) => {
          const first = c.parties[0];
          const name = first ? (first.name ?? first.number) : '';
          return c.parties.length > 1 ? `${name} +${c.parties.length - 1}` : name;
        }),
        series: [3],
      };
    }
    case 'busiestNumbers':
      return {
        ...base,
        columns: [
          col('reports.col.number', 'text'),
          col('reports.col.name', 'text'),
          col('reports.col.attempts', 'count'),
          col('reports.outcome.answered', 'count'),
          col('reports.col.talkTotal', 'seconds'),
        ],
        rows: report.busiestNumbers.map((n) => [n.number, n.name ?? '', n.attempts, n.answered, n.talkSec]),
        labels: report.busiestNumbers.map((n) => (n.name ? `${n.name} ${n.number}` : n.number)),
        series: [2, 3],
      };
    case 'busiestContacts':
      return {
        ...base,
        columns: [
          col('reports.col.name', 'text'),
          col('reports.col.numbers', 'text'),
          col('reports.col.attempts', 'count'),
          col('reports.outcome.answered', 'count'),
          col('reports.col.talkTotal', 'seconds'),
        ],
        rows: report.busiestContacts.map((c) => [c.name, c.numbers.join('; '), c.attempts, c.answered, c.talkSec]),
        labels: report.busiestContacts.map((c) => c.name),
        series: [2, 3],
      };
    case 'hangCauses': {
      const causes = causeRows(report.hangCauses, lang);
      return {
        ...base,
        columns: [col('reports.col.hangCause', 'text'), col('reports.col.hangCauseCode', 'text'), col('reports.col.attempts', 'count')],
        rows: causes.map((c) => [c.label, c.codes.join('; '), c.count]),
        labels: causes.map((c) => c.label),
        series: [2],
      };
    }
    case 'confSizes':
      return {
        ...base,
        columns: [col('reports.col.confSize', 'count'), col('reports.col.confs', 'count'), col('reports.outcome.answered', 'count')],
        rows: report.confSizes.map((c) => [c.size, c.count, c.answered]),
        labels: report.confSizes.map((c) => reportWord(lang, 'reports.confSizeLabel', { n: c.size })),
        series: [1, 2],
      };
  }
}
