/**
 * Local calendar day and hour of a timestamp in a named time zone (IANA, e.g. `Asia/Shanghai`),
 * with nothing but ECMAScript's Intl: the same code runs in main, in the hub and in tests, and a
 * report made in main buckets calls by the dispatcher's wall clock, not the server's.
 *
 * Intl's formatToParts costs microseconds, too much for every row of a 10 000-row log, so the
 * zone's offset is looked up per UTC day: when the offset at the day's first and last millisecond
 * agree (every day but the two DST changes a year), it holds for the whole day; on a change day
 * it is looked up per quarter hour, and every real zone changes its offset on a quarter hour.
 */

export interface LocalParts {
  /** `YYYY-MM-DD`. */
  day: string;
  /** 0–23. */
  hour: number;
  minute: number;
}

export interface ZonedClock {
  readonly timeZone: string;
  parts(ts: number): LocalParts;
}

const QUARTER_HOUR_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');

/** Throws a RangeError for a time zone the runtime does not know. */
export function zonedClock(timeZone: string): ZonedClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  /** Local wall time minus UTC, in ms, at `at` (whole seconds: formatToParts has no milliseconds). */
  const lookUp = (at: number): number => {
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (at - (at % 1000));
  };
  /** Per UTC day: the day's offset, or null on a day the offset changes. */
  const days = new Map<number, number | null>();
  const slots = new Map<number, number>();

  const offsetAt = (ts: number): number => {
    const day = Math.floor(ts / DAY_MS);
    let offset = days.get(day);
    if (offset === undefined) {
      const first = lookUp(day * DAY_MS);
      offset = first === lookUp((day + 1) * DAY_MS - 1000) ? first : null;
      days.set(day, offset);
    }
    if (offset !== null) return offset;
    const slot = Math.floor(ts / QUARTER_HOUR_MS);
    let exact = slots.get(slot);
    if (exact === undefined) {
      exact = lookUp(slot * QUARTER_HOUR_MS);
      slots.set(slot, exact);
    }
    return exact;
  };

  return {
    timeZone: format.resolvedOptions().timeZone,
    parts(ts) {
      const local = new Date(ts + offsetAt(ts));
      return {
        day: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
        hour: local.getUTCHours(),
        minute: local.getUTCMinutes(),
      };
    },
  };
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` that names a real date; null otherwise (`2026-02-30`). */
export function dayNumber(day: string): number | null {
  const m = DAY_PATTERN.exec(day);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return null;
  return ms / 86_400_000;
}

/** The `YYYY-MM-DD` of a day number (see dayNumber). */
export function dayOf(n: number): string {
  const d = new Date(n * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
