import { afterEach, describe, expect, it } from 'vitest';
import { checkSum } from '../../../src/yunxin/sign';
import { createHttpTransport } from '../../../src/yunxin/http-transport';
import { callYunxin } from '../../../src/yunxin/protocol';
import { APP_KEY, CALL, CONF, SECRET, client, closeAll, json, startLoopback } from './loopback';

afterEach(closeAll);

const OK_SESSION = { code: 200, obj: { session: 'b1c2d3e4-0000-4000-8000-000000000001' } };

describe('request signing', () => {
  it('matches the documented vector', () => {
    expect(checkSum('c915496e6e5b', '4tgggergigwow323t23t', '1443592222')).toBe('69fb2c5603dc040f6c412de596771c8a0ef1f936');
  });

  it('signs every request afresh: new Nonce, CurTime in seconds, valid CheckSum', async () => {
    const lb = await startLoopback((_q, res) => json(res, OK_SESSION));
    const c = client(lb.baseUrl);
    expect((await c.startCall(CALL)).ok).toBe(true);
    expect((await c.startCall(CALL)).ok).toBe(true);
    expect(lb.requests).toHaveLength(2);
    const [a, b] = lb.requests.map((r) => r.headers);
    expect(a.nonce).not.toBe(b.nonce);
    for (const h of [a, b]) {
      const nonce = String(h.nonce);
      const curTime = String(h.curtime);
      expect(h.appkey).toBe(APP_KEY);
      expect(nonce.length).toBeGreaterThan(0);
      expect(nonce.length).toBeLessThanOrEqual(128);
      expect(curTime).toMatch(/^\d{10}$/);
      expect(Math.abs(Number(curTime) - Date.now() / 1000)).toBeLessThan(2);
      expect(h.checksum).toBe(checkSum(SECRET, nonce, curTime));
      expect(h['content-type']).toBe('application/x-www-form-urlencoded;charset=utf-8');
    }
  });

  it('takes CurTime from the injected clock', async () => {
    const lb = await startLoopback((_q, res) => json(res, OK_SESSION));
    const fixed = 1_443_592_222_500;
    await client(lb.baseUrl, { now: () => fixed }).startCall(CALL);
    expect(lb.requests[0].headers.curtime).toBe('1443592222');
  });
});

describe('request body', () => {
  it('posts a single call as a form to startcall.action', async () => {
    const lb = await startLoopback((_q, res) => json(res, OK_SESSION));
    const r = await client(lb.baseUrl).startCall({ ...CALL, callee: '+86 139-0013-9000' });
    expect(r).toMatchObject({ ok: true, session: OK_SESSION.obj.session, caller: '13800138000', callee: '13900139000', maxDur: 600 });
    const req = lb.requests[0];
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/call/ecp/startcall.action');
    expect(Object.fromEntries(req.form)).toEqual({ callerAcc: 'dispatch01', caller: '13800138000', callee: '13900139000', maxDur: '600' });
  });

  it('sends conference callees as a real JSON array string', async () => {
    const lb = await startLoopback((_q, res) => json(res, OK_SESSION));
    const r = await client(lb.baseUrl).startConf(CONF);
    expect(r).toMatchObject({ ok: true, callees: CONF.callees });
    const req = lb.requests[0];
    expect(req.url).toBe('/call/ecp/startconf.action');
    expect(req.form.get('callee')).toBe('["13900139000","13700137000"]');
    expect(JSON.parse(req.form.get('callee') ?? '')).toEqual(CONF.callees);
    expect(req.body).not.toContain("'");
  });

  it('queries a session with type 1 or 2', async () => {
    const lb = await startLoopback((_q, res) => json(res, { code: 200, obj: { status: 'RINGING' } }));
    const c = client(lb.baseUrl);
    await c.querySession({ session: 'abc-1', type: 'call' });
    await c.querySession({ session: 'abc-2', type: 'conf' });
    expect(lb.requests.map((r) => [r.url, r.form.get('session'), r.form.get('type')])).toEqual([
      ['/call/ecp/queryBySession.action', 'abc-1', '1'],
      ['/call/ecp/queryBySession.action', 'abc-2', '2'],
    ]);
  });

  it('checks the account through getUinfos with accids as a JSON array', async () => {
    const lb = await startLoopback((_q, res) => json(res, { code: 200, uinfos: [{ accid: 'dispatch01' }] }));
    const r = await client(lb.baseUrl).checkAccount({ callerAcc: 'dispatch01' });
    expect(r).toMatchObject({ ok: true, verdict: 'ok' });
    expect(lb.requests[0].url).toBe('/nimserver/user/getUinfos.action');
    expect(lb.requests[0].form.get('accids')).toBe('["dispatch01"]');
  });

  it('encodes the form body as UTF-8', async () => {
    const lb = await startLoopback((_q, res) => json(res, { code: 200 }));
    const cfg = {
      appKey: APP_KEY,
      appSecret: SECRET,
      root: lb.baseUrl,
      host: '127.0.0.1',
      timeoutMs: 5000,
      now: Date.now,
      transport: createHttpTransport(),
    };
    await callYunxin(cfg, '/x', { name: '调度台 A&B' }, { ringsPhones: false, retryOnNetworkError: false });
    expect(lb.requests[0].body).toBe('name=%E8%B0%83%E5%BA%A6%E5%8F%B0+A%26B');
    expect(lb.requests[0].form.get('name')).toBe('调度台 A&B');
  });

  it('keeps a path prefix of the base URL', async () => {
    const lb = await startLoopback((_q, res) => json(res, OK_SESSION));
    await client(`${lb.baseUrl}/sim/`).startCall(CALL);
    expect(lb.requests[0].url).toBe('/sim/call/ecp/startcall.action');
  });
});
