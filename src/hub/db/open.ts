/**
 * Picks the engine: `DATABASE_URL=postgres://…` → real PostgreSQL (production, several
 * instances); nothing → PGlite in a data folder (one command, zero configuration).
 */
import type { Db } from './types';
import { openPglite } from './pglite';

export interface OpenDbOptions {
  databaseUrl?: string;
  /** PGlite folder when no DATABASE_URL; absent = in memory. */
  dataDir?: string;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return typeof url === 'string' && /^postgres(ql)?:\/\//i.test(url);
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    if (!isPostgresUrl(options.databaseUrl)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    // Loaded lazily so a PGlite-only start never pulls in `pg`.
    const { openPostgres } = await import('./postgres');
    return openPostgres(options.databaseUrl);
  }
  return openPglite({ dataDir: options.dataDir });
}
