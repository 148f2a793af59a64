import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './support/engines';
import { startTestHub, type TestHub } from './support/harness';

const LIMIT = 8;

describe.each(engines)('API rate limit kept in the database ($name)', (engine) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(engine, { simulator: false, hub: { apiRateLimit: LIMIT } });
  });
  afterAll(async () => t?.close());

  it('answers 429 with the envelope past the limit; the counter is a row, not memory', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) statuses.push((await t.api('GET', '/api/me', { token: t.adminToken })).status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(LIMIT);
    expect(statuses.at(-1)).toBe(429);
    const r = await t.api('GET', '/api/me', { token: t.adminToken });
    expect(r.body).toMatchObject({ ok: false, code: 'rate_limited' });
    const rows = await t.hub.db.query<{ key: string; hits: number }>("SELECT key, hits FROM rate_limits WHERE key LIKE '%a:127.0.0.1'");
    expect(rows.rows.some((row) => Number(row.hits) > LIMIT)).toBe(true);
    // Health checks and the callback are not rate limited (the load balancer and Yunxin must get through).
    expect((await t.api('GET', '/healthz')).status).toBe(200);
  });
});
