/**
 * Housekeeping on a real database: old events, dead rate-limit windows, expired guards and tokens
 * go; live rows stay; a desk resuming from a pruned event id is told to resync instead of
 * silently missing what was pruned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneOnce } from '../../src/hub/prune';
import { engines } from './support/engines';
import { startTestHub, type TestHub } from './support/harness';
import { openSse } from './support/sse';

const DAY = 24 * 3600_000;

describe.each(engines)('pruning ($name)', (engine) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(engine, { simulator: false, config: { pruneIntervalMs: 0 } });
  });
  afterAll(async () => t?.close());

  const groupEvent = async (token: string, name: string, live: Awaited<ReturnType<typeof openSse>>) => {
    const r = await t.api<{ item: { id: string } }>('POST', '/api/groups', { token, body: { name } });
    expect(r.status).toBe(201);
    const es = await live.until((all) => all.some((e) => e.data.itemId === r.body.item.id));
    return es.find((e) => e.data.itemId === r.body.item.id)!;
  };

  it('drops events past the retention; a desk resuming below the horizon gets resync, one at the horizon misses nothing', async () => {
    const s = await t.user('supervisor');
    const live = await openSse(`${t.url}/api/events`, s.token);
    const old1 = await groupEvent(s.token, 'old one', live);
    const old2 = await groupEvent(s.token, 'old two', live);
    const fresh = await groupEvent(s.token, 'fresh', live);
    live.close();
    await t.hub.db.query(`UPDATE events SET created_at = now() - interval '10 days' WHERE id <= $1`, [Number(old2.id)]);

    const report = await pruneOnce(t.hub.db, { eventRetentionMs: 7 * DAY });
    expect(report.ran).toBe(true);
    expect(report.events).toBeGreaterThanOrEqual(2);
    const left = await t.hub.db.query<{ id: string }>('SELECT id FROM events WHERE id IS NOT NULL ORDER BY id');
    expect(left.rows.map((r) => Number(r.id))).toEqual([Number(fresh.id)]);
    const horizon = await t.hub.db.query<{ pruned_through: string }>('SELECT pruned_through FROM event_horizon');
    expect(Number(horizon.rows[0].pruned_through)).toBe(Number(old2.id));

    // Resuming after old1: old2 is gone, so replaying only `fresh` would be a silent gap.
    const behind = await openSse(`${t.url}/api/events`, s.token, old1.id);
    const [resync] = await behind.until((es) => es.some((e) => e.event === 'resync'));
    // Nothing is replayed across a gap: the resync comes first and carries the live edge.
    expect(resync).toMatchObject({ event: 'resync', id: fresh.id, data: { type: 'resync', reason: 'events_pruned' } });
    // After the resync the stream is live.
    const next = await groupEvent(s.token, 'after resync', behind);
    expect(Number(next.id)).toBeGreaterThan(Number(fresh.id));
    behind.close();

    // Resuming exactly at the horizon lost nothing: the replay, no resync.
    const atHorizon = await openSse(`${t.url}/api/events`, s.token, old2.id);
    await atHorizon.until((es) => es.some((e) => e.id === fresh.id));
    expect(atHorizon.events.some((e) => e.event === 'resync')).toBe(false);
    atHorizon.close();
  });

  it('a Last-Event-ID this database never handed out gets resync, not a stream that waits for it', async () => {
    const s = await t.user('supervisor');
    const c = await openSse(`${t.url}/api/events`, s.token, '900000000');
    const [resync] = await c.until((es) => es.some((e) => e.event === 'resync'));
    expect(resync.data).toMatchObject({ reason: 'unknown_event_id' });
    expect(Number(resync.id)).toBeLessThan(900000000);
    c.close();
  });

  it('removes dead rate-limit windows, expired guards and long-expired tokens, and keeps live ones', async () => {
    await t.hub.db.query(
      `INSERT INTO rate_limits (key, window_start, hits) VALUES ('prune-test|old', now() - interval '2 hours', 3), ('prune-test|live', now(), 1)`,
    );
    const d = await t.user('dispatcher');
    const uid = (await t.hub.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [d.username])).rows[0].id;
    await t.hub.db.query(
      `INSERT INTO submit_guards (user_id, request_hash, until) VALUES ($1, 'expired', now() - interval '1 minute'), ($1, 'live', now() + interval '1 minute')`,
      [uid],
    );
    await t.hub.db.query(
      `INSERT INTO auth_tokens (token_hash, user_id, expires_at) VALUES ('prune-test-dead', $1, now() - interval '2 days'), ('prune-test-recent', $1, now() - interval '1 hour')`,
      [uid],
    );

    const report = await pruneOnce(t.hub.db, { eventRetentionMs: 7 * DAY });
    expect(report.rateLimits).toBeGreaterThanOrEqual(1);
    const keys = await t.hub.db.query<{ key: string }>(`SELECT key FROM rate_limits WHERE key LIKE 'prune-test|%'`);
    expect(keys.rows.map((r) => r.key)).toEqual(['prune-test|live']);
    const guards = await t.hub.db.query<{ request_hash: string }>('SELECT request_hash FROM submit_guards WHERE user_id = $1', [uid]);
    expect(guards.rows.map((r) => r.request_hash)).toEqual(['live']);
    const tokens = await t.hub.db.query<{ token_hash: string }>(`SELECT token_hash FROM auth_tokens WHERE token_hash LIKE 'prune-test-%'`);
    expect(tokens.rows.map((r) => r.token_hash)).toEqual(['prune-test-recent']);
    // The dispatcher's own live token still signs in.
    expect((await t.api('GET', '/api/me', { token: d.token })).status).toBe(200);
  });
});
