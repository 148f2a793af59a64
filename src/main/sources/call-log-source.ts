/**
 * How the call service and the session tracker reach the call log. The source owns the revision
 * counter (each write takes the next value and stamps it on the entry, so `list(since)` answers
 * "what changed after revision N") and the cap (oldest entries pruned first).
 *
 * The log is a record, never a reason to lose a call result: writes do not fail to the caller. A
 * source that cannot store an entry logs it and keeps it where it can (the local one in memory).
 */
import type { CallLogEntry } from '../../shared/domain';

/** An entry as the call service builds it; the source stamps the revision. */
export type NewCallLogEntry = Omit<CallLogEntry, 'revision'>;

/** What a status query learned about a session. */
export type SessionProgress = Partial<Pick<CallLogEntry, 'state' | 'status' | 'durationSec' | 'hangCause' | 'legs' | 'answeredAt' | 'endedAt' | 'wallSec'>>;

/** Whether `progress` says anything `before` does not (legs compared by value, not by reference). */
export function progressChanges(before: CallLogEntry, progress: SessionProgress): boolean {
  return (Object.keys(progress) as (keyof SessionProgress)[]).some((k) => {
    const next = progress[k];
    if (next === undefined) return false;
    const prev = before[k];
    return typeof next === 'object' ? JSON.stringify(next) !== JSON.stringify(prev) : next !== prev;
  });
}

export interface CallLogSource {
  append(entry: NewCallLogEntry): CallLogEntry;
  /** Applies what a status query learned; a no-op (no new revision) when nothing changed. */
  update(id: string, progress: SessionProgress): CallLogEntry | undefined;
  get(id: string): CallLogEntry | undefined;
  /** Newest first; only entries written after `sinceRevision` when given. */
  list(sinceRevision?: number): { entries: CallLogEntry[]; revision: number };
}

/** What the session tracker needs: the sessions to poll, and where to write what it learned. */
export interface SessionsSource {
  /** Accepted sessions whose state is not final yet. */
  inProgress(): CallLogEntry[];
  update(id: string, progress: SessionProgress): CallLogEntry | undefined;
}

/** States after which nothing more will be learned about a session. */
export const FINAL_STATES: ReadonlySet<CallLogEntry['state']> = new Set(['ended', 'failed', 'unknown']);
