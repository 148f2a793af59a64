import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCallback } from '../../src/yunxin';
import { engines } from './support/engines';
import { startTestHub, type TestHub } from './support/harness';

const SECRET = 'f00dfeedbeef';
const KEY = 'ab'.repeat(32);

describe.each(engines)('audit, metrics and the Yunxin account settings ($name)', (engine) => {
  let t: TestHub;
  beforeAll(async () => {
    // Production mode without YUNXIN_APP_SECRET: an admin sets it through the API.
    t = await startTestHub(engine, { env: { YUNXIN_APP_KEY: 'b'.repeat(32), YUNXIN_CALLER_ACC: 'dispatcher', HUB_SECRET_KEY: KEY } });
  });
  afterAll(async () => t?.close());

  it('the audit trail is readable by supervisors and admins only, and cannot be changed', async () => {
    const d = await t.user('dispatcher');
    const s = await t.user('supervisor');
    expect((await t.api('GET', '/api/audit', { token: d.token })).status).toBe(403);
    expect((await t.api('GET', '/api/audit', { token: s.token })).status).toBe(200);
    expect((await t.api('GET', '/api/audit')).status).toBe(401);
    for (const method of ['PUT', 'PATCH', 'DELETE']) expect((await t.api(method, '/api/audit', { token: t.adminToken })).status).toBe(404);
    // Not even SQL through the hub's own connection may rewrite it.
    await expect(t.hub.db.query("UPDATE audit SET actor = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(t.hub.db.query('DELETE FROM audit')).rejects.toThrow(/append-only/);
  });

  it('an admin sets the AppSecret: stored sealed, never returned, used to verify bills', async () => {
    const body = JSON.stringify({ eventType: '10', callback: JSON.stringify({ session: 'sess-admin-secret', status: 'SUCCESS' }) });
    const post = () =>
      fetch(`${t.url}/yunxin/callback`, { method: 'POST', headers: signCallback(SECRET, body, Date.now()) as unknown as Record<string, string>, body });
    // No secret yet: nothing can be verified; the bill is not stored, and not refused for good.
    expect((await post()).status).toBe(503);

    const d = await t.user('dispatcher');
    expect((await t.api('PUT', '/api/settings/yunxin', { token: d.token, body: { appSecret: SECRET } })).status).toBe(403);
    expect((await t.api('PUT', '/api/settings/yunxin', { token: t.adminToken, body: { appSecret: SECRET } })).status).toBe(200);
    const stored = await t.hub.db.query<{ value: unknown }>("SELECT value FROM settings WHERE key = 'yunxin'");
    expect(JSON.stringify(stored.rows[0].value)).not.toContain(SECRET);
    const got = await t.api('GET', '/api/settings/yunxin', { token: t.adminToken });
    expect(got.body).toMatchObject({ ok: true, mode: 'production', secretSource: 'stored', callerAcc: 'dispatcher' });
    expect(JSON.stringify(got.body)).not.toContain(SECRET);

    t.hub.yunxin.forget();
    expect((await post()).status).toBe(200);
    const audit = await t.api<{ items: Array<{ action: string; detail: unknown }> }>('GET', '/api/audit?action=settings.yunxin', { token: t.adminToken });
    expect(audit.body.items).toHaveLength(1);
    expect(JSON.stringify(audit.body)).not.toContain(SECRET);
    expect(t.logLines.join('')).not.toContain(SECRET);
  });

  it('GET /metrics exposes requests, calls, bills, SSE clients and database latency', async () => {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    for (const name of [
      'hub_http_requests_total',
      'hub_calls_total',
      'hub_bills_accepted_total',
      'hub_bills_rejected_total',
      'hub_sse_clients',
      'hub_db_seconds_bucket',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/hub_http_requests_total\{method="GET",route="\/api\/audit",status="403"\} \d+/);
  });

  it('logs redact passwords, tokens and Authorization headers', async () => {
    t.hub.app.log.info(
      { password: 'pw-visible?', req: { headers: { authorization: 'Bearer tok-visible?' } }, token: 'tok2-visible?', appSecret: 'sec-visible?' },
      'redaction probe',
    );
    const line = t.logLines.find((l) => l.includes('redaction probe'))!;
    expect(line).toBeDefined();
    expect(line).not.toMatch(/visible\?/);
    expect(line).toContain('[redacted]');
  });

  it('refuses a production base URL outside netease.im at start-up', async () => {
    const { readConfig } = await import('../../src/hub/config');
    expect(() => readConfig({ YUNXIN_APP_KEY: 'k', YUNXIN_BASE_URL: 'https://evil.example.com' })).toThrow(/netease\.im/);
    expect(() => readConfig({ YUNXIN_APP_KEY: 'k', YUNXIN_BASE_URL: 'http://api.netease.im' })).toThrow(/netease\.im/);
    expect(() => readConfig({ YUNXIN_APP_KEY: 'k', YUNXIN_BASE_URL: 'https://api.netease.im.evil.com' })).toThrow(/netease\.im/);
    // The shared rule (src/yunxin/api-host.ts) also refuses credentials, a query and loopback here.
    expect(() => readConfig({ YUNXIN_APP_KEY: 'k', YUNXIN_BASE_URL: 'https://user:pw@api.netease.im' })).toThrow(/credentials/);
    expect(() => readConfig({ YUNXIN_APP_KEY: 'k', YUNXIN_BASE_URL: 'https://api.netease.im/?x=1' })).toThrow(/query/);
    expect(() => readConfig({ YUNXIN_APP_KEY: 'k', YUNXIN_BASE_URL: 'http://127.0.0.1:9000' })).toThrow(/loopback/);
    expect(readConfig({ YUNXIN_APP_KEY: 'k', YUNXIN_BASE_URL: 'https://api.netease.im' }).mode).toBe('production');
    expect(() => readConfig({ HUB_ADMIN_PASSWORD: 'short' })).toThrow(/at least 8/);
    expect(() => readConfig({ HUB_SECRET_KEY: 'not-a-key' })).toThrow(/HUB_SECRET_KEY/);
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres/);
    expect(readConfig({}).mode).toBe('sandbox');
  });
});
