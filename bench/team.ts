/**
 * `npm run bench:team`: team mode's figures on this machine (not part of `npm test`).
 * - directory sync: a hub (in this process, PGlite on disk) holding 50 000 contacts; a desk (the
 *   real core, fresh data folder) signs in; time until its local copy lists all of them, and the
 *   first page (`contactsList({ limit: 200 })`) afterwards;
 * - event delivery: a contact created through the hub's API (by another user) → the desk's core
 *   emits `contactsChanged` with it in its copy (hub commit, NOTIFY, SSE, change feed, local
 *   write), 50 samples; timed to the event, the check that the contact is in the copy is not.
 * The load average is printed with the figures: absolute numbers move with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHub } from '../src/hub/app';
import { readConfig } from '../src/hub/config';
import { createLogger as hubLogger } from '../src/hub/log';
import { createDispatchCore } from '../src/main/core';
import { createLogger } from '../src/main/log';
import { createSandbox } from '../src/main/sandbox/sandbox';
import { openConfStore } from '../src/main/stores/conf-store';
import { createMemoryKeyCipher } from '../src/main/vault/memory-key-cipher';
import type { AppEvent } from '../src/shared/contract';
import { generateContacts } from './generate-contacts';
import { median, percentile } from './stats';

const CONTACTS = Number(process.env.TEAM_BENCH_CONTACTS ?? 50_000);
const SAMPLES = 50;
const ADMIN = { username: 'admin', password: 'bench-admin-password' };

async function main() {
  const hubDir = mkdtempSync(join(os.tmpdir(), 'team-bench-hub-'));
  const deskDir = mkdtempSync(join(os.tmpdir(), 'team-bench-desk-'));
  const config = {
    ...readConfig({ HUB_PORT: '0', HUB_DATA_DIR: hubDir, HUB_ADMIN_USER: ADMIN.username, HUB_ADMIN_PASSWORD: ADMIN.password }),
    logLevel: 'warn',
  };
  const hub = await createHub({ config, logger: hubLogger({ level: 'warn' }) });
  const url = await hub.listen();
  try {
    // Seed the directory directly (one revision each, as the API would give them).
    const seedStart = performance.now();
    const contacts = generateContacts(CONTACTS, 1);
    for (let i = 0; i < contacts.length; i += 1000) {
      const chunk = contacts.slice(i, i + 1000);
      const values: unknown[] = [];
      const rows = chunk.map((c, k) => {
        values.push(c.id, JSON.stringify({ name: c.name, numbers: c.numbers, org: c.org, notes: c.notes, favorite: c.favorite, groupIds: [] }));
        return `('contact', $${k * 2 + 1}, nextval('directory_revision'), $${k * 2 + 2}::jsonb, false, 'seed')`;
      });
      await hub.db.query(`INSERT INTO directory_items (kind, id, revision, data, deleted, updated_by) VALUES ${rows.join(',')}`, values);
    }
    console.log(`seeded ${CONTACTS} contacts in ${Math.round(performance.now() - seedStart)} ms`);

    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return (await res.json()) as Record<string, unknown>;
    };
    const adminToken = (await post('/api/login', ADMIN)).token as string;
    await post('/api/users', { username: 'benchdesk', password: 'bench-desk-password', role: 'dispatcher', phone: '13800138000' }, adminToken);

    const events: AppEvent[] = [];
    const waiters = new Set<() => void>();
    const core = createDispatchCore({
      settingsStore: openConfStore({ cwd: deskDir, name: 'settings' }).store,
      vaultStore: openConfStore({ cwd: deskDir, name: 'vault' }).store,
      cipher: createMemoryKeyCipher(),
      log: createLogger({}),
      dataDir: deskDir,
      sandbox: createSandbox(),
      team: { timeoutMs: 60_000 },
    });
    const eventTimes: number[] = [];
    core.subscribe((e) => {
      events.push(e);
      eventTimes.push(performance.now());
      for (const w of [...waiters]) w();
    });
    const until = (p: () => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (!p()) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      });
    const total = async () => {
      const r = await core.handlers.contactsList({ limit: 1 });
      return r.ok ? r.total : -1;
    };

    const syncStart = performance.now();
    const signedIn = await core.handlers.teamSignIn({ hubUrl: url, username: 'benchdesk', password: 'bench-desk-password' });
    if (!signedIn.ok) throw new Error(signedIn.message);
    for (;;) {
      if ((await total()) === CONTACTS) break;
      const seen = events.length;
      await until(() => events.slice(seen).some((e) => e.type === 'contactsChanged'));
    }
    const synced = performance.now() - syncStart;
    const pageStart = performance.now();
    await core.handlers.contactsList({ limit: 200 });
    const firstPage = performance.now() - pageStart;

    const delivery: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const seen = events.length;
      const t0 = performance.now();
      const created = await post('/api/contacts', { name: `测试${i}`, numbers: [{ label: '', number: `1390000${String(1000 + i)}` }] }, adminToken);
      const id = (created.item as { id: string }).id;
      // The sample ends when the desk announces the change that holds the contact (the time the
      // event was emitted, not after the check below: listing 50 000 contacts is not delivery).
      let from = seen;
      for (;;) {
        await until(() => events.slice(from).some((e) => e.type === 'contactsChanged'));
        const at = events.findIndex((e, k) => k >= from && e.type === 'contactsChanged');
        const r = await core.handlers.contactsList({});
        if (r.ok && r.contacts.some((c) => c.id === id)) {
          delivery.push(eventTimes[at] - t0);
          break;
        }
        from = at + 1;
      }
    }
    await core.close();

    const load = os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
    console.log(`\nteam mode, ${CONTACTS} contacts, load average ${load} (${os.cpus().length} cores)`);
    console.log(`directory sync after sign-in (fresh desk, all ${CONTACTS} in the local copy): ${Math.round(synced)} ms`);
    console.log(`first page (contactsList limit 200) from the local copy: ${firstPage.toFixed(1)} ms`);
    console.log(
      `event delivery, contact created at the hub → in the desk's copy (contactsChanged): p50 ${median(delivery).toFixed(1)} ms, p95 ${percentile(delivery, 95).toFixed(1)} ms, max ${Math.max(...delivery).toFixed(1)} ms (${SAMPLES} samples)`,
    );
  } finally {
    await hub.close();
    rmSync(hubDir, { recursive: true, force: true });
    rmSync(deskDir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
