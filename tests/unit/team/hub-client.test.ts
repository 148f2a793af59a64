/**
 * The desk's hub client against a real hub process (src/hub/cli.ts on PGlite, sandbox mode with
 * its simulator sending signed bills to the hub): sign-in and its refusals, calls and their bills
 * on the event stream, directory edits with revisions, and the transport failures each worded on
 * their own (unreachable, timeout, an untrusted certificate).
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHubUrl, createHubClient, type HubClient } from '../../../src/main/team/hub-client';
import { readHubEvents, type HubEvent } from '../../../src/main/team/hub-events';
import type { Failure } from '../../../src/shared/result';
import { HUB_ADMIN, startHubProcess, type HubProcess } from './support/hub-process';

let hub: HubProcess;
const PHONE = '13800138000';

function client(token?: string, more: { timeoutMs?: number } = {}): HubClient {
  const c = createHubClient({ baseUrl: hub.url, token, ...more });
  if ('ok' in c) throw new Error(c.message);
  return c;
}

async function signIn(username: string, password: string): Promise<HubClient> {
  const r = await client().login(username, password);
  if (!r.ok) throw new Error(r.message);
  return client(r.token);
}

function key(f: { detail?: { key: string } }): string | undefined {
  return f.detail?.key;
}

beforeAll(async () => {
  hub = await startHubProcess();
}, 90_000);

afterAll(async () => {
  await hub?.stop();
});

describe('the hub address', () => {
  it('accepts https anywhere and http only on this computer', () => {
    expect(checkHubUrl('https://hub.example.com/')).toMatchObject({ ok: true, url: 'https://hub.example.com', host: 'hub.example.com' });
    expect(checkHubUrl('http://127.0.0.1:8787')).toMatchObject({ ok: true, url: 'http://127.0.0.1:8787' });
    expect(key(checkHubUrl('http://hub.example.com') as Failure)).toBe('team.err.plainHttp');
    expect(key(checkHubUrl('ftp://hub.example.com') as Failure)).toBe('team.err.badAddress');
    expect(key(checkHubUrl('https://user:pw@hub.example.com') as Failure)).toBe('team.err.badAddress');
    expect(key(checkHubUrl('not a url') as Failure)).toBe('team.err.badAddress');
  });
});

describe('signing in', () => {
  it('answers the token, the user and the role; /api/me tells the hub mode', async () => {
    const r = await client().login(HUB_ADMIN.username, HUB_ADMIN.password);
    expect(r).toMatchObject({ ok: true, user: { username: 'admin', role: 'admin' } });
    if (!r.ok) return;
    expect(r.token.length).toBeGreaterThan(20);
    expect(await client(r.token).me()).toMatchObject({ ok: true, user: { username: 'admin' }, mode: 'sandbox' });
  });

  it('a wrong password, a disabled user and an expired token each get their own message', async () => {
    const password = await hub.createUser('disp_a', 'dispatcher', PHONE);
    const wrong = await client().login('disp_a', 'not-the-password');
    expect(wrong).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(key(wrong as Failure)).toBe('team.err.wrongPassword');

    const c = await signIn('disp_a', password);
    await hub.patchUser('disp_a', { disabled: true });
    const disabled = await client().login('disp_a', password);
    expect(key(disabled as Failure)).toBe('team.err.disabled');
    // The open session ended with the disable: an expired/revoked token.
    const me = await c.me();
    expect(me).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(key(me as Failure)).toBe('team.err.expired');
    await hub.patchUser('disp_a', { disabled: false });
  });

  it('after sign-out the token is refused', async () => {
    const c = await signIn(HUB_ADMIN.username, HUB_ADMIN.password);
    expect(await c.logout()).toMatchObject({ ok: true });
    expect(key((await c.me()) as Failure)).toBe('team.err.expired');
  });
});

describe('calls through the hub', () => {
  it('a call is accepted with a session; its bill arrives on the event stream and joins the call list', async () => {
    const password = await hub.createUser('disp_call', 'dispatcher', PHONE);
    const login = await client().login('disp_call', password);
    if (!login.ok) throw new Error(login.message);
    const c = client(login.token);
    const events: HubEvent[] = [];
    const controller = new AbortController();
    let opened!: () => void;
    const open = new Promise<void>((r) => (opened = r));
    let billSeen!: () => void;
    const bill = new Promise<void>((r) => (billSeen = r));
    const reading = readHubEvents({
      baseUrl: hub.url,
      token: login.token,
      signal: controller.signal,
      onOpen: () => opened(),
      onEvent(e) {
        events.push(e);
        if (e.type === 'bill') billSeen();
      },
    });
    await open;
    const placed = await c.startCall({ callee: '13912345678', maxDur: 60 });
    expect(placed).toMatchObject({ ok: true });
    if (!placed.ok) return;
    await bill;
    controller.abort();
    expect(await reading).toEqual({ kind: 'aborted' });
    expect(events.find((e) => e.type === 'call')?.data).toMatchObject({ callId: placed.id, session: placed.session, ok: true });
    expect(events.find((e) => e.type === 'bill')?.data).toMatchObject({ callId: placed.id, session: placed.session });
    // Ids increase: what Last-Event-ID resumes after.
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => a - b));

    const list = await c.calls({ limit: 10 });
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const row = list.items.find((i) => i.id === placed.id);
    expect(row).toMatchObject({ dispatcher: 'disp_call', callees: ['13912345678'], maxDur: 60, result: { ok: true } });
    expect(row?.bill?.status).toBeTruthy();
  });

  it('a conference with nine callees is refused by the desk rules on the hub, nothing placed', async () => {
    const c = await signIn(HUB_ADMIN.username, HUB_ADMIN.password);
    await hub.patchUser('admin', { phone: PHONE });
    const callees = Array.from({ length: 9 }, (_, i) => `1391234560${i}`);
    const r = await c.startConf({ callees });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input', httpStatus: 400 });
  });

  it('the stream resumes after Last-Event-ID: what happened while away is replayed first', async () => {
    const login = await client().login(HUB_ADMIN.username, HUB_ADMIN.password);
    if (!login.ok) throw new Error(login.message);
    const c = client(login.token);
    const created = await c.create('group', { name: `Resume ${Date.now()}` });
    if (!created.ok) throw new Error(created.message);
    // Every event after id 0 that the admin may see, then the live edge.
    const events: HubEvent[] = [];
    const controller = new AbortController();
    let got!: () => void;
    const seen = new Promise<void>((r) => (got = r));
    void readHubEvents({
      baseUrl: hub.url,
      token: login.token,
      lastEventId: 0,
      signal: controller.signal,
      onOpen: () => undefined,
      onEvent(e) {
        events.push(e);
        if (e.type === 'directory' && e.data.itemId === created.item.id) got();
      },
    });
    await seen;
    controller.abort();
    expect(events[0].id).toBeGreaterThan(0);
  });
});

describe('the shared directory', () => {
  it('an edit on an old revision is refused with the current version; on the current one it goes through', async () => {
    const a = await signIn(HUB_ADMIN.username, HUB_ADMIN.password);
    const password = await hub.createUser('disp_dir', 'dispatcher', PHONE);
    const b = await signIn('disp_dir', password);
    const created = await a.create('contact', { name: '张三', numbers: [{ label: '手机', number: '13800000001' }] });
    if (!created.ok) throw new Error(created.message);
    const first = created.item.revision;
    const byB = await b.update('contact', created.item.id, first, { name: '张三（B）', numbers: [{ label: '手机', number: '13800000001' }] });
    expect(byB.ok).toBe(true);
    const byA = await a.update('contact', created.item.id, first, { name: '张三（A）', numbers: [] });
    expect(byA).toMatchObject({ ok: false, code: 'conflict', current: { name: '张三（B）', updatedBy: 'disp_dir' } });
    expect(key(byA as Failure)).toBe('team.err.conflict');
    const current = (byA as { current: { revision: number } }).current.revision;
    expect(await a.update('contact', created.item.id, current, { name: '张三（A）', numbers: [] })).toMatchObject({ ok: true, item: { name: '张三（A）' } });

    const changes = await b.changes(first - 1);
    expect(changes.ok && changes.changes.some((ch) => ch.id === created.item.id)).toBe(true);
  });
});

describe('transport failures', () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const s of servers) s.close();
  });

  it('a hub that is not running: unreachable, at once', async () => {
    const s = createHttpServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    const c = createHubClient({ baseUrl: `http://127.0.0.1:${port}` }) as HubClient;
    const r = await c.login('admin', 'x');
    expect(r).toMatchObject({ ok: false, code: 'network' });
    expect(key(r as Failure)).toBe('team.err.unreachable');
  });

  it('a hub that does not answer: a timeout; for a call, "may have been placed", and sent once', async () => {
    let requests = 0;
    const s = createHttpServer(() => {
      requests++;
      // Never answers.
    });
    servers.push(s);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const c = createHubClient({ baseUrl: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, token: 'x'.repeat(43), timeoutMs: 300 }) as HubClient;
    const me = await c.me();
    expect(me).toMatchObject({ ok: false, code: 'timeout' });
    expect(key(me as Failure)).toBe('team.err.timeout');
    const call = await c.startCall({ callee: '13912345678' });
    expect(key(call as Failure)).toBe('team.err.callTimeout');
    expect(requests).toBe(2);
  });

  it('an https hub with a certificate this computer does not trust is refused, with its own message', async () => {
    const dir = join(__dirname, 'fixtures');
    let requests = 0;
    const s = createHttpsServer({ key: readFileSync(join(dir, 'self-signed.key')), cert: readFileSync(join(dir, 'self-signed.crt')) }, (_req, res) => {
      requests++;
      res.end('{"ok":true}');
    });
    servers.push(s);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const c = createHubClient({ baseUrl: `https://127.0.0.1:${(s.address() as AddressInfo).port}` }) as HubClient;
    const r = await c.login('admin', 'secret-password');
    expect(r).toMatchObject({ ok: false, code: 'network' });
    expect(key(r as Failure)).toBe('team.err.tlsUntrusted');
    // The TLS handshake failed: no request (and no password) reached the server.
    expect(requests).toBe(0);
  });

  it('something that is not a hub: a clear "unexpected answer"', async () => {
    const s = createHttpServer((_req, res) => res.end('<html>proxy error</html>'));
    servers.push(s);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const c = createHubClient({ baseUrl: `http://127.0.0.1:${(s.address() as AddressInfo).port}` }) as HubClient;
    expect(key((await c.health()) as Failure)).toBe('team.err.badResponse');
  });
});
