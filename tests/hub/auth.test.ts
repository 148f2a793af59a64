import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/hub/auth/tokens';
import { MAX_FAILURES_PER_USER } from '../../src/hub/auth/throttle';
import { engines } from './support/engines';
import { ADMIN, startTestHub, type TestHub } from './support/harness';

describe.each(engines)('hub sign-in, tokens and users ($name)', (engine) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(engine);
  });
  afterAll(async () => t?.close());

  it('login returns a token and the user; /api/me answers with it', async () => {
    const r = await t.api<{ token: string; user: Record<string, string> }>('POST', '/api/login', { body: ADMIN });
    expect(r.status).toBe(200);
    expect(r.body.user).toEqual({ username: 'admin', role: 'admin', phone: '' });
    expect(r.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const me = await t.api('GET', '/api/me', { token: r.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ ok: true, user: { username: 'admin', role: 'admin' } });
  });

  it('stores only a hash of the token and a scrypt hash of the password', async () => {
    const token = await t.login(ADMIN.username, ADMIN.password);
    const rows = await t.hub.db.query<{ token_hash: string }>('SELECT token_hash FROM auth_tokens');
    expect(rows.rows.map((r) => r.token_hash)).toContain(hashToken(token));
    expect(rows.rows.map((r) => r.token_hash)).not.toContain(token);
    const users = await t.hub.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE username = $1', ['admin']);
    expect(users.rows[0].password_hash).toMatch(/^scrypt\$/);
    expect(users.rows[0].password_hash).not.toContain(ADMIN.password);
  });

  it('a wrong password or an unknown user is 401 with the same message', async () => {
    const a = await t.api('POST', '/api/login', { body: { username: 'admin', password: 'wrong-password' } });
    const b = await t.api('POST', '/api/login', { body: { username: 'nobody-here', password: 'wrong-password' } });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.message).toBe(b.body.message);
  });

  it('a missing, forged, expired or revoked token is 401', async () => {
    expect((await t.api('GET', '/api/me')).status).toBe(401);
    expect((await t.api('GET', '/api/me', { token: 'A'.repeat(43) })).status).toBe(401);
    expect((await t.api('GET', '/api/me', { headers: { authorization: 'Basic YWRtaW46eA==' } })).status).toBe(401);

    const expired = await t.user('dispatcher');
    await t.hub.db.query("UPDATE auth_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [hashToken(expired.token)]);
    expect((await t.api('GET', '/api/me', { token: expired.token })).status).toBe(401);

    const revoked = await t.user('dispatcher');
    expect((await t.api('GET', '/api/me', { token: revoked.token })).status).toBe(200);
    expect((await t.api('POST', '/api/logout', { token: revoked.token })).status).toBe(200);
    expect((await t.api('GET', '/api/me', { token: revoked.token })).status).toBe(401);
  });

  it('a password change revokes every token of that user; the new password works', async () => {
    const u = await t.user('dispatcher');
    const second = await t.login(u.username, u.password);
    const r = await t.api('PATCH', `/api/users/${u.username}`, { token: t.adminToken, body: { password: 'a-brand-new-password' } });
    expect(r.status).toBe(200);
    expect((await t.api('GET', '/api/me', { token: u.token })).status).toBe(401);
    expect((await t.api('GET', '/api/me', { token: second })).status).toBe(401);
    expect((await t.api('POST', '/api/login', { body: { username: u.username, password: u.password } })).status).toBe(401);
    expect(await t.login(u.username, 'a-brand-new-password')).toBeTruthy();
  });

  it('a disabled user cannot sign in and loses open sessions', async () => {
    const u = await t.user('supervisor');
    expect((await t.api('PATCH', `/api/users/${u.username}`, { token: t.adminToken, body: { disabled: true } })).status).toBe(200);
    expect((await t.api('GET', '/api/me', { token: u.token })).status).toBe(401);
    // With the right password the answer says why (the desk shows "ask your admin"); a wrong one stays a plain 401.
    const right = await t.api('POST', '/api/login', { body: { username: u.username, password: u.password } });
    expect(right.status).toBe(403);
    expect(right.body.code).toBe('disabled');
    expect((await t.api('POST', '/api/login', { body: { username: u.username, password: 'not-the-password' } })).status).toBe(401);
  });

  it('repeated failures are throttled per user (429 with Retry-After), even with the right password', async () => {
    const u = await t.user('dispatcher');
    for (let i = 0; i < MAX_FAILURES_PER_USER; i++) {
      expect((await t.api('POST', '/api/login', { body: { username: u.username, password: 'nope-nope-nope' } })).status).toBe(401);
    }
    const r = await t.api('POST', '/api/login', { body: { username: u.username, password: u.password } });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    // The throttle is rows in the database, not memory: every instance sees it.
    const rows = await t.hub.db.query('SELECT 1 FROM login_failures WHERE scope = $1', [`user:${u.username}`]);
    expect(rows.rows.length).toBe(MAX_FAILURES_PER_USER);
  });

  it('admin manages users; supervisors and dispatchers may not', async () => {
    const d = await t.user('dispatcher', { phone: '13800138000' });
    const s = await t.user('supervisor');
    for (const token of [d.token, s.token]) {
      expect((await t.api('GET', '/api/users', { token })).status).toBe(403);
      expect((await t.api('POST', '/api/users', { token, body: { username: 'x1', password: 'password-1', role: 'admin' } })).status).toBe(403);
      expect((await t.api('PATCH', `/api/users/${d.username}`, { token, body: { role: 'admin' } })).status).toBe(403);
    }
    const list = await t.api<{ items: Array<Record<string, unknown>> }>('GET', '/api/users', { token: t.adminToken });
    expect(list.status).toBe(200);
    const mine = list.body.items.find((i) => i.username === d.username);
    expect(mine).toMatchObject({ role: 'dispatcher', phone: '13800138000', disabled: false });
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password/i);
  });

  it('user creation validates: duplicate 409, bad role / short password / bad phone 400; phone normalised', async () => {
    const name = `dup${Date.now()}`;
    expect((await t.api('POST', '/api/users', { token: t.adminToken, body: { username: name, password: 'password-1', role: 'dispatcher' } })).status).toBe(201);
    expect(
      (await t.api('POST', '/api/users', { token: t.adminToken, body: { username: name.toUpperCase(), password: 'password-1', role: 'dispatcher' } })).status,
    ).toBe(409);
    expect((await t.api('POST', '/api/users', { token: t.adminToken, body: { username: 'r1x', password: 'password-1', role: 'root' } })).status).toBe(400);
    expect((await t.api('POST', '/api/users', { token: t.adminToken, body: { username: 'r2x', password: 'short', role: 'dispatcher' } })).status).toBe(400);
    expect(
      (await t.api('POST', '/api/users', { token: t.adminToken, body: { username: 'r3x', password: 'password-1', role: 'dispatcher', phone: '12345' } }))
        .status,
    ).toBe(400);
    const ok = await t.api<{ user: { phone: string } }>('POST', '/api/users', {
      token: t.adminToken,
      body: { username: `p${Date.now()}`, password: 'password-1', role: 'dispatcher', phone: '+86 138 0013 8000' },
    });
    expect(ok.body.user.phone).toBe('13800138000');
    expect((await t.api('PATCH', '/api/users/nobody-at-all', { token: t.adminToken, body: { phone: '' } })).status).toBe(404);
  });

  it('an admin cannot disable or demote themselves', async () => {
    expect((await t.api('PATCH', '/api/users/admin', { token: t.adminToken, body: { disabled: true } })).status).toBe(409);
    expect((await t.api('PATCH', '/api/users/admin', { token: t.adminToken, body: { role: 'dispatcher' } })).status).toBe(409);
  });

  // Last in this file: it throttles every sign-in from 127.0.0.1 for the rest of the window.
  it('failures from one address across many user names are throttled per address', async () => {
    const { MAX_FAILURES_PER_ADDRESS } = await import('../../src/hub/auth/throttle');
    const already = await t.hub.db.query<{ n: string }>("SELECT count(*) AS n FROM login_failures WHERE scope LIKE 'addr:%'");
    const left = MAX_FAILURES_PER_ADDRESS - Number(already.rows[0].n);
    for (let i = 0; i < left; i++) {
      expect((await t.api('POST', '/api/login', { body: { username: `guess${i}`, password: 'nope-nope-nope' } })).status).toBe(401);
    }
    const r = await t.api('POST', '/api/login', { body: ADMIN });
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('throttled');
  });

  it('sign-ins, failures and user changes are audited', async () => {
    const r = await t.api<{ items: Array<{ action: string }> }>('GET', '/api/audit?limit=500', { token: t.adminToken });
    const actions = new Set(r.body.items.map((i) => i.action));
    for (const a of ['login', 'login.failed', 'logout', 'user.create', 'user.update']) expect(actions).toContain(a);
  });
});
