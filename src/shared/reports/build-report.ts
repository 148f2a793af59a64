/**
 * Aggregates call-log entries into a CallReport in one pass (a 10 000-row log is the local cap):
 * pure, so it is tested in Node and can run wherever the log is (main today, the hub later).
 */
import type { CallLogEntry, PhoneNumber } from '../domain';
import { type CallReport, type OutcomeCounts, type ReportContact, type ReportDay, type ReportLongCall, type ReportNumber } from './report';
import { reportHangCause, reportOutcome } from './report-outcome';
import { dayNumber, dayOf, type ZonedClock } from './zoned-clock';

/** The longest range a report covers (a leap year). */
export const REPORT_MAX_DAYS = 366;
/** Rows in the "top" lists. */
export const REPORT_TOP = 10;

export interface ReportQuery {
  /** Inclusive `YYYY-MM-DD` days in `clock`'s time zone; `from` ≤ `to`, at most REPORT_MAX_DAYS days. */
  from: string;
  to: string;
  clock: ZonedClock;
  top?: number;
}

const zeroCounts = (): OutcomeCounts => ({ answered: 0, notAnswered: 0, failed: 0, open: 0 });

/** The days from…to, or why not. */
export function reportDays(from: string, to: string): string[] | 'invalid' | 'too_long' {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === null || b === null || a > b) return 'invalid';
  if (b - a + 1 > REPORT_MAX_DAYS) return 'too_long';
  const days: string[] = [];
  for (let n = a; n <= b; n++) days.push(dayOf(n));
  return days;
}

/** Highest first by `primary`, then `secondary`, then key: the same input always gives the same order. */
function topBy<T>(items: Iterable<T>, n: number, primary: (t: T) => number, secondary: (t: T) => number, key: (t: T) => string): T[] {
  return [...items].sort((x, y) => primary(y) - primary(x) || secondary(y) - secondary(x) || (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0)).slice(0, n);
}

/** Throws a RangeError for a range reportDays refuses (the service checks first and answers in words). */
export function buildReport(entries: readonly CallLogEntry[], query: ReportQuery): CallReport {
  const days = reportDays(query.from, query.to);
  if (!Array.isArray(days)) throw new RangeError(`report range ${query.from}…${query.to}: ${days}`);
  const top = query.top ?? REPORT_TOP;

  const perDay = new Map<string, ReportDay>(days.map((day) => [day, { day, attempts: 0, talkSec: 0, ...zeroCounts() }]));
  const perHour = Array.from({ length: 24 }, (_, hour) => ({ hour, attempts: 0, answered: 0 }));
  const totals = { attempts: 0, calls: 0, confs: 0, talkSec: 0, avgTalkSec: 0, ...zeroCounts() };
  const longest: ReportLongCall[] = [];
  const numbers = new Map<PhoneNumber, ReportNumber & { lastSeen: number }>();
  const contacts = new Map<string, ReportContact & { numberSet: Set<PhoneNumber> }>();
  const causes = new Map<string, number>();
  const confSizes = new Map<number, { size: number; count: number; answered: number }>();

  for (const e of entries) {
    const { day, hour } = query.clock.parts(e.createdAt);
    const dayRow = perDay.get(day);
    if (!dayRow) continue;
    const outcome = reportOutcome(e);
    const answered = outcome === 'answered';
    const talk = answered ? Math.max(0, e.durationSec ?? 0) : 0;

    totals.attempts++;
    totals[outcome]++;
    totals.talkSec += talk;
    if (e.kind === 'conf') totals.confs++;
    else totals.calls++;
    dayRow.attempts++;
    dayRow[outcome]++;
    dayRow.talkSec += talk;
    perHour[hour].attempts++;
    if (answered) perHour[hour].answered++;

    if (answered && talk > 0) longest.push({ id: e.id, createdAt: e.createdAt, kind: e.kind, parties: e.parties, durationSec: talk });
    const cause = reportHangCause(e);
    if (cause) causes.set(cause, (causes.get(cause) ?? 0) + 1);
    if (e.kind === 'conf') {
      const size = e.parties.length;
      const row = confSizes.get(size) ?? { size, count: 0, answered: 0 };
      row.count++;
      if (answered) row.answered++;
      confSizes.set(size, row);
    }

    // A number or a contact twice in one conference is one attempt for it.
    const seenNumbers = new Set<PhoneNumber>();
    const seenNames = new Set<string>();
    for (const p of e.parties) {
      if (!seenNumbers.has(p.number)) {
        seenNumbers.add(p.number);
        const row = numbers.get(p.number) ?? { number: p.number, attempts: 0, answered: 0, talkSec: 0, lastSeen: -Infinity };
        row.attempts++;
        if (answered) row.answered++;
        row.talkSec += talk;
        const name = p.name?.trim();
        if (name && e.createdAt >= row.lastSeen) {
          row.name = name;
          row.lastSeen = e.createdAt;
        }
        numbers.set(p.number, row);
      }
      const name = p.name?.trim();
      if (name && !seenNames.has(name)) {
        seenNames.add(name);
        const row = contacts.get(name) ?? { name, numbers: [], numberSet: new Set(), attempts: 0, answered: 0, talkSec: 0 };
        row.attempts++;
        if (answered) row.answered++;
        row.talkSec += talk;
        row.numberSet.add(p.number);
        contacts.set(name, row);
      }
    }
  }
  totals.avgTalkSec = totals.answered > 0 ? Math.round(totals.talkSec / totals.answered) : 0;

  return {
    from: query.from,
    to: query.to,
    timeZone: query.clock.timeZone,
    totals,
    perDay: [...perDay.values()],
    perHour,
    longest: topBy(
      longest,
      top,
      (c) => c.durationSec,
      (c) => c.createdAt,
      (c) => c.id,
    ),
    busiestNumbers: topBy(
      numbers.values(),
      top,
      (n) => n.attempts,
      (n) => n.talkSec,
      (n) => n.number,
    ).map(({ lastSeen: _lastSeen, ...n }) => n),
    busiestContacts: topBy(
      contacts.values(),
      top,
      (c) => c.attempts,
      (c) => c.talkSec,
      (c) => c.name,
    ).map(({ numberSet, ...c }) => ({ ...c, numbers: [...numberSet].sort() })),
    hangCauses: [...causes].map(([cause, count]) => ({ cause, count })).sort((a, b) => b.count - a.count || (a.cause < b.cause ? -1 : 1)),
    confSizes: [...confSizes.values()].sort((a, b) => a.size - b.size),
  };
}
