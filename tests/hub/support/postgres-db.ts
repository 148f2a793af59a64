/**
 * A fresh, empty PostgreSQL database on the test run's server (started by global-setup.ts), so each
 * test sees only its own rows even when files run in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export async function freshPostgresUrl(prefix = 'hub'): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`invalid database prefix: ${prefix}`);
  const adminUrl = inject('hubPgAdminUrl');
  if (!adminUrl) throw new Error('no PostgreSQL test server: run the hub tests through vitest (tests/hub/support/global-setup.ts)');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // An identifier, not a value (cannot be a parameter): `name` is [a-z0-9_] only, checked above.
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by freshPostgresUrl (its connections are ended first by FORCE). */
export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid database name: ${name}`);
  const client = new pg.Client({ connectionString: inject('hubPgAdminUrl') });
  await client.connect();
  try {
    // An identifier, not a value: checked against the pattern above.
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
