/**
 * A report chart's table as a spreadsheet, written like the other exports: UTF-8 with a BOM
 * (Excel reads UTF-8 without it as GBK), CRLF, the formula-injection guard on every text cell
 * (names and hang causes come from outside), long digit strings as ="…" so Excel keeps them as
 * text with their leading 0.
 */
import type { ReportTable } from '../../shared/reports/report-tables';
import { csvCell, guard } from '../contacts/csv';

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
