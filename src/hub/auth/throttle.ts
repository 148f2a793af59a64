/**
 * Login throttling, as rows (every instance sees the same counts): failures per user name and
 * per client address over a sliding window. Past the limit, login is refused with 429 before the
 * password is even checked, until the oldest counted failure leaves the window.
 */
import type { Queryable } from '../db/types';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export const userScope = (username: string) => `user:${username}`;
export const addressScope = (address: string) => `addr:${address}`;

/** Seconds until another attempt is allowed, or 0 when not throttled. */
export async function throttledFor(db: Queryable, username: string, address: string): Promise<number> {
  const r = await db.query<{ scope: string; n: number | string; oldest: Date }>(
    `SELECT scope, count(*) AS n, min(at) AS oldest FROM login_failures
      WHERE scope IN ($1, $2) AND at > now() - make_interval(secs => $3::double precision / 1000)
      GROUP BY scope`,
    [userScope(username), addressScope(address), THROTTLE_WINDOW_MS],
  );
  let wait = 0;
  for (const row of r.rows) {
    const limit = row.scope.startsWith('user:') ? MAX_FAILURES_PER_USER : MAX_FAILURES_PER_ADDRESS;
    if (Number(row.n) >= limit) {
      const until = new Date(row.oldest).getTime() + THROTTLE_WINDOW_MS;
      wait = Math.max(wait, Math.ceil((until - Date.now()) / 1000));
    }
  }
  return Math.max(0, wait);
}

export async function recordFailure(db: Queryable, username: string, address: string): Promise<void> {
  await db.query('INSERT INTO login_failures (scope) VALUES ($1), ($2)', [userScope(username), addressScope(address)]);
  // Keep the table small; rows older than a day count for nothing.
  await db.query("DELETE FROM login_failures WHERE scope IN ($1, $2) AND at < now() - interval '1 day'", [userScope(username), addressScope(address)]);
}

export async function clearUserFailures(db: Queryable, username: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE scope = $1', [userScope(username)]);
}
