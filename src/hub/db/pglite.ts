/**
 * PGlite (PostgreSQL compiled to WASM, in-process) behind the hub's `Db` interface: the
 * zero-configuration engine of `npm run hub` and the quick engine of the tests. One connection:
 * PGlite serialises queries and transactions itself, so nothing here needs a pool.
 */
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult } from './types';

export interface PgliteOptions {
  /** A folder on disk (created when missing); absent = in memory (tests where persistence is not the point). */
  dataDir?: string;
}

interface PgliteQueryable {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
}

function wrap(target: PgliteQueryable): Queryable {
  return {
    async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const r = await target.query<Row>(sql, [...params]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  };
}

export async function openPglite(options: PgliteOptions = {}): Promise<Db> {
  const pg = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
  const self = wrap(pg);
  return {
    kind: 'pglite',
    query: self.query,
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    async notify(channel, payload) {
      await pg.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async listen(channel, onPayload) {
      const stop = await pg.listen(channel, onPayload);
      return async () => {
        await stop();
      };
    },
    close: () => pg.close(),
  };
}
