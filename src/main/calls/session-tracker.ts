/**
 * Keeps the call log's session states current: every round (~2 s) it queries Yunxin for each
 * accepted session that has not reached a final state, and writes what changed. Main does this
 * rather than the window, so statuses keep updating with the window closed or reloaded, and
 * resume after a restart (the in-progress entries are simply still in the log).
 *
 * Querying is read-only, so a failed round is just tried again next time. At most one query per
 * session is in flight: a slow answer is not stacked up behind new ones. A session is given up
 * ('unknown') once it is older than maxDur + a grace period — it cannot still be running — or
 * after repeated "session not exist" answers (e.g. a sandbox session after a restart: the
 * in-process simulator forgot it).
 */
import type { CallLogEntry } from '../../shared/domain';
import type { Logger } from '../log';
import type { QuerySessionResult } from '../../yunxin';
import type { SessionsSource } from '../sources/call-log-source';
import type { Repeat } from './repeat';
import { progressFrom } from './session-progress';

export const POLL_INTERVAL_MS = 2_000;
/** Ringing time, clock differences, a slow bill: a session can outlive its maxDur by this much. */
export const GIVE_UP_GRACE_MS = 15 * 60_000;
/** Consecutive 404s before a session counts as gone; the first answers may precede the server's own bookkeeping. */
export const NOT_EXIST_LIMIT = 5;

/** Yunxin's code for an object (here: the session) that does not exist. */
const NOT_EXIST_CODE = 404;

export interface SessionTrackerDeps {
  /** The sessions in progress, and where what a query learned is written. */
  sessions: SessionsSource;
  /** Queries the session with the credentials of the mode the entry was placed in. */
  query(entry: CallLogEntry): Promise<QuerySessionResult>;
  now(): number;
  repeat: Repeat;
  log: Logger;
  intervalMs?: number;
  graceMs?: number;
  notExistLimit?: number;
}

export interface SessionTracker {
  start(): void;
  /** One round: settles when every query it started has been answered and written. */
  pollOnce(): Promise<void>;
  /** No new queries; answers still arriving are dropped (the log may already be closed). */
  stop(): void;
}

export function createSessionTracker(deps: SessionTrackerDeps): SessionTracker {
  const graceMs = deps.graceMs ?? GIVE_UP_GRACE_MS;
  const notExistLimit = deps.notExistLimit ?? NOT_EXIST_LIMIT;
  const inFlight = new Set<string>();
  const notExistCount = new Map<string, number>();
  // Last failure code per entry, so an outage is logged once rather than every 2 s.
  const lastFailure = new Map<string, string>();
  let timer: { stop(): void } | null = null;
  let stopped = false;

  function forget(id: string): void {
    notExistCount.delete(id);
    lastFailure.delete(id);
  }

  function giveUp(entry: CallLogEntry, reason: string): void {
    deps.log.warn('session.given_up', { entry: entry.id, kind: entry.kind, reason });
    deps.sessions.update(entry.id, { state: 'unknown' });
    forget(entry.id);
  }

  function apply(entry: CallLogEntry, result: QuerySessionResult): void {
    if (result.ok) {
      forget(entry.id);
      deps.sessions.update(entry.id, progressFrom(entry, result.status, deps.now()));
      return;
    }
    if (result.code === NOT_EXIST_CODE) {
      const count = (notExistCount.get(entry.id) ?? 0) + 1;
      notExistCount.set(entry.id, count);
      if (count >= notExistLimit) giveUp(entry, 'not_exist');
      return;
    }
    const code = String(result.code);
    if (lastFailure.get(entry.id) !== code) {
      lastFailure.set(entry.id, code);
      deps.log.warn('session.query_failed', { entry: entry.id, code });
    }
  }

  async function track(entry: CallLogEntry): Promise<void> {
    inFlight.add(entry.id);
    try {
      const result = await deps.query(entry);
      if (!stopped) apply(entry, result);
    } catch (error) {
      // query() resolves failures as data; a throw is a bug, worth a line but not a crash.
      deps.log.error('session.track_threw', { entry: entry.id, error: error instanceof Error ? error.message : String(error) });
    } finally {
      inFlight.delete(entry.id);
    }
  }

  async function pollOnce(): Promise<void> {
    if (stopped) return;
    const now = deps.now();
    const started: Promise<void>[] = [];
    for (const entry of deps.sessions.inProgress()) {
      if (inFlight.has(entry.id)) continue;
      if (now > entry.createdAt + entry.maxDur * 1000 + graceMs) giveUp(entry, 'deadline');
      else started.push(track(entry));
    }
    await Promise.all(started);
  }

  return {
    start() {
      if (timer || stopped) return;
      timer = deps.repeat(deps.intervalMs ?? POLL_INTERVAL_MS, pollOnce);
    },
    pollOnce,
    stop() {
      stopped = true;
      timer?.stop();
      timer = null;
    },
  };
}
