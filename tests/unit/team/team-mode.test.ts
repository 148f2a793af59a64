/**
 * Team mode through the real core (the contract's handlers) against a real hub process: signing
 * in keeps the token encrypted and out of every file and log line; calls go to the hub and end
 * with the bill's state; an unreachable hub fails a call at once and sends nothing; the event
 * stream resumes after a hub restart with Last-Event-ID and misses no bill; an expired token asks
 * for the password again; signed out, the desk is back in its own mode.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src/shared/contract';
import type { CallLogEntry } from '../../../src/shared/domain';
import type { TeamStatus } from '../../../src/shared/team';
import { createHubClient, type HubClient } from '../../../src/main/team/hub-client';
import { api } from './support/hub-process';
import { openTeamDesk, type TeamDesk } from './support/team-desk';
import { teamSuite } from './support/team-suite';

const suite = teamSuite();
const desks = suite.desks;
const PHONE = '13800138000';

function desk(options?: Parameters<typeof openTeamDesk>[0]): TeamDesk {
  const d = openTeamDesk(options);
  desks.push(d);
  return d;
}

const teamState = (state: TeamStatus['connection']) => (e: AppEvent) => e.type === 'teamStatusChanged' && e.data.team.connection === state;
const entryWhere = (p: (e: CallLogEntry) => boolean) => (e: AppEvent) => e.type === 'callUpdated' && p(e.data.entry);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function signedIn(username: string): Promise<{ d: TeamDesk; password: string }> {
  const password = await suite.hub.createUser(username, 'dispatcher', PHONE);
  const d = desk();
  const r = await d.call('teamSignIn', { hubUrl: suite.hub.url, username, password });
  expect(r).toMatchObject({ ok: true, team: { username, role: 'dispatcher', hubMode: 'sandbox', phone: PHONE } });
  await d.until(teamState('online'));
  return { d, password };
}

describe('signing in', () => {
  it('keeps the token encrypted; neither it nor the password is in a file, a log line or an answer', async () => {
    const password = await suite.hub.createUser('desk_secret', 'supervisor', PHONE);
    const d = desk();
    const answers: unknown[] = [];
    answers.push(await d.call('teamSignIn', { hubUrl: `${suite.hub.url}/`, username: 'desk_secret', password }));
    await d.until(teamState('online'));
    answers.push(await d.call('teamStatus', {}));
    expect(answers[1]).toMatchObject({ ok: true, team: { connection: 'online', hubName: new URL(suite.hub.url).host, role: 'supervisor' } });

    // The token the hub issued: sign in again elsewhere to learn its shape is not enough, so read it
    // from the desk's own vault through the cipher (main only) and look for it everywhere else.
    const vault = JSON.parse(readFileSync(join(d.dataDir, 'vault.json'), 'utf8')) as { teamSession: { tokenCiphertext: string } };
    const { createFakeCipher } = await import('../../support/fake-cipher');
    const token = await createFakeCipher().decrypt(Buffer.from(vault.teamSession.tokenCiphertext, 'base64'));
    expect(token.length).toBeGreaterThan(20);
    const me = (createHubClient({ baseUrl: suite.hub.url, token }) as HubClient).me();
    expect(await me).toMatchObject({ ok: true, user: { username: 'desk_secret' } });

    const everything = [
      ...filesUnder(d.dataDir).map((f) => readFileSync(f, 'latin1')),
      d.log.lines.join('\n'),
      JSON.stringify(answers),
      JSON.stringify(d.events),
    ].join('\n');
    for (const secret of [token, password, Buffer.from(token).toString('base64')]) expect(everything).not.toContain(secret);
  });

  it('refuses an insecure keyring (basic_text) unless the risk is accepted; nothing is sent to the hub before that', async () => {
    const password = await suite.hub.createUser('desk_basic', 'dispatcher', PHONE);
    const d = desk({ cipher: { backend: 'basic_text' } });
    const refused = await d.call('teamSignIn', { hubUrl: suite.hub.url, username: 'desk_basic', password });
    expect(refused).toMatchObject({ ok: false, code: 'storage', detail: { key: 'team.vault.insecureBackend' } });
    expect(d.net.sent).toEqual([]);
    expect(await d.call('teamSignIn', { hubUrl: suite.hub.url, username: 'desk_basic', password, acceptPlaintextRisk: true })).toMatchObject({ ok: true });
  });

  it('a wrong password and an unreachable hub say so; the desk stays in its own mode', async () => {
    const d = desk();
    const wrong = await d.call('teamSignIn', { hubUrl: suite.hub.url, username: 'admin', password: 'not-the-admin-password' });
    expect(wrong).toMatchObject({ ok: false, detail: { key: 'team.err.wrongPassword' } });
    const away = await d.call('teamSignIn', { hubUrl: 'http://127.0.0.1:9', username: 'admin', password: 'whatever-it-is' });
    expect(away).toMatchObject({ ok: false, detail: { key: 'team.err.unreachable' } });
    expect(await d.call('teamStatus', {})).toMatchObject({ ok: true, team: { connection: 'off' } });
    // A desk without a hub calls as before (sandbox).
    await d.call('settingsSet', { callerAcc: 'dispatcher', callerNumber: '13700137000' });
    expect(await d.call('startCall', { callee: '13912345678' })).toMatchObject({ ok: true });
    const log = (await d.call('callLogList', {})) as { entries: CallLogEntry[] };
    expect(log.entries[0].mode).toBe('sandbox');
  });
});

describe('calling through the hub', () => {
  it('startCall goes to the hub; the log entry ends with the bill (duration, hang-up cause)', async () => {
    const { d } = await signedIn('desk_call');
    const r = (await d.call('startCall', { callee: '139 1234 5678' })) as { ok: boolean; logId: string; caller: string };
    expect(r).toMatchObject({ ok: true, caller: PHONE, callee: '13912345678' });
    const ended = await d.until(entryWhere((e) => e.id === r.logId && e.state === 'ended'));
    const entry = (ended as Extract<AppEvent, { type: 'callUpdated' }>).data.entry;
    expect(entry).toMatchObject({ mode: 'team', dispatcher: 'desk_call', parties: [{ number: '13912345678' }] });
    expect(entry.status).toBeTruthy();
    expect(entry.legs?.length).toBeGreaterThan(0);
    const list = (await d.call('callLogList', {})) as { entries: CallLogEntry[] };
    expect(list.entries.find((e) => e.id === r.logId)?.state).toBe('ended');
    const csv = (await d.call('callLogExport', { lang: 'en' })) as { csv: string };
    expect(csv.csv).toContain('Team');
  });

  it('a call with an extension: the hub dials the main number only; the entry keeps the extension through the bill', async () => {
    const { d } = await signedIn('desk_ext');
    const r = (await d.call('startCall', { callee: '010-62234302-396' })) as { ok: boolean; logId: string; session: string };
    expect(r).toMatchObject({ ok: true, callee: '01062234302' });
    const listed = await api(suite.hub.url, 'GET', '/api/calls?limit=200', await suite.hub.adminToken());
    const row = (listed.body.items as Array<{ session: string; callees: string[] }>).find((i) => i.session === r.session);
    expect(row?.callees).toEqual(['01062234302']);
    // The ended entry is rebuilt from the hub's call and bill, which know nothing of the extension.
    const ended = await d.until(entryWhere((e) => e.id === r.logId && e.state === 'ended'));
    expect((ended as Extract<AppEvent, { type: 'callUpdated' }>).data.entry.parties).toEqual([{ number: '01062234302', extension: '396' }]);
    const csv = (await d.call('callLogExport', {})) as { csv: string };
    expect(csv.csv).toContain('01062234302 转 396');
  });

  it('a conference with extensions: the hub dials main numbers only, two people at one switchboard are two legs, each keeps its extension', async () => {
    const { d } = await signedIn('desk_conf_ext');
    const r = (await d.call('startConf', {
      callees: ['01062234302', '010-62234302-401', '13912345662'],
      extensions: ['396', '', ''],
    })) as { ok: boolean; logId: string; session: string };
    expect(r).toMatchObject({ ok: true, callees: ['01062234302', '01062234302', '13912345662'] });
    const listed = await api(suite.hub.url, 'GET', '/api/calls?limit=200', await suite.hub.adminToken());
    const row = (listed.body.items as Array<{ session: string; callees: string[] }>).find((i) => i.session === r.session);
    expect(row?.callees).toEqual(['01062234302', '01062234302', '13912345662']);
    const ended = await d.until(entryWhere((e) => e.id === r.logId && e.state === 'ended'));
    expect((ended as Extract<AppEvent, { type: 'callUpdated' }>).data.entry.parties).toEqual([
      { number: '01062234302', extension: '396' },
      { number: '01062234302', extension: '401' },
      { number: '13912345662' },
    ]);
    // The same main number with the same extension twice is one person twice: refused, nothing sent.
    const twice = await d.call('startConf', { callees: ['01062234302', '01062234302'], extensions: ['396', '396'] });
    expect(twice).toMatchObject({ ok: false, code: 'invalid_input', field: 'callees[1]' });
  });

  it('a conference through the hub gets the same time rule as with an own account: the limit per person × legs', async () => {
    const { d } = await signedIn('desk_conftime');
    const conf = await d.call('startConf', { callees: ['13912345660', '13912345661'], perPersonSec: 120 });
    expect(conf).toMatchObject({ ok: true, maxDur: 360, perPersonSec: 120 });
    const listed = await api(suite.hub.url, 'GET', '/api/calls?limit=200', await suite.hub.adminToken());
    const row = (listed.body.items as Array<{ session: string; maxDur: number }>).find((i) => i.session === (conf as { session: string }).session);
    expect(row?.maxDur).toBe(360);
  });

  it('hub unreachable: a call fails at once with a clear message and nothing is sent; back online, calls work again', async () => {
    const { d } = await signedIn('desk_offline');
    d.net.cut();
    await d.until(teamState('offline'));
    const sentBefore = d.net.sent.length;
    const r = await d.call('startCall', { callee: '13912345679' });
    expect(r).toMatchObject({ ok: false, code: 'network', detail: { key: 'team.err.unreachable' } });
    const conf = await d.call('startConf', { callees: ['13912345670', '13912345671'] });
    expect(conf).toMatchObject({ ok: false, detail: { key: 'team.err.unreachable' } });
    expect(d.net.sent.length).toBe(sentBefore);
    d.events.length = 0;
    d.net.heal();
    await d.until(teamState('online'));
    expect(await d.call('startCall', { callee: '13912345679' })).toMatchObject({ ok: true });
  });

  it('across a hub restart the stream resumes with Last-Event-ID and the bill that came meanwhile is shown', async () => {
    const { d, password } = await signedIn('desk_resume');
    // One call first, so the desk has seen events (ids) to resume after.
    const first = (await d.call('startCall', { callee: '13912340001' })) as { logId: string };
    await d.until(entryWhere((e) => e.id === first.logId && e.state === 'ended'));
    d.net.cut();
    await d.until(teamState('offline'));
    // The same dispatcher calls from elsewhere while this desk is away; its bill arrives at the suite.hub.
    const other = createHubClient({ baseUrl: suite.hub.url }) as HubClient;
    const login = await other.login('desk_resume', password);
    if (!login.ok) throw new Error(login.message);
    const away = createHubClient({ baseUrl: suite.hub.url, token: login.token }) as HubClient;
    const placed = await away.startCall({ callee: '13912340000', maxDur: 60 });
    if (!placed.ok) throw new Error(placed.message);
    for (;;) {
      const calls = await away.calls({ limit: 5 });
      if (calls.ok && calls.items.some((c) => c.id === placed.id && c.bill !== null)) break;
      await new Promise((r) => setImmediate(r));
    }
    await suite.hub.kill();
    await suite.hub.restart();
    d.events.length = 0;
    d.net.heal();
    await d.until(teamState('online'));
    const ended = await d.until(entryWhere((e) => e.id === `hub-${placed.id}` && e.state === 'ended'));
    expect(ended).toBeTruthy();
    // Resumed, not started over: the first stream started at the live edge, every reconnect asked
    // for what came after the last id it had.
    const streams = d.net.sent.filter((s) => s.startsWith('GET /api/events'));
    expect(streams[0]).toBe('GET /api/events');
    expect(streams.at(-1)).toMatch(/^GET \/api\/events after \d+$/);
  }, 90_000);

  it('a token revoked mid-shift asks to sign in again; signing in again keeps going', async () => {
    const { d, password } = await signedIn('desk_expire');
    await suite.hub.patchUser('desk_expire', { password: `${password}-new` });
    const r = await d.call('startCall', { callee: '13912341111' });
    expect(r).toMatchObject({ ok: false, code: 'unauthorized', detail: { key: 'team.err.expired' } });
    await d.until(teamState('expired'));
    expect(await d.call('teamStatus', {})).toMatchObject({ team: { connection: 'expired', username: 'desk_expire' } });
    expect(await d.call('teamSignIn', { hubUrl: suite.hub.url, username: 'desk_expire', password: `${password}-new` })).toMatchObject({ ok: true });
    await d.until(teamState('online'));
  });

  it('signing out returns to the desk’s own mode and log', async () => {
    const { d } = await signedIn('desk_out');
    expect(await d.call('teamSignOut', {})).toMatchObject({ ok: true, team: { connection: 'off' } });
    const vault = readFileSync(join(d.dataDir, 'vault.json'), 'utf8');
    expect(vault).not.toContain('teamSession');
    const log = (await d.call('callLogList', {})) as { entries: CallLogEntry[] };
    expect(log.entries.every((e) => e.mode !== 'team')).toBe(true);
  });
});
