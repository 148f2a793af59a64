/** The reports tab's date range: presets counted back from today, in the window's local dates. */
import { localDay } from '../../lib/format';

export type RangePreset = 'today' | 'week' | 'month' | 'quarter';
export const RANGE_PRESETS: readonly RangePreset[] = ['today', 'week', 'month', 'quarter'];
const PRESET_DAYS: Record<RangePreset, number> = { today: 1, week: 7, month: 30, quarter: 90 };

export interface DayRange {
  from: string;
  to: string;
}

/** The last `n` days including today (local dates; noon keeps DST changes from skipping a day). */
export function presetRange(preset: RangePreset, now: number): DayRange {
  const today = new Date(now);
  const first = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (PRESET_DAYS[preset] - 1), 12);
  return { from: localDay(first.getTime()), to: localDay(now) };
}

/** The window's IANA time zone: the report counts days and hours on the dispatcher's clock. */
export function windowTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
