/**
 * A report chart's table as a spreadsheet, written like the other exports: UTF-8 with a BOM
 * (Excel reads UTF-8 without it as GBK), CRLF, the formula-injection guard on every text cell
 * (names and hang causes come from outside), long digit strings as ="…" so Excel keeps them as
 * text with their leading 0.
 */
import { reportFileName, type CallReport } from './report';
import type { ReportTable } from './report-tables';
import { csvCell, guard } from '../csv-cell';

function cell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (/^\d{5,}$/.test(value)) return `="${value}"`;
  return csvCell(guard(value));
}

export function reportCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => cell(c.label)).join(',')];
  for (const row of table.rows) lines.push(row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The file a chart's CSV is saved as: named by chart and the report's own range. */
export function reportCsvFile(report: CallReport, table: ReportTable): { fileName: string; csv: string } {
  return { fileName: reportFileName(table.chart, report.from, report.to, 'csv'), csv: reportCsv(table) };
}
