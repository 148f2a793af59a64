import { afterEach, describe, expect, it } from 'vitest';
import { CALL, CONF, SECRET, client, closeAll, json, startLoopback } from './loopback';

afterEach(closeAll);

async function silentServer() {
  return startLoopback((_q, res) => json(res, { code: 200, obj: { session: 'should-not-happen' } }));
}

describe('invalid input never reaches the wire', () => {
  it.each([
    ['callee with letters', { ...CALL, callee: '1390013900x' }, 'callee'],
    ['foreign callee', { ...CALL, callee: '+1 415 555 0100' }, 'callee'],
    ['callee equals caller', { ...CALL, callee: CALL.caller }, 'callee'],
    ['bad callerAcc', { ...CALL, callerAcc: 'has space' }, 'callerAcc'],
    ['empty caller', { ...CALL, caller: '' }, 'caller'],
    ['maxDur too big', { ...CALL, maxDur: 999_999 }, 'maxDur'],
    ['maxDur as text', { ...CALL, maxDur: '600' as unknown as number }, 'maxDur'],
  ])('startCall: %s', async (_name, input, field) => {
    const lb = await silentServer();
    const r = await client(lb.baseUrl).startCall(input);
    expect(r).toMatchObject({ ok: false, code: 'invalid_input', field });
    expect(lb.requests).toHaveLength(0);
  });

  it('startCall respects a narrowed maxDur range', async () => {
    const lb = await silentServer();
    const r = await client(lb.baseUrl, { maxDurRange: { min: 30, max: 120 } }).startCall({ ...CALL, maxDur: 600 });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input', field: 'maxDur' });
    expect(lb.requests).toHaveLength(0);
  });

  it.each([
    ['nine callees', { ...CONF, callees: Array.from({ length: 9 }, (_, i) => `1390013900${i}`) }],
    ['no callees', { ...CONF, callees: [] }],
    ['duplicate callees', { ...CONF, callees: ['13900139000', '139 0013 9000'] }],
    ['callees not an array', { ...CONF, callees: '13900139000' as unknown as string[] }],
  ])('startConf: %s', async (_name, input) => {
    const lb = await silentServer();
    const r = await client(lb.baseUrl).startConf(input);
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(lb.requests).toHaveLength(0);
  });

  it.each([
    ['empty session', { session: '', type: 'call' }, 'session'],
    ['session too long', { session: 'a'.repeat(129), type: 'call' }, 'session'],
    ['session with odd characters', { session: 'abc&type=2', type: 'call' }, 'session'],
    ['session not text', { session: 42, type: 'call' }, 'session'],
    ['unknown type', { session: 'abc', type: 'meeting' }, 'type'],
  ])('querySession: %s', async (_name, input, field) => {
    const lb = await silentServer();
    const r = await client(lb.baseUrl).querySession(input as never);
    expect(r).toMatchObject({ ok: false, code: 'invalid_input', field });
    expect(lb.requests).toHaveLength(0);
  });

  it('checkAccount: bad callerAcc → unknown_caller_acc, nothing sent', async () => {
    const lb = await silentServer();
    const r = await client(lb.baseUrl).checkAccount({ callerAcc: '中文账号' });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input', field: 'callerAcc', verdict: 'unknown_caller_acc' });
    expect(lb.requests).toHaveLength(0);
  });

  it('a missing request object resolves instead of throwing', async () => {
    const lb = await silentServer();
    const c = client(lb.baseUrl);
    await expect(c.startCall(undefined as never)).resolves.toMatchObject({ ok: false, code: 'invalid_input' });
    await expect(c.startConf(null as never)).resolves.toMatchObject({ ok: false, code: 'invalid_input' });
    await expect(c.querySession(undefined as never)).resolves.toMatchObject({ ok: false, code: 'invalid_input' });
    await expect(c.checkAccount(undefined as never)).resolves.toMatchObject({ ok: false });
    expect(lb.requests).toHaveLength(0);
  });
});

describe('bad client options resolve as failures, nothing sent', () => {
  it.each([
    ['empty AppKey', { appKey: '' }, 'not_configured'],
    ['empty AppSecret', { appSecret: '' }, 'not_configured'],
    ['AppKey with spaces', { appKey: 'fd46 0d34' }, 'invalid_input'],
    ['non-http base URL', { baseUrl: 'ftp://example.com' }, 'invalid_input'],
    ['garbage base URL', { baseUrl: 'not a url' }, 'invalid_input'],
    ['base URL with credentials', { baseUrl: 'https://u:p@api.netease.im' }, 'invalid_input'],
    ['zero timeout', { timeoutMs: 0 }, 'invalid_input'],
  ])('%s', async (_name, opts, code) => {
    const lb = await silentServer();
    const c = client(lb.baseUrl, opts);
    expect(await c.startCall(CALL)).toMatchObject({ ok: false, code });
    expect(await c.querySession({ session: 's', type: 'call' })).toMatchObject({ ok: false, code });
    expect(await c.checkAccount({ callerAcc: 'dispatch01' })).toMatchObject({ ok: false, code });
    expect(lb.requests).toHaveLength(0);
    expect(JSON.stringify(await c.startConf(CONF))).not.toContain(SECRET);
  });

  it('an empty AppSecret is reported as such by the account check', async () => {
    const r = await client('http://127.0.0.1:9', { appSecret: '' }).checkAccount({ callerAcc: 'dispatch01' });
    expect(r).toMatchObject({ ok: false, code: 'not_configured', verdict: 'bad_app_secret' });
  });
});
