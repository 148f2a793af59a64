/**
 * `npm run hub` with no configuration, as a real process: PGlite in HUB_DATA_DIR, sandbox mode, a
 * one-time admin password printed once, and the simulator's bills arriving at the hub's own callback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildHub, type ChildHub } from './support/child-hub';
import { openSse } from './support/sse';

describe('npm run hub (zero configuration)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
  const children: ChildHub[] = [];
  afterAll(async () => {
    for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts in sandbox mode, prints the first admin password once, and places a call end to end', async () => {
    const env = { HUB_DATA_DIR: dir, HUB_SANDBOX_RINGING_MS: '50', HUB_SANDBOX_ANSWERED_MS: '50' };
    const first = await startChildHub(env);
    children.push(first);
    const out = first.output.join('');
    const password = /one-time password (\S+)/.exec(out)?.[1];
    expect(password).toBeDefined();
    expect(out).toMatch(/hub listening on http:\/\/127\.0\.0\.1:\d+/);

    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(first.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect((await call('GET', '/healthz')).body).toEqual({ ok: true, db: 'pglite', mode: 'sandbox' });
    const login = await call('POST', '/api/login', undefined, { username: 'admin', password });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    expect((await call('PATCH', '/api/users/admin', token, { phone: '13800138000' })).status).toBe(200);
    const events = await openSse(`${first.url}/api/events`, token);
    const placed = await call('POST', '/api/calls', token, { callee: '13900139000' });
    expect(placed.body).toMatchObject({ ok: true, session: expect.any(String) });

    // The simulator posts the bill to the hub's own callback; the hub announces it once joined.
    await events.until((es) => es.some((e) => e.event === 'bill' && e.data.callId === placed.body.id));
    events.close();
    const list = await call('GET', '/api/calls', token);
    const bill = (list.body.items as Array<{ id: number; bill: unknown }>).find((c) => c.id === placed.body.id)?.bill;
    expect(bill).toMatchObject({ status: 'SUCCESS' });

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // Same folder again: the data is there and no new password is printed.
    const second = await startChildHub(env);
    children.push(second);
    expect(second.output.join('')).not.toMatch(/one-time password/);
    const again = await fetch(`${second.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(again.status).toBe(200);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 240_000);
});
