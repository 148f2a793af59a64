/**
 * Housekeeping on a schedule: tables that only ever grow get their dead rows removed.
 *
 * - `events`: kept for `eventRetentionMs` (HUB_EVENT_RETENTION_HOURS, default 7 days) — the time a
 *   desk may be away and still resume its stream with Last-Event-ID and miss nothing (a weekend,
 *   a holiday). Pruning deletes the oldest events by id and records the highest pruned id in
 *   `event_horizon`; a client that resumes from below it is sent a `resync` event instead of a
 *   silent gap (src/hub/events.ts), and reloads its lists.
 * - `rate_limits`: windows are at most a minute long; a row whose window started more than an hour
 *   ago counts for nothing (the next hit would reset it anyway).
 * - `submit_guards`: expired guards (a new request would overwrite them anyway).
 * - `login_failures`: older than a day (the throttle looks back 15 minutes).
 * - `auth_tokens`: expired more than a day ago (they sign nobody in; the audit keeps the logins).
 * The audit is never pruned: it is append-only by design.
 *
 * Every instance runs it; an advisory try-lock lets one at a time do the work. Deletes go in
 * batches so no statement holds locks for long.
 */
import type { Db, Queryable } from './db/types';

/** "prun" in ASCII. */
export const PRUNE_LOCK_KEY = 0x7072756e;
const BATCH = 10_000;
const DEAD_AFTER = { rateLimitMs: 3600_000, loginFailureMs: 24 * 3600_000, tokenMs: 24 * 3600_000 };

export interface PruneReport {
  events: number;
  rateLimits: number;
  submitGuards: number;
  loginFailures: number;
  authTokens: number;
  /** False when another instance held the prune lock (nothing done). */
  ran: boolean;
}

/** One batch of the oldest events older than the retention; returns how many went. */
async function pruneEventBatch(db: Queryable, retentionMs: number): Promise<number> {
  // The oldest BATCH numbered events, through the id index; the cut is the highest old one among
  // them. Anything below the cut goes (even a younger row among them: the horizon covers it), so
  // "every id <= pruned_through is gone" stays exact.
  const r = await db.query<{ n: number | string }>(
    `WITH oldest AS (SELECT id, created_at FROM events WHERE id IS NOT NULL ORDER BY id LIMIT $2),
          cut AS (SELECT max(id) AS id FROM oldest WHERE created_at < now() - make_interval(secs => $1::double precision / 1000)),
          gone AS (DELETE FROM events WHERE id <= (SELECT id FROM cut) RETURNING id),
          horizon AS (UPDATE event_horizon SET pruned_through = GREATEST(pruned_through, (SELECT id FROM cut))
                       WHERE (SELECT id FROM cut) IS NOT NULL)
     SELECT count(*) AS n FROM gone`,
    [retentionMs, BATCH],
  );
  return Number(r.rows[0]?.n ?? 0);
}

async function deleteBatches(db: Queryable, sql: string, params: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const r = await db.query<{ n: number | string }>(sql, [...params, BATCH]);
    const n = Number(r.rows[0]?.n ?? 0);
    total += n;
    if (n < BATCH) return total;
  }
}

export async function pruneOnce(db: Db, options: { eventRetentionMs: number }): Promise<PruneReport> {
  const report: PruneReport = { events: 0, rateLimits: 0, submitGuards: 0, loginFailures: 0, authTokens: 0, ran: false };
  // The events part runs under a transaction-level try-lock: one instance prunes, the others skip.
  // (Even two at once would be safe: the deletes are idempotent and the horizon only grows.)
  const got = await db.transaction(async (tx) => {
    const r = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [PRUNE_LOCK_KEY]);
    if (!r.rows[0]?.ok) return false;
    for (;;) {
      const n = await pruneEventBatch(tx, options.eventRetentionMs);
      report.events += n;
      if (n < BATCH) break;
    }
    return true;
  });
  if (!got) return report;
  report.ran = true;
  report.rateLimits = await deleteBatches(
    db,
    `WITH gone AS (DELETE FROM rate_limits WHERE key IN (SELECT key FROM rate_limits
        WHERE window_start < now() - make_interval(secs => $1::double precision / 1000) LIMIT $2) RETURNING 1)
     SELECT count(*) AS n FROM gone`,
    [DEAD_AFTER.rateLimitMs],
  );
  report.submitGuards = await deleteBatches(
    db,
    `WITH gone AS (DELETE FROM submit_guards WHERE (user_id, request_hash) IN (SELECT user_id, request_hash FROM submit_guards
        WHERE until < now() LIMIT $1) RETURNING 1)
     SELECT count(*) AS n FROM gone`,
    [],
  );
  report.loginFailures = await deleteBatches(
    db,
    `WITH gone AS (DELETE FROM login_failures WHERE id IN (SELECT id FROM login_failures
        WHERE at < now() - make_interval(secs => $1::double precision / 1000) LIMIT $2) RETURNING 1)
     SELECT count(*) AS n FROM gone`,
    [DEAD_AFTER.loginFailureMs],
  );
  report.authTokens = await deleteBatches(
    db,
    `WITH gone AS (DELETE FROM auth_tokens WHERE token_hash IN (SELECT token_hash FROM auth_tokens
        WHERE expires_at < now() - make_interval(secs => $1::double precision / 1000) LIMIT $2) RETURNING 1)
     SELECT count(*) AS n FROM gone`,
    [DEAD_AFTER.tokenMs],
  );
  return report;
}

/** Runs `pruneOnce` now and every `intervalMs`; failures are reported and retried next time. */
export function schedulePruning(
  db: Db,
  options: { eventRetentionMs: number; intervalMs: number },
  onDone: (report: PruneReport) => void,
  onError: (err: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    running = pruneOnce(db, options)
      .then(onDone, onError)
      .finally(() => (running = undefined));
  };
  const timer = options.intervalMs > 0 ? setInterval(run, options.intervalMs) : undefined;
  timer?.unref();
  run();
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
