/**
 * The team's call log as the log tab and the supervisor's board read it (pure functions over the
 * entries main keeps up to date from the hub's events).
 */
import type { CallLogEntry } from '../../../../shared/domain';

/** '' = every dispatcher; otherwise one dispatcher's user name. */
export type DispatcherFilter = string;

export function byDispatcher(entries: readonly CallLogEntry[], dispatcher: DispatcherFilter): readonly CallLogEntry[] {
  if (dispatcher === '') return entries;
  return entries.filter((e) => e.dispatcher === dispatcher);
}

export function dispatchersIn(entries: readonly CallLogEntry[]): string[] {
  const names = new Set<string>();
  for (const e of entries) if (e.dispatcher) names.add(e.dispatcher);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** Grace after maxDur before a call without a bill stops counting as "in progress" (the bill may be late). */
const BILL_GRACE_MS = 120_000;

/** Calls and conferences accepted by the hub whose bill has not arrived yet. */
export function inProgress(entries: readonly CallLogEntry[], now: number): CallLogEntry[] {
  return entries.filter(
    (e) =>
      e.mode === 'team' && (e.state === 'submitted' || e.state === 'ringing' || e.state === 'answered') && now - e.createdAt < e.maxDur * 1000 + BILL_GRACE_MS,
  );
}

export interface DayCounts {
  calls: number;
  connected: number;
  failed: number;
  byDispatcher: { dispatcher: string; calls: number; connected: number }[];
}

/** Today's counts (local day of `now`). */
export function todayCounts(entries: readonly CallLogEntry[], now: number): DayCounts {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const today = entries.filter((e) => e.mode === 'team' && e.createdAt >= start.getTime());
  const per = new Map<string, { calls: number; connected: number }>();
  let connected = 0;
  let failed = 0;
  for (const e of today) {
    const ok = (e.durationSec ?? 0) > 0;
    if (ok) connected++;
    if (e.state === 'failed') failed++;
    const key = e.dispatcher ?? '';
    const row = per.get(key) ?? { calls: 0, connected: 0 };
    row.calls++;
    if (ok) row.connected++;
    per.set(key, row);
  }
  return {
    calls: today.length,
    connected,
    failed,
    byDispatcher: [...per.entries()]
      .map(([dispatcher, c]) => ({ dispatcher, ...c }))
      .sort((a, b) => b.calls - a.calls || a.dispatcher.localeCompare(b.dispatcher)),
  };
}
