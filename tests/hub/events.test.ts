import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './support/engines';
import { startTestHub, type TestHub } from './support/harness';
import { openSse } from './support/sse';

describe.each(engines)('GET /api/events (SSE) ($name)', (engine) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(engine, { hub: { heartbeatMs: 200 } });
  });
  afterAll(async () => t?.close());

  const createGroup = (token: string, name: string) => t.api<{ item: { id: string } }>('POST', '/api/groups', { token, body: { name } });

  it('needs a token', async () => {
    const c = await openSse(`${t.url}/api/events`, undefined);
    expect(c.status).toBe(401);
    const forged = await openSse(`${t.url}/api/events`, 'x'.repeat(43));
    expect(forged.status).toBe(401);
  });

  it('delivers live events with ids; Last-Event-ID replays exactly what was missed', async () => {
    const d = await t.user('dispatcher');
    const live = await openSse(`${t.url}/api/events`, d.token);
    await createGroup(d.token, 'first');
    const [first] = await live.until((es) => es.some((e) => e.event === 'directory'));
    expect(first.id).toMatch(/^\d+$/);
    expect(first.data).toMatchObject({ kind: 'group', action: 'create' });
    live.close();

    // Missed while disconnected:
    await createGroup(d.token, 'second');
    await createGroup(d.token, 'third');
    const resumed = await openSse(`${t.url}/api/events`, d.token, first.id);
    const got = await resumed.until((es) => es.filter((e) => e.event === 'directory').length >= 2);
    expect(got.map((e) => Number(e.id))).toEqual([...got.map((e) => Number(e.id))].sort((a, b) => a - b));
    expect(got.every((e) => Number(e.id) > Number(first.id))).toBe(true);
    // And then the live feed continues on the same stream, without repeats.
    await createGroup(d.token, 'fourth');
    const all = await resumed.until((es) => es.filter((e) => e.event === 'directory').length >= 3);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    resumed.close();
  });

  it("a dispatcher sees their own call events, not another dispatcher's; a supervisor sees both", async () => {
    const a = await t.user('dispatcher', { phone: '13800138101' });
    const b = await t.user('dispatcher', { phone: '13800138102' });
    const s = await t.user('supervisor');
    const [sa, sb, ss] = await Promise.all([
      openSse(`${t.url}/api/events`, a.token),
      openSse(`${t.url}/api/events`, b.token),
      openSse(`${t.url}/api/events`, s.token),
    ]);
    const ra = await t.api<{ id: number }>('POST', '/api/calls', { token: a.token, body: { callee: '13900139101' } });
    const rb = await t.api<{ id: number }>('POST', '/api/calls', { token: b.token, body: { callee: '13900139102' } });
    await ss.until((es) => [ra.body.id, rb.body.id].every((id) => es.some((e) => e.event === 'call' && e.data.callId === id)));
    // b's own event arriving on b's stream proves a's stream had the chance to see it too.
    await sa.until((es) => es.some((e) => e.event === 'call' && e.data.callId === ra.body.id));
    await sb.until((es) => es.some((e) => e.event === 'call' && e.data.callId === rb.body.id));
    await sa.until((es) => es.some((e) => e.event === 'bill' && e.data.callId === ra.body.id));
    await sb.until((es) => es.some((e) => e.event === 'bill' && e.data.callId === rb.body.id));
    expect(sa.events.some((e) => e.data.callId === rb.body.id)).toBe(false);
    expect(sb.events.some((e) => e.data.callId === ra.body.id)).toBe(false);
    for (const c of [sa, sb, ss]) c.close();
  });

  it('a stream ends within a heartbeat once its token is revoked', async () => {
    const d = await t.user('dispatcher');
    const c = await openSse(`${t.url}/api/events`, d.token);
    await t.api('POST', '/api/logout', { token: d.token });
    await c.closed;
  });

  it('counts open streams in /metrics', async () => {
    const d = await t.user('dispatcher');
    const c = await openSse(`${t.url}/api/events`, d.token);
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(Number(/^hub_sse_clients (\d+)/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
    c.close();
  });
});

describe('hub shutdown with a stream still open', () => {
  it('ends the open streams instead of waiting for their clients to hang up', async () => {
    // An hour's heartbeat: nothing but the shutdown can end this stream.
    const t = await startTestHub(engines[0], { hub: { heartbeatMs: 3_600_000 } });
    const d = await t.user('dispatcher');
    const c = await openSse(`${t.url}/api/events`, d.token);
    await t.close();
    await c.closed;
  });
});
