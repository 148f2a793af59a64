import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCallback } from '../../src/yunxin';
import { engines } from './support/engines';
import { startTestHub, type TestHub } from './support/harness';

/** The vendor vectors' secret (docs/yunxin-ecp.md): the hub runs in production mode with it. */
const SECRET = 'c915496e6e5b';
const PRODUCTION_ENV = { YUNXIN_APP_KEY: 'a'.repeat(32), YUNXIN_APP_SECRET: SECRET, YUNXIN_CALLER_ACC: 'dispatcher' };

function billBody(session: string, extra: Record<string, unknown> = {}, eventType: string | number = '10'): string {
  const bill = {
    session,
    caller: '13800138000',
    callee: '13900139000',
    initAccount: 'dispatcher',
    createtime: 1_700_000_000_000,
    starttime: 1_700_000_003_000,
    durationSec: 42,
    status: 'SUCCESS',
    legs: [
      { endpoint: '13800138000', hangCause: 'NORMAL_CLEARING', endTime: '2023-11-15 06:14:05' },
      { endpoint: '13900139000', hangCause: 'NO_USER_RESPONSE', endTime: '2023-11-15 06:14:04' },
    ],
    ...extra,
  };
  return JSON.stringify({ eventType, callback: JSON.stringify(bill) });
}

function confBody(session: string): string {
  const members = [
    { endpoint: '13800138000', durationSec: 10, hangCause: 'NORMAL_CLEARING', endTime: '2023-11-15 06:14:05' },
    { endpoint: '13700137000', durationSec: 10, hangCause: 'NORMAL_CLEARING', endTime: '2023-11-15 06:14:06' },
  ];
  const bill = { session, createtime: 1_700_000_000_000, durationSec: 20, initAccount: 'dispatcher', members: JSON.stringify(members), status: 'SUCCESS' };
  return JSON.stringify({ eventType: 10, callback: JSON.stringify(bill) });
}

