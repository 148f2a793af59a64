/** Small statistics helpers for the benchmarks. Inputs are not modified. */

function sorted(xs: readonly number[]): number[] {
  return Float64Array.from(xs).sort() as unknown as number[];
}

/**
 * The p-th percentile (0–100) by nearest rank: always one of the measured values, so a p99 over
 * 200 samples is the second-worst sample, not an interpolation.
 */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

/** Median; the mean of the two middle values for an even count. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const p95 = (xs: readonly number[]): number => percentile(xs, 95);
export const p99 = (xs: readonly number[]): number => percentile(xs, 99);

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(xs: readonly number[]): Summary {
  const s = sorted(xs);
  return {
    n: s.length,
    min: s[0] ?? NaN,
    p50: median(s),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
  };
}

/** Rounds for display and JSON to four significant digits (at most three decimals above 1). */
export function round(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const digits = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(x))));
  const f = 10 ** Math.min(digits, Math.abs(x) >= 1 ? 3 : 8);
  return Math.round(x * f) / f;
}
