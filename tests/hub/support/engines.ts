/**
 * The database engines every hub suite runs against: `describe.each(engines)`. PGlite (in memory)
 * and a real PostgreSQL (a fresh database on the run's throw-away cluster, started by
 * global-setup.ts). PostgreSQL is never skipped: without its binaries the run fails and says what
 * to install. An engine opens a fresh, empty database and removes it on `close`.
 */
import type { Db, DbKind } from '../../../src/hub/db/types';
import { openPglite } from '../../../src/hub/db/pglite';
import { openPostgres } from '../../../src/hub/db/postgres';
import { dropDatabase, freshPostgresUrl } from './postgres-db';

export interface Engine {
  name: DbKind;
  /** A fresh empty database; closing it also removes whatever the engine created for it. */
  open(): Promise<Db>;
}

export const pgliteEngine: Engine = {
  name: 'pglite',
  open: () => openPglite(),
};

export const postgresEngine: Engine = {
  name: 'postgres',
  async open() {
    const url = await freshPostgresUrl('hubsuite');
    const db = await openPostgres(url, { max: 5, reconnectMinMs: 20 });
    return {
      ...db,
      async close() {
        await db.close();
        await dropDatabase(url);
      },
    };
  },
};

export const engines: Engine[] = [pgliteEngine, postgresEngine];
