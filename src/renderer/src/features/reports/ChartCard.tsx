import { Chart } from 'chart.js';
import { memo, useEffect, useRef, useState } from 'react';
import type { ReportChartId, ReportTable } from '../../../../shared/reports/report-tables';
import { Icon } from '../../components/Icon';
import { useReportWord } from './use-report-word';
import { chartSpec, type ChartTheme } from './chart-config';

interface Props {
  table: ReportTable;
  theme: ChartTheme;
  background: string;
  onPng(chart: ReportChartId, canvas: HTMLCanvasElement, background: string): void;
  onCsv(table: ReportTable): void;
}

/** One chart of the report, with its exports; the data is also a table for screen readers. */
export const ChartCard = memo(function ChartCard({ table, theme, background, onPng, onCsv }: Props) {
  const w = useReportWord();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  const empty = table.rows.length === 0 || table.series.every((col) => table.rows.every((row) => row[col] === 0));

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || empty) return;
    const spec = chartSpec(table, theme, w('reports.minutes'));
    // Chart.js's own types are stricter than the spec's loose options record.
    const chart = new Chart(canvas, spec as unknown as ConstructorParameters<typeof Chart>[1]);
    setDrawn(true);
    return () => {
      chart.destroy();
      setDrawn(false);
    };
  }, [table, theme, empty, w]);

  const titleId = `chart-title-${table.chart}`;
  return (
    <section className="panel chart-card" aria-labelledby={titleId} data-testid={`report-chart-${table.chart}`} data-drawn={drawn && !empty}>
      <header className="chart-head">
        <h3 id={titleId}>{table.title}</h3>
        <div className="chart-actions">
          <button
            type="button"
            className="small-button"
            data-testid={`report-png-${table.chart}`}
            disabled={empty || !drawn}
            aria-label={w('reports.exportPngLabel', { chart: table.title })}
            title={w('reports.exportPngLabel', { chart: table.title })}
            onClick={() => canvasRef.current && onPng(table.chart, canvasRef.current, background)}
          >
            <Icon name="download" />
            <span>{w('reports.exportPng')}</span>
          </button>
          <button
            type="button"
            className="small-button"
            data-testid={`report-csv-${table.chart}`}
            aria-label={w('reports.exportCsvLabel', { chart: table.title })}
            title={w('reports.exportCsvLabel', { chart: table.title })}
            onClick={() => onCsv(table)}
          >
            <Icon name="download" />
            <span>{w('reports.exportCsv')}</span>
          </button>
        </div>
      </header>
      <div className="chart-box">
        {empty ? (
          <p className="chart-empty muted">{w('reports.chartEmpty')}</p>
        ) : (
          <canvas ref={canvasRef} role="img" aria-label={w('reports.chartLabel', { chart: table.title, n: table.rows.length })} />
        )}
      </div>
      <table className="sr-only">
        <caption>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((v, j) => (
                <td key={j}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});
