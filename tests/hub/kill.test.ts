/**
 * Acknowledge after commit, tested the hard way: a real hub process on PGlite (on disk) receives a
 * burst of bills from concurrent senders and is SIGKILLed in the middle. After a restart on the
 * same data folder, every bill that got a 200 is there. (Bills in flight at the kill may or may
 * not be stored — Yunxin delivers again until it gets a 200.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signCallback } from '../../src/yunxin';
import { startChildHub, type ChildHub } from './support/child-hub';
import { freshPostgresUrl } from './support/postgres-db';

const SECRET = 'c915496e6e5b';
const SENDERS = 20;
const KILL_AFTER_ACKS = 60;

// PGlite on disk, and PostgreSQL: there the hub process dies, the server keeps what it committed.
const ENGINES = [
  { name: 'pglite', database: async (): Promise<Record<string, string>> => ({}) },
  { name: 'postgres', database: async (): Promise<Record<string, string>> => ({ DATABASE_URL: await freshPostgresUrl('killtest') }) },
];

describe.each(ENGINES)('SIGKILL during a burst of bills ($name)', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-kill-'));
  const base = {
    HUB_DATA_DIR: dir,
    HUB_ADMIN_USER: 'admin',
    HUB_ADMIN_PASSWORD: 'kill-test-password',
    YUNXIN_APP_KEY: 'c'.repeat(32),
    YUNXIN_APP_SECRET: SECRET,
    YUNXIN_CALLER_ACC: 'dispatcher',
  };
  const children: ChildHub[] = [];
  afterAll(async () => {
    for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    rmSync(dir, { recursive: true, force: true });
  });

  it('every bill answered 200 before the kill is in the database after a restart', async () => {
    const env = { ...base, ...(await engine.database()) };
    const first = await startChildHub(env);
    children.push(first);
    const acked: string[] = [];
    let seq = 0;
    let killed = false;
    let resolveKill: () => void = () => undefined;
    const killedNow = new Promise<void>((r) => (resolveKill = r));

    const sender = async (n: number) => {
      while (!killed) {
        const session = `kill-${n}-${++seq}`;
        const body = JSON.stringify({ eventType: '10', callback: JSON.stringify({ session, status: 'SUCCESS', durationSec: 3 }) });
        try {
          const res = await fetch(`${first.url}/yunxin/callback`, {
            method: 'POST',
            headers: signCallback(SECRET, body, Date.now()) as unknown as Record<string, string>,
            body,
          });
          if (res.status === 200) {
            acked.push(session);
            if (acked.length >= KILL_AFTER_ACKS && !killed) {
              killed = true;
              first.child.kill('SIGKILL');
              resolveKill();
            }
          }
        } catch {
          // The connection died with the process: this bill was never acknowledged.
        }
      }
    };
    const senders = Array.from({ length: SENDERS }, (_, i) => sender(i));
    await killedNow;
    await first.exited;
    await Promise.all(senders);
    expect(first.child.signalCode).toBe('SIGKILL');
    const ackedBeforeKill = [...acked];
    expect(ackedBeforeKill.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    const second = await startChildHub(env);
    children.push(second);
    const login = await fetch(`${second.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: env.HUB_ADMIN_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const stored = new Set<string>();
    let before: number | undefined;
    for (;;) {
      const res = await fetch(`${second.url}/api/bills?limit=200${before ? `&before=${before}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
      const page = (await res.json()) as { items: Array<{ id: number; session: string }> };
      for (const b of page.items) stored.add(b.session);
      if (page.items.length < 200) break;
      before = page.items[page.items.length - 1].id;
    }
    const lost = ackedBeforeKill.filter((s) => !stored.has(s));
    expect(lost).toEqual([]);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 240_000);
});
