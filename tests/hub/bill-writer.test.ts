/**
 * Group commit of bills (src/hub/bill-writer.ts): bills stored in the same turn go into the
 * database as one statement, each is answered only after that statement committed, a session
 * twice in one batch is stored once, and a bill the database refuses fails alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillWriter } from '../../src/hub/bill-writer';
import type { BillInput } from '../../src/hub/bills';
import { migrate } from '../../src/hub/db/migrate';
import type { Db, Queryable } from '../../src/hub/db/types';
import { parseCallbackBill } from '../../src/yunxin';
import { engines } from './support/engines';

function input(session: string, extra: Record<string, unknown> = {}): BillInput {
  const body = JSON.stringify({
    eventType: '10',
    callback: JSON.stringify({
      session,
      durationSec: 42,
      status: 'SUCCESS',
      starttime: 1_700_000_003_000,
      legs: [{ endpoint: '13800138000', endTime: '2023-11-15 06:14:05' }],
      ...extra,
    }),
  });
  const parsed = parseCallbackBill(body);
  if (!parsed.ok) throw new Error('test bill did not parse');
  return { bill: parsed.bill, raw: Buffer.from(body) };
}

/** The database with every statement counted. */
function counting(db: Db): { db: Queryable; statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    db: {
      query: (sql, params) => {
        statements.push(sql);
        return db.query(sql, params);
      },
    },
  };
}

describe.each(engines)('bill group commit ($name)', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    await migrate(db);
  });
  afterAll(async () => db?.close());

  const stored = async (sessions: string[]) =>
    (await db.query<{ session: string }>('SELECT session FROM bills WHERE session = ANY($1::text[]) ORDER BY session', [sessions])).rows.map((r) => r.session);
  const billEvents = async (sessions: string[]) =>
    (
      await db.query<{ session: string }>("SELECT data->>'session' AS session FROM events WHERE type = 'bill' AND data->>'session' = ANY($1::text[])", [
        sessions,
      ])
    ).rows.map((r) => r.session);

  it('bills stored in the same turn go in as one statement; each is answered once it is committed, with one event each', async () => {
    const c = counting(db);
    let pokes = 0;
    const writer = new BillWriter(c.db, () => pokes++);
    const sessions = Array.from({ length: 20 }, (_, i) => `gc-batch-${i}`);
    const answers = await Promise.all(sessions.map((s) => writer.store(input(s))));
    expect(c.statements).toHaveLength(1);
    expect(answers.every((a) => !a.duplicate && a.id > 0)).toBe(true);
    expect(new Set(answers.map((a) => a.id)).size).toBe(20);
    expect(pokes).toBe(1);
    expect(await stored(sessions)).toEqual([...sessions].sort());
    expect((await billEvents(sessions)).sort()).toEqual([...sessions].sort());
    const row = await db.query<{ duration_sec: number; status: string; raw_md5: string; started_at: Date | string }>(
      'SELECT duration_sec, status, raw_md5, started_at FROM bills WHERE session = $1',
      ['gc-batch-3'],
    );
    expect(row.rows[0]).toMatchObject({ duration_sec: 42, status: 'SUCCESS' });
    expect(row.rows[0].raw_md5).toMatch(/^[0-9a-f]{32}$/);
    expect(new Date(row.rows[0].started_at).toISOString()).toBe('2023-11-14T22:13:23.000Z');
  });

  it('a batch stops at its byte limit: the rest goes in the next statement', async () => {
    const c = counting(db);
    const writer = new BillWriter(c.db, () => {}, { maxBatchBytes: 1 });
    const answers = await Promise.all(['gc-bytes-1', 'gc-bytes-2', 'gc-bytes-3'].map((s) => writer.store(input(s))));
    expect(answers.every((a) => !a.duplicate)).toBe(true);
    expect(c.statements).toHaveLength(3);
    expect(await stored(['gc-bytes-1', 'gc-bytes-2', 'gc-bytes-3'])).toEqual(['gc-bytes-1', 'gc-bytes-2', 'gc-bytes-3']);
  });

  it('the same session twice in one batch is stored once; a session stored before is a duplicate', async () => {
    const writer = new BillWriter(db, () => {});
    await writer.store(input('gc-dup-old'));
    const [first, second, old, fresh] = await Promise.all([
      writer.store(input('gc-dup-new')),
      writer.store(input('gc-dup-new')),
      writer.store(input('gc-dup-old')),
      writer.store(input('gc-dup-fresh')),
    ]);
    expect(first.duplicate).toBe(false);
    expect(second).toMatchObject({ duplicate: true, id: first.id });
    expect(old.duplicate).toBe(true);
    expect(old.id).toBeGreaterThan(0);
    expect(fresh.duplicate).toBe(false);
    expect(await stored(['gc-dup-new', 'gc-dup-old', 'gc-dup-fresh'])).toEqual(['gc-dup-fresh', 'gc-dup-new', 'gc-dup-old']);
    expect((await billEvents(['gc-dup-new', 'gc-dup-old'])).sort()).toEqual(['gc-dup-new', 'gc-dup-old']);
  });

  it('a bill the database refuses fails alone: the others of its batch are stored and answered', async () => {
    await db.query('ALTER TABLE bills ADD CONSTRAINT gc_refused CHECK (session <> $$gc-refused$$)');
    try {
      const c = counting(db);
      const writer = new BillWriter(c.db, () => {});
      const sessions = ['gc-iso-1', 'gc-iso-2', 'gc-refused', 'gc-iso-3'];
      const answers = await Promise.allSettled([...sessions.map((s) => writer.store(input(s))), writer.store(input('gc-bad-start', { starttime: 1e20 }))]);
      expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
      // The batch statement failed as a whole, then every bill went in on its own.
      expect(c.statements.length).toBeGreaterThan(1);
      expect(await stored([...sessions, 'gc-bad-start'])).toEqual(['gc-iso-1', 'gc-iso-2', 'gc-iso-3']);
      expect((await billEvents(sessions)).sort()).toEqual(['gc-iso-1', 'gc-iso-2', 'gc-iso-3']);
    } finally {
      await db.query('ALTER TABLE bills DROP CONSTRAINT gc_refused');
    }
  });
});
