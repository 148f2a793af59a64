/**
 * Which calls are still going on and which recent numbers the tray offers again, derived from
 * call-log entries. Pure: the tray, the quit question and the notifications read it.
 */
import type { CallLogEntry, PhoneNumber } from '../../shared/domain';

const ACTIVE_STATES = new Set<CallLogEntry['state']>(['submitted', 'ringing', 'answered']);
/** A status never learned (tracking gave up) must not keep "in call" on forever. */
export const ACTIVE_AT_MOST_MS = 4 * 60 * 60 * 1000;

export function isActive(entry: CallLogEntry, now: number): boolean {
  return ACTIVE_STATES.has(entry.state) && now - entry.updatedAt < ACTIVE_AT_MOST_MS;
}

export function callInProgress(entries: readonly CallLogEntry[], now: number): boolean {
  return entries.some((entry) => isActive(entry, now));
}

export interface RecentCall {
  number: PhoneNumber;
  name?: string;
}

/** The last `limit` different numbers called one to one (conferences are rebuilt in the window), newest first. */
export function recentCalls(entries: readonly CallLogEntry[], limit = 5): RecentCall[] {
  const seen = new Set<string>();
  const recent: RecentCall[] = [];
  for (const entry of [...entries].sort((a, b) => b.createdAt - a.createdAt)) {
    if (entry.kind !== 'call') continue;
    const party = entry.parties[0];
    if (!party || seen.has(party.number)) continue;
    seen.add(party.number);
    recent.push(party.name ? { number: party.number, name: party.name } : { number: party.number });
    if (recent.length === limit) break;
  }
  return recent;
}
