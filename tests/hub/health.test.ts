import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './support/engines';
import { startTestHub, type TestHub } from './support/harness';

describe.each(engines)('hub health and migrations ($name)', (engine) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(engine);
  });
  afterAll(async () => t?.close());

  it('GET /healthz names the engine and the mode', async () => {
    const r = await t.api('GET', '/healthz');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, db: engine.name, mode: 'sandbox' });
  });

  it('records the applied migrations and applies nothing twice', async () => {
    const { migrate } = await import('../../src/hub/db/migrate');
    const rows = await t.hub.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY version');
    expect(rows.rows.map((r) => r.name)).toContain('001_init.sql');
    expect(await migrate(t.hub.db)).toEqual([]);
  });

  it('unknown routes answer with the error envelope', async () => {
    const r = await t.api('GET', '/api/nope');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ ok: false, code: 'not_found' });
  });
});
