/**
 * Two hub instances on one PostgreSQL, as a centre runs them behind a load balancer. Each instance
 * opens its own database connections (pool + LISTEN client) from DATABASE_URL, exactly as
 * `npm run hub` does; they share nothing but the database (and, here, the sandbox ECP simulator,
 * so the test can count what reached "Yunxin"). PostgreSQL only: PGlite is one process's database.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../src/hub/app';
import { readConfig } from '../../src/hub/config';
import { migrate, loadMigrations } from '../../src/hub/db/migrate';
import { openPostgres } from '../../src/hub/db/postgres';
import { createLogger } from '../../src/hub/log';
import { PATHS, SANDBOX_ACCOUNT, startSimulator, type Simulator } from '../../src/simulator';
import { dropDatabase, freshPostgresUrl } from './support/postgres-db';
import { openSse } from './support/sse';

const ADMIN = { username: 'admin', password: 'admin-password-2x' };

function quietLogger() {
  return createLogger({
    level: 'warn',
    destination: new Writable({
      write(_chunk, _enc, done) {
        done();
      },
    }),
  });
}

async function startInstance(databaseUrl: string): Promise<{ hub: Hub; url: string }> {
  const config = {
    ...readConfig({ DATABASE_URL: databaseUrl, HUB_PORT: '0', HUB_ADMIN_USER: ADMIN.username, HUB_ADMIN_PASSWORD: ADMIN.password }),
    logLevel: 'warn',
  };
  const hub = await createHub({ config, logger: quietLogger() });
  return { hub, url: await hub.listen() };
}

async function api<T = Record<string, unknown>>(base: string, method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T & { ok?: boolean; code?: string } };
}

async function login(base: string, username: string, password: string): Promise<string> {
  const r = await api<{ token: string }>(base, 'POST', '/api/login', undefined, { username, password });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

describe('migrations when two instances start at once (postgres)', () => {
  it('one applies every migration, the other waits for it and applies none', async () => {
    const url = await freshPostgresUrl('migrace');
    const [a, b] = await Promise.all([openPostgres(url), openPostgres(url)]);
    try {
      const results = await Promise.all([migrate(a), migrate(b)]);
      const all = loadMigrations().map((m) => m.name);
      expect(all.length).toBeGreaterThan(0);
      // Which one wins is up to the lock; one of them did everything, the other nothing.
      expect([...results].sort((x, y) => y.length - x.length)).toEqual([all, []]);
      const rows = await a.query<{ version: number; n: number }>('SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version');
      expect(rows.rows.length).toBe(all.length);
      expect(rows.rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await dropDatabase(url);
    }
  });

  it('two hubs starting together on an empty database both come up with one first admin', async () => {
    const url = await freshPostgresUrl('hubrace');
    const started = await Promise.allSettled([startInstance(url), startInstance(url)]);
    const hubs = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'ok'))).toEqual(['ok', 'ok']);
      const users = await hubs[0]!.hub.db.query<{ username: string }>('SELECT username FROM users');
      expect(users.rows.map((u) => u.username)).toEqual([ADMIN.username]);
      // Both serve the one schema: the admin signs in on either.
      for (const h of hubs) expect(await login(h.url, ADMIN.username, ADMIN.password)).toMatch(/\S{20,}/);
    } finally {
      await Promise.all(hubs.map((h) => h.hub.close()));
      await dropDatabase(url);
    }
  });
});

describe('two hub instances on one PostgreSQL', () => {
  let url: string;
  let a: { hub: Hub; url: string };
  let b: { hub: Hub; url: string };
  let simulator: Simulator;
  let adminToken: string;

  beforeAll(async () => {
    url = await freshPostgresUrl('twohubs');
    a = await startInstance(url);
    b = await startInstance(url);
    // Bills are delivered to instance A only (Yunxin has one callback URL): B learns of them
    // through the database.
    simulator = await startSimulator({ accounts: [SANDBOX_ACCOUNT], callbackUrl: `${a.url}/yunxin/callback`, progress: { ringingMs: 30, answeredMs: 30 } });
    a.hub.yunxin.setSandboxBaseUrl(simulator.url);
    b.hub.yunxin.setSandboxBaseUrl(simulator.url);
    adminToken = await login(b.url, ADMIN.username, ADMIN.password);
  });

  afterAll(async () => {
    await simulator?.close();
    await Promise.all([a?.hub.close(), b?.hub.close()]);
    if (url) await dropDatabase(url);
  });

  async function dispatcher(phone: string) {
    const username = `disp${phone.slice(-4)}`;
    const password = `pw-${username}-long-enough`;
    // Created through B, signed in through A: users and tokens are rows, not instance memory.
    const created = await api(b.url, 'POST', '/api/users', adminToken, { username, password, role: 'dispatcher', phone });
    expect(created.status).toBe(201);
    return login(a.url, username, password);
  }

  const startCalls = () => simulator.requests.filter((r) => r.path === PATHS.startCall).length;

  it('a call placed on A and its bill reach an SSE client of B', async () => {
    const supervisorOnB = await openSse(`${b.url}/api/events`, adminToken);
    try {
      const token = await dispatcher('13800138201');
      const placed = await api<{ id: number; session: string }>(a.url, 'POST', '/api/calls', token, { callee: '13900139201' });
      expect(placed.status).toBe(200);
      expect(placed.body).toMatchObject({ ok: true });
      const events = await supervisorOnB.until(
        (es) =>
          es.some((e) => e.event === 'call' && e.data.callId === placed.body.id) &&
          es.some((e) => e.event === 'bill' && e.data.session === placed.body.session),
      );
      const call = events.find((e) => e.event === 'call')!;
      expect(call.data).toMatchObject({ callId: placed.body.id, session: placed.body.session });
      // And B's call list joins the bill that arrived at A.
      const list = await api<{ items: Array<{ id: number; bill: unknown }> }>(b.url, 'GET', '/api/calls?limit=5', adminToken);
      expect(list.body.items.find((i) => i.id === placed.body.id)?.bill).not.toBeNull();
    } finally {
      supervisorOnB.close();
    }
  });

  it('a directory change on B reaches an SSE client of A', async () => {
    const onA = await openSse(`${a.url}/api/events`, adminToken);
    try {
      const created = await api<{ item: { id: string } }>(b.url, 'POST', '/api/groups', adminToken, { name: 'night shift' });
      expect(created.status).toBeLessThan(300);
      await onA.until((es) => es.some((e) => e.event === 'directory'));
    } finally {
      onA.close();
    }
  });

  it('the same call submitted through A and B at once rings once', async () => {
    const token = await dispatcher('13800138202');
    const before = startCalls();
    const body = { callee: '13900139202' };
    const answers = await Promise.all([api(a.url, 'POST', '/api/calls', token, body), api(b.url, 'POST', '/api/calls', token, body)]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    expect(answers.find((r) => r.status === 409)!.body).toMatchObject({ ok: false, code: 'double_submit' });
    expect(startCalls() - before).toBe(1);
    // A third try through the other instance, after the first finished, is refused too.
    const again = await api(b.url, 'POST', '/api/calls', token, body);
    expect(again.body).toMatchObject({ ok: false, code: 'double_submit' });
    expect(startCalls() - before).toBe(1);
  });
});
