/**
 * The database engines every hub suite runs against: `describe.each(engines)`. PGlite always;
 * real PostgreSQL is added by the PostgreSQL test support (a throw-away cluster per run) when the
 * binaries are present. An engine opens a fresh, empty database and removes it on `close`.
 */
import type { Db, DbKind } from '../../../src/hub/db/types';
import { openPglite } from '../../../src/hub/db/pglite';

export interface Engine {
  name: DbKind;
  /** A fresh empty database; closing it also removes whatever the engine created for it. */
  open(): Promise<Db>;
}

export const pgliteEngine: Engine = {
  name: 'pglite',
  open: () => openPglite(),
};

export const engines: Engine[] = [pgliteEngine];
