import { words } from '../../support/words';
import { afterEach, describe, expect, it } from 'vitest';
import { SHORT_TIMEOUT_MS, client, closeAll, json, refusedBaseUrl, startLoopback } from './loopback';

afterEach(closeAll);

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toUTCString();

async function check(body: unknown, status = 200, headers: Record<string, string> = {}) {
  const lb = await startLoopback((_q, res) => json(res, body, status, headers));
  return client(lb.baseUrl).checkAccount({ callerAcc: 'Dispatch01' });
}

describe('checkAccount verdicts', () => {
  it('ok when uinfos lists the accid (the server lower-cases it)', async () => {
    const r = await check({ code: 200, uinfos: [{ accid: 'dispatch01', name: 'Desk' }] });
    expect(r).toMatchObject({ ok: true, verdict: 'ok' });
    expect(r.ok && r.detail).toContain('Dispatch01');
  });

  it('ok carries a skew warning when the clock is off', async () => {
    const r = await check({ code: 200, uinfos: [{ accid: 'dispatch01' }] }, 200, { Date: minutesAgo(3) });
    expect(r).toMatchObject({ ok: true, verdict: 'ok' });
    expect(r.clockSkewSeconds).toBeGreaterThan(170);
  });

  it.each([
    ['empty uinfos', { code: 200, uinfos: [] }],
    ['missing uinfos', { code: 200 }],
    ['another accid', { code: 200, uinfos: [{ accid: 'someone' }] }],
    ['414 naming accids', { code: 414, desc: "bad param 'accids'" }],
    ['414 mentioning the accid', { code: 414, desc: 'dispatch01 not exist' }],
  ])('unknown_caller_acc: %s', async (_n, body) => {
    const r = await check(body);
    expect(r).toMatchObject({ ok: false, verdict: 'unknown_caller_acc' });
    expect(r.ok ? '' : words(r, 'en')).toMatch(/create/i);
  });

  it.each([
    ['414 checksum', { code: 414, desc: 'checksum' }, 'bad_app_secret'],
    ['403 appkey', { code: 403, desc: 'appkey not exist' }, 'bad_app_key'],
    ['414 appkey', { code: 414, msg: 'invalid appKey' }, 'bad_app_key'],
    ['403 other', { code: 403, desc: 'illegal operation' }, 'bad_app_key'],
    ['414 bad http header', { code: 414, desc: 'bad http header' }, 'bad_app_key'],
    ['403 no authorization', { code: 403, msg: 'no authorization' }, 'no_permission'],
    ['315 ip', { code: 315 }, 'no_permission'],
    ['414 CurTime expired', { code: 414, desc: 'CurTime is expired' }, 'clock_skew'],
    ['500', { code: 500 }, 'unreachable'],
    ['416', { code: 416 }, 'unreachable'],
  ])('%s → %s', async (_n, body, verdict) => {
    expect(await check(body)).toMatchObject({ ok: false, verdict });
  });

  it('a 414 while the clock is more than 5 minutes off → clock_skew', async () => {
    const r = await check({ code: 414, desc: 'checksum' }, 200, { Date: minutesAgo(8) });
    expect(r).toMatchObject({ ok: false, verdict: 'clock_skew' });
  });

  it('connection refused → unreachable', async () => {
    const r = await client(await refusedBaseUrl()).checkAccount({ callerAcc: 'dispatch01' });
    expect(r).toMatchObject({ ok: false, code: 'network', verdict: 'unreachable' });
  });

  it('timeout → unreachable', async () => {
    const lb = await startLoopback(() => undefined);
    const r = await client(lb.baseUrl, { timeoutMs: SHORT_TIMEOUT_MS }).checkAccount({ callerAcc: 'dispatch01' });
    expect(r).toMatchObject({ ok: false, code: 'timeout', verdict: 'unreachable' });
  });

  it('an HTML page → unreachable', async () => {
    const lb = await startLoopback((_q, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });
    const r = await client(lb.baseUrl).checkAccount({ callerAcc: 'dispatch01' });
    expect(r).toMatchObject({ ok: false, code: 'bad_response', verdict: 'unreachable', httpStatus: 502 });
  });
});
