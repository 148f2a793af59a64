import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './support/engines';
import { startTestHub, type TestHub } from './support/harness';
import { openSse } from './support/sse';

const startCallPath = '/call/ecp/startcall.action';
const startConfPath = '/call/ecp/startconf.action';

describe.each(engines)('placing calls and conferences ($name)', (engine) => {
  let t: TestHub;
  let seq = 0;
  // Distinct callees per test so the double-submit guard only fires where a test means it to.
  const callee = () => `1390013${String(1000 + ++seq).padStart(4, '0')}`;
  const sent = (path: string) => t.simulator!.requests.filter((r) => r.path === path).length;

  beforeAll(async () => {
    t = await startTestHub(engine);
  });
  afterAll(async () => t?.close());

  it('a dispatcher places a call: Yunxin is asked once with the dispatcher as caller; the row, the event and the bill follow', async () => {
    const d = await t.user('dispatcher', { phone: '13800138001' });
    const sse = await openSse(`${t.url}/api/events`, d.token);
    const before = sent(startCallPath);
    const number = callee();
    const r = await t.api<{ session: string; id: number }>('POST', '/api/calls', {
      token: d.token,
      body: { callee: `+86 ${number.slice(0, 3)} ${number.slice(3)}`, maxDur: 120 },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, session: expect.any(String), id: expect.any(Number) });
    expect(sent(startCallPath)).toBe(before + 1);
    const req = t.simulator!.requests.filter((x) => x.path === startCallPath).at(-1)!;
    expect(req.params).toMatchObject({ caller: '13800138001', callee: number, maxDur: '120', callerAcc: 'dispatcher' });

    await sse.until((es) => es.some((e) => e.event === 'call' && e.data.callId === r.body.id));
    // The simulator posts the bill to the hub's callback when the call ends.
    const billEvent = await sse.until((es) => es.some((e) => e.event === 'bill' && e.data.session === r.body.session));
    expect(billEvent.find((e) => e.event === 'bill')!.data).toMatchObject({ callId: r.body.id, status: 'SUCCESS' });
    sse.close();

    const list = await t.api<{ items: Array<Record<string, unknown>> }>('GET', '/api/calls', { token: d.token });
    const item = list.body.items.find((i) => i.id === r.body.id)!;
    expect(item).toMatchObject({
      kind: 'call',
      session: r.body.session,
      dispatcher: d.username,
      caller: '13800138001',
      callees: [number],
      result: { ok: true },
    });
    expect(item.bill).toMatchObject({ status: 'SUCCESS', durationSec: expect.any(Number), legs: expect.any(Array) });
    expect((item.bill as { legs: Array<{ number: string }> }).legs.map((l) => l.number)).toEqual(['13800138001', number]);
  });

  it('a second identical request inside the window is refused as a double submit: Yunxin is asked once', async () => {
    const d = await t.user('dispatcher', { phone: '13800138002' });
    const number = callee();
    const before = sent(startCallPath);
    const [a, b] = await Promise.all([
      t.api('POST', '/api/calls', { token: d.token, body: { callee: number } }),
      t.api('POST', '/api/calls', { token: d.token, body: { callee: number } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a.body.code, b.body.code]).toContain('double_submit');
    const c = await t.api('POST', '/api/calls', { token: d.token, body: { callee: number } });
    expect(c.status).toBe(409);
    expect(sent(startCallPath)).toBe(before + 1);
    // A different callee is a different request.
    expect((await t.api('POST', '/api/calls', { token: d.token, body: { callee: callee() } })).status).toBe(200);
    // The guard is a row: it holds for any hub instance on this database.
    const guards = await t.hub.db.query('SELECT 1 FROM submit_guards g JOIN users u ON u.id = g.user_id WHERE u.username = $1', [d.username]);
    expect(guards.rows.length).toBe(2);
  });

  it('bad input sends nothing: own number, invalid number, no phone set, maxDur out of range', async () => {
    const d = await t.user('dispatcher', { phone: '13800138003' });
    const noPhone = await t.user('dispatcher');
    const before = sent(startCallPath);
    const own = await t.api('POST', '/api/calls', { token: d.token, body: { callee: '138 0013 8003' } });
    expect(own.status).toBe(400);
    expect(own.body).toMatchObject({ ok: false, code: 'invalid_input', field: 'callee' });
    expect((await t.api('POST', '/api/calls', { token: d.token, body: { callee: '12345' } })).status).toBe(400);
    expect((await t.api('POST', '/api/calls', { token: d.token, body: { callee: callee(), maxDur: 5 } })).status).toBe(400);
    expect((await t.api('POST', '/api/calls', { token: d.token, body: { callee: callee(), extra: 1 } })).status).toBe(400);
    expect((await t.api('POST', '/api/calls', { token: d.token, body: {} })).status).toBe(400);
    const np = await t.api('POST', '/api/calls', { token: noPhone.token, body: { callee: callee() } });
    expect(np.status).toBe(400);
    expect(np.body.field).toBe('caller');
    expect(sent(startCallPath)).toBe(before);
  });

  it('body types are strict: "600" where a number belongs is refused and sends nothing (querystrings still take ?limit=1)', async () => {
    const d = await t.user('dispatcher', { phone: '13800138010' });
    const before = sent(startCallPath);
    const asText = await t.api('POST', '/api/calls', { token: d.token, body: { callee: callee(), maxDur: '600' } });
    expect(asText.status).toBe(400);
    expect(asText.body).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(String(asText.body.message)).toMatch(/maxDur/);
    const conf = await t.api('POST', '/api/conferences', { token: d.token, body: { callees: [callee()], maxDur: '600' } });
    expect(conf.status).toBe(400);
    // A number where a string belongs is not turned into one either.
    expect((await t.api('POST', '/api/calls', { token: d.token, body: { callee: 13900139000 } })).status).toBe(400);
    expect(sent(startCallPath)).toBe(before);
    // The same value as a real number is fine.
    expect((await t.api('POST', '/api/calls', { token: d.token, body: { callee: callee(), maxDur: 600 } })).status).toBe(200);
    const disabled = await t.api('PATCH', `/api/users/${d.username}`, { token: t.adminToken, body: { disabled: 'true' } });
    expect(disabled.status).toBe(400);
    expect((await t.api('GET', '/api/me', { token: d.token })).status).toBe(200);
  });

  it('a Yunxin failure comes back as data, is recorded, and is not retried', async () => {
    const d = await t.user('dispatcher', { phone: '13800138004' });
    t.simulator!.faults.set({ kind: 'code', code: 403, path: startCallPath, times: 1 });
    const before = sent(startCallPath);
    const r = await t.api<{ id: number }>('POST', '/api/calls', { token: d.token, body: { callee: callee() } });
    expect(r.status).toBe(502);
    expect(r.body).toMatchObject({ ok: false, code: 403 });
    expect(sent(startCallPath)).toBe(before + 1);
    const list = await t.api<{ items: Array<Record<string, unknown>> }>('GET', '/api/calls', { token: d.token });
    expect(list.body.items.find((i) => i.id === r.body.id)).toMatchObject({ session: null, result: { ok: false, code: 403 }, bill: null });
  });

  it('a timeout is never retried: the hub asks once and reports the unknown outcome', async () => {
    const d = await t.user('dispatcher', { phone: '13800138005' });
    t.simulator!.faults.set({ kind: 'reset', at: 'headers', path: startCallPath, times: 1 });
    const before = sent(startCallPath);
    const r = await t.api('POST', '/api/calls', { token: d.token, body: { callee: callee() } });
    expect(r.body.ok).toBe(false);
    expect(sent(startCallPath)).toBe(before + 1);
  });

  it('conferences: 1–8 distinct callees, not the caller; the callee list goes to Yunxin as JSON', async () => {
    const d = await t.user('dispatcher', { phone: '13800138006' });
    const before = sent(startConfPath);
    const nine = Array.from({ length: 9 }, () => callee());
    expect((await t.api('POST', '/api/conferences', { token: d.token, body: { callees: nine } })).status).toBe(400);
    expect((await t.api('POST', '/api/conferences', { token: d.token, body: { callees: [] } })).status).toBe(400);
    const dup = callee();
    expect((await t.api('POST', '/api/conferences', { token: d.token, body: { callees: [dup, `+86${dup}`] } })).status).toBe(400);
    expect((await t.api('POST', '/api/conferences', { token: d.token, body: { callees: ['13800138006', callee()] } })).status).toBe(400);
    expect(sent(startConfPath)).toBe(before);
    const members = [callee(), callee()];
    const r = await t.api<{ session: string; id: number }>('POST', '/api/conferences', { token: d.token, body: { callees: members } });
    expect(r.status).toBe(200);
    const req = t.simulator!.requests.filter((x) => x.path === startConfPath).at(-1)!;
    expect(JSON.parse(req.params.callee)).toEqual(members);
    // Without a maxDur the hub gives each leg (both callees and the caller) the default 10 minutes.
    expect(req.params.maxDur).toBe(String(600 * 3));
    expect((await t.api('POST', '/api/conferences', { token: d.token, body: { callees: members } })).status).toBe(409);
    expect(sent(startConfPath)).toBe(before + 1);
  });

  it('conferences with extensions: two extensions at one switchboard are two legs; the same extension twice is refused; only main numbers go to Yunxin', async () => {
    const d = await t.user('dispatcher', { phone: '13800138026' });
    const before = sent(startConfPath);
    const board = `010${String(62230000 + ++seq)}`;
    const refused = await t.api('POST', '/api/conferences', { token: d.token, body: { callees: [board, board], extensions: ['396', '396'] } });
    expect(refused.status).toBe(400);
    expect((await t.api('POST', '/api/conferences', { token: d.token, body: { callees: [board], extensions: ['39a'] } })).status).toBe(400);
    expect(sent(startConfPath)).toBe(before);
    const r = await t.api('POST', '/api/conferences', { token: d.token, body: { callees: [board, board, callee()], extensions: ['396', '401', ''] } });
    expect(r.status).toBe(200);
    const req = t.simulator!.requests.filter((x) => x.path === startConfPath).at(-1)!;
    expect(JSON.parse(req.params.callee).slice(0, 2)).toEqual([board, board]);
    expect(JSON.stringify(req.params)).not.toMatch(/396|401/);
  });

  it('conferences: a total beyond one call’s maximum is accepted up to the maximum per leg × 9 legs', async () => {
    const d = await t.user('dispatcher', { phone: '13800138016' });
    const eight = Array.from({ length: 8 }, () => callee());
    const before = sent(startConfPath);
    expect((await t.api('POST', '/api/conferences', { token: d.token, body: { callees: eight, maxDur: 3600 * 9 + 1 } })).status).toBe(400);
    expect(sent(startConfPath)).toBe(before);
    const r = await t.api('POST', '/api/conferences', { token: d.token, body: { callees: eight, maxDur: 600 * 9 } });
    expect(r.status).toBe(200);
    expect(t.simulator!.requests.filter((x) => x.path === startConfPath).at(-1)!.params.maxDur).toBe(String(5400));
  });

  it('GET /api/calls: dispatchers see their own; supervisors and admins everyone (or only theirs with mine=true)', async () => {
    const a = await t.user('dispatcher', { phone: '13800138007' });
    const b = await t.user('dispatcher', { phone: '13800138008' });
    const s = await t.user('supervisor', { phone: '13800138009' });
    const ra = await t.api<{ id: number }>('POST', '/api/calls', { token: a.token, body: { callee: callee() } });
    const rb = await t.api<{ id: number }>('POST', '/api/calls', { token: b.token, body: { callee: callee() } });
    const ids = async (token: string, q = '') =>
      (await t.api<{ items: Array<{ id: number }> }>('GET', `/api/calls${q}`, { token })).body.items.map((i) => i.id);
    expect(await ids(a.token)).toContain(ra.body.id);
    expect(await ids(a.token)).not.toContain(rb.body.id);
    expect(await ids(a.token, '?mine=false')).not.toContain(rb.body.id);
    expect(await ids(s.token)).toEqual(expect.arrayContaining([ra.body.id, rb.body.id]));
    expect(await ids(t.adminToken)).toEqual(expect.arrayContaining([ra.body.id, rb.body.id]));
    expect(await ids(s.token, '?mine=true')).not.toContain(ra.body.id);
    // Paging: newest first, `before` continues below an id.
    const page = await ids(t.adminToken, `?limit=1&before=${rb.body.id}`);
    expect(page).toHaveLength(1);
    expect(page[0]).toBeLessThan(rb.body.id);
    expect((await t.api('GET', '/api/calls')).status).toBe(401);
    expect((await t.api('GET', '/api/calls?limit=0', { token: a.token })).status).toBe(400);
  });

  it('calls are audited in the same transaction as the call row', async () => {
    const d = await t.user('dispatcher', { phone: '13800138010' });
    const r = await t.api<{ id: number }>('POST', '/api/calls', { token: d.token, body: { callee: callee() } });
    const audit = await t.api<{ items: Array<{ action: string; actor: string; target: string }> }>('GET', '/api/audit?action=call.place', {
      token: t.adminToken,
    });
    expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ actor: d.username, target: String(r.body.id) })]));
  });
});
