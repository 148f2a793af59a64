/**
 * vitest globalSetup of the hub project: one throw-away PostgreSQL cluster per test run (each test
 * file then creates its own databases on it, see `postgres-db.ts`). With no PostgreSQL binaries the
 * run fails with what to install: the PostgreSQL half of the hub suites is never skipped.
 *
 * `HUB_TEST_DATABASE_URL=postgres://user:pw@host:port/db` uses an existing server instead (the user
 * must be allowed to CREATE DATABASE); handy on a laptop with PostgreSQL already running.
 */
import type { TestProject } from 'vitest/node';
import { startPgCluster } from '../../support/pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a database on the test server from which test files create their own databases. */
    hubPgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const external = process.env.HUB_TEST_DATABASE_URL;
  if (external) {
    project.provide('hubPgAdminUrl', external);
    return;
  }
  const cluster = await startPgCluster({ database: 'hub_admin' });
  project.provide('hubPgAdminUrl', cluster.url);
  return () => cluster.stop();
}