describe.each(engines)('POST /yunxin/callback ($name)', (engine) => {
  let t: TestHub;
  let clock = Date.now();
  beforeAll(async () => {
    t = await startTestHub(engine, { env: PRODUCTION_ENV, hub: { now: () => clock } });
  });
  afterAll(async () => t?.close());

  async function post(body: string | Buffer, headers: Record<string, string>) {
    const res = await fetch(`${t.url}/yunxin/callback`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  const signed = (body: string, at = clock) => signCallback(SECRET, body, at) as unknown as Record<string, string>;
  const billCount = async () => Number((await t.hub.db.query<{ n: string }>('SELECT count(*) AS n FROM bills')).rows[0].n);
  const rejected = async (reason: string) => {
    const text = await (await fetch(`${t.url}/metrics`)).text();
    const m = new RegExp(`hub_bills_rejected_total\\{reason="${reason}"\\} (\\d+)`).exec(text);
    return m ? Number(m[1]) : 0;
  };

  it('the documented vectors verify: body {} at CurTime 1608110108512 passes the signature (then is unparsable)', async () => {
    clock = 1608110108512;
    const r = await post('{}', {
      'content-type': 'application/json',
      CurTime: '1608110108512',
      MD5: '99914b932bd37a50b983c5e7c90ae93b',
      CheckSum: '061f39be20d30f957cefe3a33a96bcb46f40f181',
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('unparsable');
    clock = 1440570500855;
    const r2 = await post('{"eventType":"10"}', {
      'content-type': 'application/json',
      CurTime: '1440570500855',
      MD5: '2ba0889e79288da774d51967fe6ef5c1',
      CheckSum: 'ddb0a02251089e0190331d3d0d82aeb5f42316f9',
    });
    expect(r2.status).toBe(400);
    expect(r2.body.code).toBe('unparsable');
    // One changed digit in the CheckSum and the same body is refused as forged.
    const r3 = await post('{}', {
      'content-type': 'application/json',
      CurTime: '1440570500855',
      MD5: '99914b932bd37a50b983c5e7c90ae93b',
      CheckSum: '061f39be20d30f957cefe3a33a96bcb46f40f180',
    });
    expect(r3.status).toBe(401);
    clock = Date.now();
  });

  it('a valid bill is stored (raw and parsed) and answered 200; the same bill again is 200 and stored once', async () => {
    const before = await billCount();
    const body = billBody('sess-single-1');
    const r = await post(body, signed(body));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, duplicate: false, session: 'sess-single-1' });
    // A redelivery is re-signed with a later CurTime by Yunxin: still one row.
    const again = await post(body, signed(body, clock + 1000));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ ok: true, duplicate: true });
    expect(await billCount()).toBe(before + 1);
    const row = await t.hub.db.query<{ raw: string; status: string; duration_sec: number; kind: string; ended_at: string; parsed: { legs: unknown[] } }>(
      'SELECT raw, status, duration_sec, kind, ended_at, parsed FROM bills WHERE session = $1',
      ['sess-single-1'],
    );
    expect(row.rows[0].raw).toBe(body);
    expect(row.rows[0]).toMatchObject({ status: 'SUCCESS', duration_sec: 42, kind: 'call', ended_at: '2023-11-14T22:14:05.000Z' });
    expect(row.rows[0].parsed.legs).toEqual([
      { number: '13800138000', hangCause: 'NORMAL_CLEARING', endedAt: '2023-11-14T22:14:05.000Z' },
      { number: '13900139000', hangCause: 'NO_USER_RESPONSE', endedAt: '2023-11-14T22:14:04.000Z' },
    ]);
  });

  it('a conference bill (numeric eventType, members encoded twice) is parsed; unknown sessions are kept', async () => {
    const body = confBody('sess-conf-unknown');
    const r = await post(body, signed(body));
    expect(r.status).toBe(200);
    const bills = await t.api<{ items: Array<Record<string, unknown>> }>('GET', '/api/bills?session=sess-conf-unknown', { token: t.adminToken });
    expect(bills.body.items).toHaveLength(1);
    expect(bills.body.items[0]).toMatchObject({ kind: 'conference', callId: null, raw: body });
    expect((bills.body.items[0].parsed as { legs: unknown[] }).legs).toHaveLength(2);
  });

  it('a newer "type":"CALL" bill with unknown fields is kept whole', async () => {
    const body = billBody('sess-typed', { type: 'CALL', somethingNew: { a: 1 } });
    expect((await post(body, signed(body))).status).toBe(200);
    const row = await t.hub.db.query<{ parsed: { bill: Record<string, unknown> } }>('SELECT parsed FROM bills WHERE session = $1', ['sess-typed']);
    expect(row.rows[0].parsed.bill.somethingNew).toEqual({ a: 1 });
  });

  it('every rejection path: 4xx, nothing stored, a counter, an audit row, a log line without the body', async () => {
    const before = await billCount();
    const body = billBody('sess-reject-13812345678');
    const good = signed(body);
    const cases: Array<[string, number, string | Buffer, Record<string, string>]> = [
      ['bad_signature', 401, body, { ...good, CheckSum: good.CheckSum.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }],
      ['bad_signature', 401, body.replace('42', '43'), good],
      ['bad_signature', 401, body, { 'content-type': 'application/json' }],
      ['bad_signature', 401, body, { ...good, MD5: 'zz' }],
      ['stale_time', 401, body, signed(body, clock - 6 * 60_000)],
      ['stale_time', 401, body, signed(body, clock + 6 * 60_000)],
      ['unparsable', 400, 'not json', signed('not json')],
      ['unparsable', 400, JSON.stringify({ eventType: '5', callback: '{}' }), signed(JSON.stringify({ eventType: '5', callback: '{}' }))],
      [
        'unparsable',
        400,
        JSON.stringify({ eventType: '10', callback: '{"status":"SUCCESS"}' }),
        signed(JSON.stringify({ eventType: '10', callback: '{"status":"SUCCESS"}' })),
      ],
    ];
    for (const [reason, status, b, headers] of cases) {
      const count = await rejected(reason);
      const r = await post(b, headers);
      expect([reason, r.status, r.body.code]).toEqual([reason, status, reason]);
      expect(await rejected(reason)).toBe(count + 1);
    }
    const big = Buffer.alloc(1024 * 1024 + 10, 0x20);
    const tooBig = await post(big, signed(big.toString()));
    expect(tooBig.status).toBe(413);
    expect(await rejected('too_large')).toBeGreaterThanOrEqual(1);

    expect(await billCount()).toBe(before);
    const audit = await t.api<{ items: Array<{ detail: { reason: string } }> }>('GET', '/api/audit?action=callback.rejected&limit=50', { token: t.adminToken });
    expect(audit.body.items.map((i) => i.detail.reason)).toEqual(expect.arrayContaining(['bad_signature', 'stale_time', 'unparsable', 'too_large']));
    const logs = t.logLines.join('');
    expect(logs).toContain('callback rejected');
    expect(logs).not.toContain('13812345678');
    expect(logs).not.toContain(SECRET);
  });

  it('answers 200 only after the row is committed: a failing insert gives 500 and no row', async () => {
    // Break the table for one request: the hub must not acknowledge a bill it did not store.
    await t.hub.db.query('ALTER TABLE bills ADD CONSTRAINT no_more_bills CHECK (session <> $$sess-cannot-store$$)');
    try {
      const body = billBody('sess-cannot-store');
      const r = await post(body, signed(body));
      expect(r.status).toBe(500);
      expect((await t.hub.db.query('SELECT 1 FROM bills WHERE session = $1', ['sess-cannot-store'])).rows).toHaveLength(0);
    } finally {
      await t.hub.db.query('ALTER TABLE bills DROP CONSTRAINT no_more_bills');
    }
  });

  it('the callback needs no token; /api/bills needs supervisor or admin', async () => {
    const d = await t.user('dispatcher', { phone: '13800138000' });
    const s = await t.user('supervisor');
    expect((await t.api('GET', '/api/bills', { token: d.token })).status).toBe(403);
    expect((await t.api('GET', '/api/bills', { token: s.token })).status).toBe(200);
    expect((await t.api('GET', '/api/bills')).status).toBe(401);
  });
});
