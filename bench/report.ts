/**
 * What every figure group returns, and the table printer. A figure with a budget passes or fails;
 * one without ("report it") is informational. Missing a budget never fails the command: the
 * benchmark reports, the reader decides.
 */
import { round } from './stats';

export interface Budget {
  /** The figure must be at most this (every budget here is an upper bound). */
  max: number;
}

export interface Figure {
  /** Figure group: client, search, store, bundle, browser. */
  group: string;
  name: string;
  value: number;
  unit: string;
  budget?: Budget;
  /** true/false against the budget; null when there is no budget or the figure could not be measured. */
  pass: boolean | null;
  /** How it was measured (sample counts, what the value is a ratio of, …). */
  detail?: string;
}

export function figure(group: string, name: string, value: number, unit: string, budget?: number, detail?: string): Figure {
  const pass = budget === undefined || !Number.isFinite(value) ? null : value <= budget;
  return { group, name, value: round(value), unit, budget: budget === undefined ? undefined : { max: budget }, pass, detail };
}

/** A figure that could not be measured (a missing feature, a crashed browser): reported, not hidden. */
export function unmeasured(group: string, name: string, unit: string, budget: number | undefined, why: string): Figure {
  return { group, name, value: NaN, unit, budget: budget === undefined ? undefined : { max: budget }, pass: null, detail: `NOT MEASURED: ${why}` };
}

function cell(f: Figure): { value: string; budget: string; status: string } {
  const value = Number.isFinite(f.value) ? `${f.value} ${f.unit}` : 'n/a';
  const budget = f.budget ? `≤ ${f.budget.max} ${f.unit}` : 'report';
  const status = f.pass === true ? 'pass' : f.pass === false ? 'MISS' : f.budget && !Number.isFinite(f.value) ? 'NOT RUN' : 'info';
  return { value, budget, status };
}

/** Display width: CJK and other wide characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const c = cell(f);
    return [f.group, f.name, c.value, c.budget, c.status];
  });
  const head = ['group', 'figure', 'value', 'budget', 'status'];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (r: string[]): string =>
    r
      .map((x, i) => pad(x, widths[i]))
      .join(' | ')
      .trimEnd();
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('-|-')];
  for (const r of rows) out.push(line(r));
  return out.join('\n');
}

export function formatDetails(figures: readonly Figure[]): string {
  return figures
    .filter((f) => f.detail)
    .map((f) => `  ${f.group} / ${f.name}: ${f.detail}`)
    .join('\n');
}

export function missed(figures: readonly Figure[]): Figure[] {
  return figures.filter((f) => f.pass === false);
}

export function notMeasured(figures: readonly Figure[]): Figure[] {
  return figures.filter((f) => !Number.isFinite(f.value));
}
