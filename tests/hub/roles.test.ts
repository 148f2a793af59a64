/** Every route tried by every role (and by nobody): who gets 401, who 403, who gets through. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/hub/auth/tokens';
import { engines } from './support/engines';
import { startTestHub, type TestHub } from './support/harness';
import { openSse } from './support/sse';

type Who = Role | 'anonymous';
const ALL: Role[] = ['dispatcher', 'supervisor', 'admin'];
const STAFF: Role[] = ['supervisor', 'admin'];
const ADMIN: Role[] = ['admin'];
const PUBLIC = 'public' as const;

interface RouteCase {
  method: string;
  path: string | ((who: Who) => string);
  body?: (who: Who) => unknown;
  allowed: Role[] | typeof PUBLIC;
}

let n = 0;
const uniq = () => `${Date.now().toString(36)}${++n}`;
const callee = () => `1370013${String(1000 + (++n % 9000)).padStart(4, '0')}`;

const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/healthz', allowed: PUBLIC },
  { method: 'GET', path: '/metrics', allowed: PUBLIC },
  { method: 'GET', path: '/api/me', allowed: ALL },
  { method: 'GET', path: '/api/users', allowed: ADMIN },
  { method: 'POST', path: '/api/users', body: () => ({ username: `m${uniq()}`, password: 'password-123', role: 'dispatcher' }), allowed: ADMIN },
  { method: 'PATCH', path: '/api/users/target-user', body: () => ({ phone: '' }), allowed: ADMIN },
  { method: 'POST', path: '/api/calls', body: () => ({ callee: callee() }), allowed: ALL },
  { method: 'POST', path: '/api/conferences', body: () => ({ callees: [callee(), callee()] }), allowed: ALL },
  { method: 'GET', path: '/api/calls', allowed: ALL },
  { method: 'GET', path: '/api/bills', allowed: STAFF },
  { method: 'GET', path: '/api/contacts', allowed: ALL },
  { method: 'POST', path: '/api/contacts', body: () => ({ name: 'c' }), allowed: ALL },
  { method: 'GET', path: '/api/groups', allowed: ALL },
  { method: 'POST', path: '/api/groups', body: () => ({ name: 'g' }), allowed: ALL },
  { method: 'GET', path: '/api/rosters', allowed: ALL },
  { method: 'POST', path: '/api/rosters', body: () => ({ name: 'r', members: [{ number: '13900139000' }] }), allowed: ALL },
  { method: 'PUT', path: '/api/groups/no-such-group', body: () => ({ name: 'g' }), allowed: ALL },
  { method: 'DELETE', path: '/api/groups/no-such-group', allowed: ALL },
  { method: 'GET', path: '/api/directory/changes?since=0', allowed: ALL },
  { method: 'GET', path: '/api/audit', allowed: STAFF },
  { method: 'GET', path: '/api/settings/yunxin', allowed: ADMIN },
  { method: 'PUT', path: '/api/settings/yunxin', body: () => ({ callerAcc: 'dispatcher' }), allowed: ADMIN },
];

describe.each(engines)('each role on each route ($name)', (engine) => {
  let t: TestHub;
  const tokens = new Map<Who, string | undefined>();
  beforeAll(async () => {
    t = await startTestHub(engine);
    tokens.set('anonymous', undefined);
    tokens.set('admin', t.adminToken);
    tokens.set('supervisor', (await t.user('supervisor', { phone: '13800138201' })).token);
    tokens.set('dispatcher', (await t.user('dispatcher', { phone: '13800138202' })).token);
    await t.api('POST', '/api/users', { token: t.adminToken, body: { username: 'target-user', password: 'password-123', role: 'dispatcher' } });
  });
  afterAll(async () => t?.close());

  for (const route of ROUTES) {
    it(`${route.method} ${typeof route.path === 'string' ? route.path : '…'}`, async () => {
      const seen: Record<string, number> = {};
      const expected: Record<string, string> = {};
      for (const who of ['anonymous', ...ALL] as Who[]) {
        const path = typeof route.path === 'string' ? route.path : route.path(who);
        const r = await t.api(route.method, path, {
          token: tokens.get(who),
          body: route.body?.(who),
          headers: route.method === 'PUT' || route.method === 'DELETE' ? { 'if-match': '"1"' } : {},
        });
        const ok = route.allowed === PUBLIC || (who !== 'anonymous' && route.allowed.includes(who));
        seen[who] = r.status;
        expected[who] = ok ? 'through' : who === 'anonymous' ? '401' : '403';
      }
      const verdict = Object.fromEntries(Object.entries(seen).map(([who, s]) => [who, s === 401 ? '401' : s === 403 ? '403' : 'through']));
      expect(verdict).toEqual(expected);
    });
  }

  it('GET /api/events (SSE)', async () => {
    expect((await openSse(`${t.url}/api/events`, undefined)).status).toBe(401);
    for (const role of ALL) {
      const c = await openSse(`${t.url}/api/events`, tokens.get(role));
      expect(c.status).toBe(200);
      c.close();
    }
  });
});
