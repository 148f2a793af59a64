/**
 * The database engines every hub suite runs against: `describe.each(engines)`. PGlite in memory,
 * and real PostgreSQL: a fresh database per suite on the run's throw-away cluster (started by
 * global-setup.ts, which fails the run when the PostgreSQL binaries are missing).
 */
import type { Db, DbKind } from '../../../src/hub/db/types';
import { openPglite } from '../../../src/hub/db/pglite';
import { openPostgres } from '../../../src/hub/db/postgres';
import { freshPostgresUrl } from './postgres-db';

export interface Engine {
  name: DbKind;
  /** A fresh empty database. */
  open(): Promise<Db>;
}

export const pgliteEngine: Engine = {
  name: 'pglite',
  open: () => openPglite(),
};

export const postgresEngine: Engine = {
  name: 'postgres',
  open: async () => openPostgres(await freshPostgresUrl('hubsuite')),
};

export const engines: Engine[] = [pgliteEngine, postgresEngine];
