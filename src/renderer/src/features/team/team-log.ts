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
