import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamDayCounts } from '../../src/shared/team';
import { engines } from './support/engines';
import { startTestHub, type TestHub } from './support/harness';

/** The hub answers the shape the desk declares. */
type Counts = TeamDayCounts;

/** Midnight today in Asia/Shanghai (UTC+8 all year) as epoch ms. */
function shanghaiMidnight(now = Date.now()): number {
  const local = now + 8 * 3600_000;
  return local - (local % 86_400_000) - 8 * 3600_000;
}

describe.each(engines)("the board's counts for today ($name)", (engine) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(engine);
  });
  afterAll(async () => t?.close());

  it('counts every call of the day in the centre’s time zone (more than a page of the call list), per dispatcher', async () => {
    const a = await t.user('dispatcher', { phone: '13800138001' });
    const b = await t.user('dispatcher', { phone: '13800138002' });
    const s = await t.user('supervisor');
    const ids = await t.hub.db.query<{ id: string | number; username: string }>('SELECT id, username FROM users WHERE username = ANY($1)', [
      [a.username, b.username],
    ]);
    const idOf = (u: string) => Number(ids.rows.find((r) => r.username === u)!.id);
    const midnight = shanghaiMidnight();
    let n = 0;
    const insert = async (user: string, at: number, outcome: 'connected' | 'unanswered' | 'failed') => {
      const session = `today-${engine.name}-${++n}`;
      await t.hub.db.query(
        `INSERT INTO calls (kind, user_id, dispatcher, caller, callees, max_dur, state, ok, session, created_at)
         VALUES ('call', $1, $2, '13800138001', '["13900139000"]'::jsonb, 60, 'done', $3, $4, $5)`,
        [idOf(user), user, outcome !== 'failed', outcome === 'failed' ? null : session, new Date(at)],
      );
      if (outcome !== 'failed') {
        await t.hub.db.query(
          `INSERT INTO bills (session, kind, status, duration_sec, parsed, raw, raw_md5) VALUES ($1, 'call', 'ok', $2, '{}'::jsonb, '{}', 'x')`,
          [session, outcome === 'connected' ? 42 : 0],
        );
      }
    };
    // 230 calls today by A (150 connected, 50 unanswered, 30 failed), 20 by B, spread since midnight;
    // 5 in the minutes before midnight (Shanghai time): yesterday's, not counted.
    const span = Math.max(1, Date.now() - midnight);
    for (let i = 0; i < 230; i++) await insert(a.username, midnight + Math.floor((span * i) / 230), i < 150 ? 'connected' : i < 200 ? 'unanswered' : 'failed');
    for (let i = 0; i < 20; i++) await insert(b.username, midnight + Math.floor((span * i) / 20), 'connected');
    for (let i = 1; i <= 5; i++) await insert(a.username, midnight - i * 60_000, 'connected');

    const staff = await t.api<Counts>('GET', '/api/calls/today', { token: s.token });
    expect(staff.status).toBe(200);
    expect(staff.body).toMatchObject({ timeZone: 'Asia/Shanghai', calls: 250, connected: 170, failed: 30 });
    expect(staff.body.day).toBe(new Date(midnight + 8 * 3600_000).toISOString().slice(0, 10));
    expect(staff.body.byDispatcher).toEqual([
      { dispatcher: a.username, calls: 230, connected: 150, failed: 30 },
      { dispatcher: b.username, calls: 20, connected: 20, failed: 0 },
    ]);
    // The call list pages at 200: the counts are not read from it.
    const mine = await t.api<Counts>('GET', '/api/calls/today', { token: b.token });
    expect(mine.body).toMatchObject({ calls: 20, connected: 20, failed: 0 });
    expect(mine.body.byDispatcher.map((r) => r.dispatcher)).toEqual([b.username]);
    expect((await t.api('GET', '/api/calls/today')).status).toBe(401);
  });

  it('another centre time zone moves where today starts', async () => {
    const utc = await startTestHub(engine, { env: { HUB_TIME_ZONE: 'UTC' } });
    try {
      const r = await utc.api<Counts>('GET', '/api/calls/today', { token: utc.adminToken });
      expect(r.body).toMatchObject({ timeZone: 'UTC', day: new Date().toISOString().slice(0, 10), calls: 0 });
    } finally {
      await utc.close();
    }
  });
});
