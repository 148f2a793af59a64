/**
 * A @fastify/rate-limit store on the database: fixed windows counted in `rate_limits` rows, so
 * every instance behind a load balancer shares one budget per key. One upsert per request, atomic
 * on both engines (the row lock serialises concurrent increments).
 */
import type { Queryable } from './db/types';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

export function dbRateLimitStore(db: Queryable) {
  return class DbRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      db.query<{ hits: number; ttl: number }>(
        `INSERT INTO rate_limits AS r (key, window_start, hits) VALUES ($1, now(), 1)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN r.window_start + make_interval(secs => $2::double precision / 1000) <= now() THEN 1 ELSE r.hits + 1 END,
           window_start = CASE WHEN r.window_start + make_interval(secs => $2::double precision / 1000) <= now() THEN now() ELSE r.window_start END
         RETURNING hits, GREATEST(0, ceil(extract(epoch FROM (window_start + make_interval(secs => $2::double precision / 1000) - now())) * 1000))::integer AS ttl`,
        [this.prefix + key, timeWindow],
      ).then(
        (r) => callback(null, { current: Number(r.rows[0].hits), ttl: Number(r.rows[0].ttl) }),
        (err: Error) => callback(err),
      );
    }

    child(routeOptions: { routeInfo?: { url?: string }; path?: string; url?: string }): DbRateLimitStore {
      const route = routeOptions.routeInfo?.url ?? routeOptions.path ?? routeOptions.url ?? '';
      return new DbRateLimitStore(undefined, `${route}|`);
    }
  };
}
