/**
 * GET /api/calls/today: the board's counts for today in the centre's time zone (config
 * `timeZone`), counted by the database over every call of the day — not over the newest page of
 * the call list. Staff get the whole team's counts, a dispatcher only their own (as /api/calls).
 * "Connected" means the bill reports a duration above zero; "failed" means Yunxin (or the hub)
 * refused the request.
 */
import type { FastifyInstance } from 'fastify';
import { userOf, type HubContext } from '../context';
import { isStaff } from '../events';

interface CountRow {
  dispatcher: string;
  calls: number | string;
  connected: number | string;
  failed: number | string;
}

export function callsTodayRoutes(app: FastifyInstance, ctx: HubContext): void {
  const { db } = ctx;
  app.get(
    '/api/calls/today',
    { preHandler: ctx.requireRole(), schema: { querystring: { type: 'object', additionalProperties: false, properties: {} } } },
    async (req) => {
      const user = userOf(req);
      const onlyUser = isStaff(user.role) ? null : user.id;
      const tz = ctx.config.timeZone;
      // date_trunc with a zone: midnight of today as the centre's clock shows it.
      const day = await db.query<{ start: Date; day: string }>(
        `SELECT date_trunc('day', now(), $1::text) AS start, to_char(now() AT TIME ZONE $1::text, 'YYYY-MM-DD') AS day`,
        [tz],
      );
      const { start, day: date } = day.rows[0];
      const r = await db.query<CountRow>(
        `SELECT c.dispatcher,
                count(*) AS calls,
                count(*) FILTER (WHERE b.duration_sec > 0) AS connected,
                count(*) FILTER (WHERE c.ok = false) AS failed
           FROM calls c LEFT JOIN bills b ON b.session = c.session
          WHERE c.created_at >= $1 AND ($2::bigint IS NULL OR c.user_id = $2::bigint)
          GROUP BY c.dispatcher`,
        [start, onlyUser],
      );
      const byDispatcher = r.rows
        .map((row) => ({ dispatcher: row.dispatcher, calls: Number(row.calls), connected: Number(row.connected), failed: Number(row.failed) }))
        .sort((a, b) => b.calls - a.calls || a.dispatcher.localeCompare(b.dispatcher));
      const sum = (k: 'calls' | 'connected' | 'failed') => byDispatcher.reduce((n, row) => n + row[k], 0);
      return {
        ok: true,
        day: date,
        timeZone: tz,
        since: new Date(start).toISOString(),
        calls: sum('calls'),
        connected: sum('connected'),
        failed: sum('failed'),
        byDispatcher,
      };
    },
  );
}
