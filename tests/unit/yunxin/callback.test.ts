import { describe, expect, it } from 'vitest';
import { parseCallbackBill, signCallback, verifyCallback } from '../../../src/yunxin/callback';
import { md5Hex } from '../../../src/yunxin/sign';

const SECRET = 'c915496e6e5b';

describe('callback signature vectors from the doc', () => {
  it.each([
    ['{}', '99914b932bd37a50b983c5e7c90ae93b', 1608110108512, '061f39be20d30f957cefe3a33a96bcb46f40f181'],
    ['{"eventType":"10"}', '2ba0889e79288da774d51967fe6ef5c1', 1440570500855, 'ddb0a02251089e0190331d3d0d82aeb5f42316f9'],
  ])('%s', (body, md5, curTime, sum) => {
    const raw = Buffer.from(body);
    expect(md5Hex(raw)).toBe(md5);
    expect(signCallback(SECRET, raw, curTime)).toEqual({
      'Content-Type': 'application/json;charset=utf-8',
      CurTime: String(curTime),
      MD5: md5,
      CheckSum: sum,
    });
    expect(verifyCallback({ appSecret: SECRET, headers: { curtime: String(curTime), md5, checksum: sum }, rawBody: raw, now: curTime })).toBe(true);
  });
});

describe('verifyCallback rejects tampering', () => {
  const raw = Buffer.from('{"eventType":"10"}');
  const NOW = 1440570500855;
  const good = { curtime: '1440570500855', md5: '2ba0889e79288da774d51967fe6ef5c1', checksum: 'ddb0a02251089e0190331d3d0d82aeb5f42316f9' };
  const ok = (over: Partial<typeof good>, body = raw, appSecret = SECRET) =>
    verifyCallback({ appSecret, headers: { ...good, ...over }, rawBody: body, now: NOW });

  it('accepts the untouched request, with any header casing', () => {
    expect(ok({})).toBe(true);
    expect(
      verifyCallback({ appSecret: SECRET, headers: { CurTime: good.curtime, MD5: good.md5.toUpperCase(), CheckSum: good.checksum }, rawBody: raw, now: NOW }),
    ).toBe(true);
  });

  it('a changed body (same headers) fails', () => {
    expect(ok({}, Buffer.from('{"eventType":"11"}'))).toBe(false);
    expect(ok({}, Buffer.from('{"eventType": "10"}'))).toBe(false);
  });

  it('a body changed together with a recomputed MD5 fails the CheckSum', () => {
    const forged = Buffer.from('{"eventType":"11"}');
    expect(ok({ md5: md5Hex(forged) }, forged)).toBe(false);
  });

  it('a changed CurTime, CheckSum or secret fails', () => {
    expect(ok({ curtime: '1440570500856' })).toBe(false);
    expect(ok({ checksum: 'ddb0a02251089e0190331d3d0d82aeb5f42316f0' })).toBe(false);
    expect(ok({}, raw, 'another-secret')).toBe(false);
  });

  it('missing or malformed headers fail without throwing', () => {
    expect(ok({ curtime: undefined as never })).toBe(false);
    expect(ok({ md5: 'xyz' })).toBe(false);
    expect(ok({ checksum: '' })).toBe(false);
    expect(ok({ curtime: '1440570500.855' })).toBe(false);
    expect(verifyCallback({ appSecret: '', headers: good, rawBody: raw })).toBe(false);
    expect(verifyCallback({ appSecret: SECRET, headers: undefined as never, rawBody: raw })).toBe(false);
    expect(verifyCallback({ appSecret: SECRET, headers: good, rawBody: 'text' as never })).toBe(false);
  });

  it('round-trips with signCallback on a UTF-8 body', () => {
    const body = Buffer.from(JSON.stringify({ eventType: '10', callback: '{"note":"调度"}' }));
    const h = signCallback('s3cret', body, 1_700_000_000_123);
    expect(verifyCallback({ appSecret: 's3cret', headers: { ...h }, rawBody: body, now: 1_700_000_000_123 })).toBe(true);
  });
});

describe('parseCallbackBill', () => {
  const callBill = {
    callee: '13900139000',
    caller: '13800138000',
    createtime: 1714528800000,
    durationSec: 37,
    initAccount: 'dispatch01',
    legs: [
      { endTime: '2024-05-01 10:00:37', endpoint: '13800138000', hangCause: 'NORMAL_CLEARING' },
      { endTime: '2024-05-01 10:00:37', endpoint: '13900139000', hangCause: 'NO_USER_RESPONSE' },
    ],
    session: 'f3a1c0de-0000-4000-8000-000000000001',
    starttime: 1714528800500,
    status: 'SUCCESS',
  };

  it('parses a single-call bill with callback as JSON inside a string', () => {
    const r = parseCallbackBill(Buffer.from(JSON.stringify({ eventType: '10', callback: JSON.stringify(callBill) })));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bill).toMatchObject({
      eventType: '10',
      session: callBill.session,
      type: 'call',
      status: 'SUCCESS',
      durationSec: 37,
      caller: '13800138000',
      callee: '13900139000',
      initAccount: 'dispatch01',
      members: [],
      legs: [
        { endpoint: '13800138000', hangCause: 'NORMAL_CLEARING', endTime: '2024-05-01 10:00:37' },
        { endpoint: '13900139000', hangCause: 'NO_USER_RESPONSE', endTime: '2024-05-01 10:00:37' },
      ],
    });
    expect(r.bill.raw).toEqual(callBill);
  });

  it('parses a conference bill with doubly-encoded members and a numeric eventType', () => {
    const members = [
      { callee: '13900139000', durationSec: 20, hangCause: 'NORMAL_CLEARING' },
      { callee: '13700137000', durationSec: 0, hangCause: 'USER_BUSY' },
    ];
    const conf = {
      createtime: 1,
      durationSec: '20',
      initAccount: 'dispatch01',
      members: JSON.stringify(members),
      session: 'conf-1',
      starttime: 2,
      status: 'SUCCESS',
    };
    const r = parseCallbackBill(JSON.stringify({ eventType: 10, callback: JSON.stringify(conf) }));
    expect(r).toMatchObject({ ok: true, bill: { type: 'conf', session: 'conf-1', members, durationSec: 20, eventType: '10' } });
  });

  it('honours an explicit type marker', () => {
    const r = parseCallbackBill(JSON.stringify({ eventType: '10', callback: JSON.stringify({ ...callBill, type: 'CALL' }) }));
    expect(r).toMatchObject({ ok: true, bill: { type: 'call' } });
  });

  it.each([
    ['not JSON', 'eventType=10'],
    ['an array', '[]'],
    ['another event type', JSON.stringify({ eventType: '1', callback: JSON.stringify(callBill) })],
    ['no eventType', JSON.stringify({ callback: JSON.stringify(callBill) })],
    ['no callback', JSON.stringify({ eventType: '10' })],
    ['callback not JSON', JSON.stringify({ eventType: '10', callback: '{oops' })],
    ['bill without session', JSON.stringify({ eventType: '10', callback: JSON.stringify({ status: 'SUCCESS' }) })],
  ])('rejects %s without throwing', (_n, body) => {
    expect(parseCallbackBill(Buffer.from(body))).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});
