/**
 * Numbered SQL migrations (`src/hub/migrations/NNN_name.sql`), applied at start-up in ONE
 * transaction under a transaction-level advisory lock: when two instances start at once, the
 * second waits for the first to commit, then finds every migration recorded and applies nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './types';

/** Any constant shared by all hub versions; "hub!" in ASCII. */
export const MIGRATION_LOCK_KEY = 0x68756221;

export const MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Our migration files → single statements: the Db interface runs one (parameterisable)
 * statement per call on both engines. Splits on `;` at the end of a line, outside `$$` bodies;
 * drops `--` comment lines. Good for the files we write, not a general SQL parser.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let inDollar = false;
  for (const line of sql.split('\n')) {
    if (!inDollar && /^\s*--/.test(line)) continue;
    current.push(line);
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inDollar = !inDollar;
    if (!inDollar && /;\s*$/.test(line)) {
      const stmt = current.join('\n').trim();
      if (stmt !== ';') out.push(stmt.replace(/;\s*$/, ''));
      current = [];
    }
  }
  const rest = current.join('\n').trim();
  if (rest !== '') out.push(rest);
  return out;
}

/** Returns the names applied by this call (empty when the schema was already current). */
export async function migrate(db: Db, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(done.rows.map((r) => Number(r.version)));
    const names: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      // Migration files are our own SQL (no values), so running them unparameterised is safe.
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      names.push(m.name);
    }
    return names;
  });
}
