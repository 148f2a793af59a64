/**
 * The PostgreSQL adapter against a real server (the run's throw-away cluster): transactions,
 * LISTEN/NOTIFY between two Db instances (two hub instances in production), and a listener that
 * survives its connection being killed.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type PostgresOptions } from '../../../src/hub/db/postgres';
import type { Db } from '../../../src/hub/db/types';
import { freshPostgresUrl } from '../support/postgres-db';

let url: string;
const opened: Db[] = [];

async function open(options?: PostgresOptions): Promise<Db> {
  const db = await openPostgres(url, options);
  opened.push(db);
  return db;
}

/** Listens on `channel` and collects payloads; `waitFor(n)` resolves once n have arrived (bounded). */
async function subscribe(db: Db, channel: string) {
  const values: string[] = [];
  const waiters: Array<() => void> = [];
  const stop = await db.listen(channel, (p) => {
    values.push(p);
    for (const w of waiters.splice(0)) w();
  });
  const waitFor = async (n: number, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (values.length < n) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`only ${values.length} of ${n} notifications on ${channel} within ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return values;
  };
  return { values, stop, waitFor };
}

beforeAll(async () => {
  url = await freshPostgresUrl('pgadapter');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

describe('openPostgres', () => {
  it('runs parameterised queries and reports affected rows', async () => {
    const db = await open();
    expect(db.kind).toBe('postgres');
    await db.query('CREATE TABLE t_query (id serial PRIMARY KEY, name text NOT NULL)');
    const inserted = await db.query('INSERT INTO t_query (name) VALUES ($1), ($2)', ['a', "b'); DROP TABLE t_query; --"]);
    expect(inserted.rowCount).toBe(2);
    const rows = await db.query<{ name: string }>('SELECT name FROM t_query WHERE name LIKE $1 ORDER BY id', ['b%']);
    expect(rows.rows).toEqual([{ name: "b'); DROP TABLE t_query; --" }]);
  });

  it('rejects at open when the server refuses the credentials', async () => {
    const bad = new URL(url);
    bad.password = 'wrong-password';
    await expect(openPostgres(bad.toString())).rejects.toThrow(/password authentication failed/);
  });

  it('commits a transaction only when its work resolves', async () => {
    const db = await open();
    await db.query('CREATE TABLE t_commit (v int)');
    const value = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t_commit VALUES ($1)', [1]);
      await tx.query('INSERT INTO t_commit VALUES ($1)', [2]);
      return 'done';
    });
    expect(value).toBe('done');
    // Read on another connection: visible means committed, not merely written on the tx's connection.
    const other = await open();
    expect((await other.query('SELECT v FROM t_commit ORDER BY v')).rows).toEqual([{ v: 1 }, { v: 2 }]);
  });

  it('rolls back everything when the work throws, and rethrows the error', async () => {
    const db = await open();
    await db.query('CREATE TABLE t_rollback (v int)');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t_rollback VALUES ($1)', [1]);
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t_rollback VALUES ($1)', [2]);
        await tx.query('INSERT INTO t_rollback VALUES ($1)', ['not a number']);
      }),
    ).rejects.toThrow(/invalid input syntax/);
    expect((await db.query('SELECT count(*)::int AS n FROM t_rollback')).rows).toEqual([{ n: 0 }]);
    // The pool is still healthy after the failures.
    expect((await db.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('refuses statements on a transaction handle after it finished', async () => {
    const db = await open();
    let leaked: { query: Db['query'] } | undefined;
    await db.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.query('SELECT 1')).rejects.toThrow(/finished/);
  });

  it('holds a transaction on one connection: a session setting is seen by its later statements', async () => {
    const db = await open({ max: 4 });
    const seen = await db.transaction(async (tx) => {
      await tx.query("SELECT set_config('dispatch.marker', $1, true)", ['in-tx']);
      // Concurrent pool traffic must not steal the transaction's connection.
      await Promise.all(Array.from({ length: 8 }, () => db.query('SELECT pg_sleep(0)')));
      return (await tx.query<{ v: string }>("SELECT current_setting('dispatch.marker') AS v")).rows[0]!.v;
    });
    expect(seen).toBe('in-tx');
  });

  it('delivers NOTIFY from one Db to a LISTEN on another, and stops after unlisten', async () => {
    const a = await open();
    const b = await open();
    const events = await subscribe(a, 'hub_events');
    await b.notify('hub_events', '{"type":"call","id":1}');
    expect(await events.waitFor(1)).toEqual(['{"type":"call","id":1}']);

    await events.stop();
    // Notifications arrive in send order on one connection: once the marker on a channel still
    // listened on is in, the one sent before it on the dropped channel would have been too.
    const other = await subscribe(a, 'hub_other');
    await b.notify('hub_events', 'after-unlisten');
    await b.notify('hub_other', 'marker');
    expect(await other.waitFor(1)).toEqual(['marker']);
    expect(events.values).toEqual(['{"type":"call","id":1}']);
  });

  it('sends a NOTIFY issued inside a transaction only when it commits', async () => {
    const a = await open();
    const b = await open();
    const events = await subscribe(a, 'hub_tx');
    await expect(
      b.transaction(async (tx) => {
        await tx.query('SELECT pg_notify($1, $2)', ['hub_tx', 'rolled-back']);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await b.transaction(async (tx) => {
      await tx.query('SELECT pg_notify($1, $2)', ['hub_tx', 'committed']);
    });
    expect(await events.waitFor(1)).toEqual(['committed']);
  });

  it('rejects channel names that the two engines would not treat alike', async () => {
    const db = await open();
    await expect(db.listen('Hub-Events', () => {})).rejects.toThrow(/invalid notification channel/);
    await expect(db.listen('x"; DROP TABLE y; --', () => {})).rejects.toThrow(/invalid notification channel/);
  });

  it('reconnects and LISTENs again after its listener connection is terminated', async () => {
    let lost = 0;
    let reconnected!: () => void;
    const back = new Promise<void>((r) => (reconnected = r));
    const a = await open({
      applicationName: 'pgtest_reconnect',
      reconnectMinMs: 20,
      onListenerLost: () => lost++,
      onListenerReconnect: () => reconnected(),
    });
    const b = await open();
    const events = await subscribe(a, 'hub_reconnect');
    await b.notify('hub_reconnect', 'before');
    await events.waitFor(1);

    const before = await b.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', ['pgtest_reconnect:listen']);
    expect(before.rows).toHaveLength(1);
    const killed = await b.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [before.rows[0]!.pid]);
    expect(killed.rows[0]!.ok).toBe(true);
    await back;
    expect(lost).toBe(1);

    const after = await b.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', ['pgtest_reconnect:listen']);
    expect(after.rows).toHaveLength(1);
    expect(after.rows[0]!.pid).not.toBe(before.rows[0]!.pid);

    // The same subscription, not a new one: the reconnect LISTENed on its channel again.
    await b.notify('hub_reconnect', 'after');
    expect(await events.waitFor(2)).toEqual(['before', 'after']);
  });

  it('close ends the pool and the listener connection', async () => {
    const db = await openPostgres(url, { applicationName: 'pgtest_close' });
    await db.listen('hub_close', () => {});
    await db.query('SELECT 1');
    const observer = await open();
    const count = async () =>
      Number(
        (await observer.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE $1', ['pgtest_close%'])).rows[0]!.n,
      );
    expect(await count()).toBe(2);
    await db.close();
    // The server notices the disconnect a moment after the client: wait for it, bounded.
    const deadline = Date.now() + 10_000;
    let n = await count();
    while (n > 0 && Date.now() < deadline) {
      await new Promise((r) => setImmediate(r));
      n = await count();
    }
    expect(n).toBe(0);
    await expect(db.query('SELECT 1')).rejects.toThrow(/closed/);
  });
});
