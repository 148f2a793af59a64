import { words } from '../../support/words';
/**
 * The client against the ECP simulator over real HTTP on loopback: every success path and every
 * error path the two can produce together, so a change to either side that breaks the pairing
 * (signing, encoding, parsing, error mapping) fails here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createYunxinClient, type YunxinClientOptions } from '../../../src/yunxin';
import { PATHS, startSimulator, type Fault, type Simulator } from '../../../src/simulator';

const APP = { appKey: 'simappkey0000000000000000000000aa', appSecret: 'simsecret00000000000000000000bb', accids: ['dispatch01'] };
const CALL = { callerAcc: 'dispatch01', caller: '13900139000', callee: '13800138000', maxDur: 120 };
const CONF = { callerAcc: 'dispatch01', caller: '13900139000', callees: ['13800138000', '01065529988', '4008100000'], maxDur: 600 };

let sim: Simulator;
let clock = Date.now();

beforeAll(async () => {
  sim = await startSimulator({ accounts: [APP], progress: { ringingMs: 1000, answeredMs: 5000 }, now: () => clock });
});
beforeEach(() => {
  sim.reset();
  clock = Date.now();
});
afterAll(() => sim.close());

const client = (extra: Partial<YunxinClientOptions> = {}) =>
  createYunxinClient({ appKey: APP.appKey, appSecret: APP.appSecret, baseUrl: sim.url, timeoutMs: 5000, ...extra });

describe('success paths', () => {
  it('startCall: a signed form request, answered with a session', async () => {
    const r = await client().startCall(CALL);
    expect(r).toMatchObject({ ok: true, caller: CALL.caller, callee: CALL.callee });
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]).toMatchObject({ path: PATHS.startCall, signatureValid: true, params: { callerAcc: 'dispatch01', maxDur: '120' } });
    expect(r.ok && JSON.parse(sim.requests[0].answer.body).obj.session).toBe(r.ok && r.session);
  });

  it('startConf: callees as a real JSON array', async () => {
    const r = await client().startConf(CONF);
    expect(r).toMatchObject({ ok: true, callees: CONF.callees });
    expect(JSON.parse(sim.requests[0].params.callee)).toEqual(CONF.callees);
  });

  it('querySession follows a call from ringing to answered to ended', async () => {
    const c = client();
    const placed = await c.startCall(CALL);
    if (!placed.ok) throw new Error(placed.message);
    const placedAt = clock;
    const states: string[] = [];
    // Progress: 1 s ringing, then 5 s answered. Step the simulator's clock instead of waiting.
    for (const offset of [100, 2000, 7000]) {
      clock = placedAt + offset;
      const q = await c.querySession({ session: placed.session, type: 'call' });
      if (!q.ok) throw new Error(q.message);
      states.push(q.status.state);
      if (q.status.state === 'ended') {
        expect(q.status.durationSec).toBeGreaterThan(0);
        expect(q.status.hangCause).toBeTruthy();
      }
    }
    expect(states).toEqual(['ringing', 'answered', 'ended']);
  });

  it('checkAccount: a known accid is ok and rings nobody', async () => {
    expect(await client().checkAccount({ callerAcc: 'dispatch01' })).toMatchObject({ ok: true, verdict: 'ok' });
    expect(sim.requests.map((r) => r.path)).toEqual(['/nimserver/user/getUinfos.action']);
  });
});

describe('server answers mapped to actionable errors', () => {
  it('wrong AppSecret → 414 checksum, explained as a secret/key mismatch', async () => {
    const r = await client({ appSecret: 'not-the-secret' }).startCall(CALL);
    expect(r).toMatchObject({ ok: false, code: 414 });
    expect(!r.ok && words(r, 'en')).toMatch(/AppSecret/);
    expect(!r.ok && words(r, 'zh-CN')).toMatch(/AppSecret/);
    expect(await client({ appSecret: 'not-the-secret' }).checkAccount({ callerAcc: 'dispatch01' })).toMatchObject({ verdict: 'bad_app_secret' });
  });

  it('unknown AppKey → the AppKey is named as the problem', async () => {
    expect(await client({ appKey: 'unknownkey' }).checkAccount({ callerAcc: 'dispatch01' })).toMatchObject({ ok: false, verdict: 'bad_app_key' });
  });

  it('unknown accid → bad param callerAcc, explained; checkAccount says which', async () => {
    const r = await client().startCall({ ...CALL, callerAcc: 'nobody' });
    expect(r).toMatchObject({ ok: false, code: 414 });
    expect(!r.ok && words(r, 'en')).toMatch(/accid|callerAcc/);
    expect(await client().checkAccount({ callerAcc: 'nobody' })).toMatchObject({ ok: false, code: 'not_found', verdict: 'unknown_caller_acc' });
  });

  it('a PC clock 10 minutes fast → CurTime is expired, with the skew in the result and the text', async () => {
    const fast = () => Date.now() + 600_000;
    const r = await client({ now: fast }).startCall(CALL);
    expect(r).toMatchObject({ ok: false, code: 414 });
    expect(!r.ok && r.clockSkewSeconds).toBeGreaterThan(550);
    expect(!r.ok && words(r, 'en')).toMatch(/clock/i);
    expect(await client({ now: fast }).checkAccount({ callerAcc: 'dispatch01' })).toMatchObject({ verdict: 'clock_skew' });
  });

  it.each([
    [403, 'no authorization', /4009-000-123/],
    [416, 'frequency control', /./],
    [417, 'repeated operation', /./],
    [419, 'quantity over limit', /./],
    [431, 'repeated request', /./],
    [500, 'server error', /./],
    [503, 'busy', /./],
    [514, 'service unavailable', /./],
  ])('code %i answer → code kept, advice given', async (code, desc, advice) => {
    sim.faults.set({ kind: 'code', code, desc });
    const r = await client().startCall(CALL);
    expect(r).toMatchObject({ ok: false, code });
    expect(!r.ok && words(r, 'zh-CN')).toBeTruthy();
    expect(!r.ok && words(r, 'en')).toMatch(advice);
    expect(sim.requests).toHaveLength(1);
  });
});

describe('transport failures: a clear error and exactly one request for a call', () => {
  it.each<[string, Fault, string | number]>([
    ['hang', { kind: 'hang' }, 'timeout'],
    ['reset mid-body', { kind: 'reset' }, 'network'],
    ['body trickled slower than the timeout', { kind: 'trickle', intervalMs: 200 }, 'timeout'],
    ['HTML 502', { kind: 'http502' }, 'bad_response'],
    ['HTML 503', { kind: 'http503' }, 'bad_response'],
    ['malformed JSON', { kind: 'bad_json' }, 'bad_response'],
    ['200 without obj.session', { kind: 'no_session' }, 'bad_response'],
    ['a 10 MB body', { kind: 'huge_body', bytes: 10 * 1024 * 1024 }, 'bad_response'],
  ])('%s', async (_label, fault, code) => {
    sim.faults.set(fault);
    const r = await client({ timeoutMs: 1500 }).startCall(CALL);
    expect(r).toMatchObject({ ok: false, code });
    expect(!r.ok && r.message).toBeTruthy();
    expect(sim.requests.filter((q) => q.path === PATHS.startCall)).toHaveLength(1);
    // The next call works once the fault is gone.
    sim.faults.set(null);
    expect(await client().startCall({ ...CALL, callee: '13700137000' })).toMatchObject({ ok: true });
  });

  it('bad input never reaches the simulator', async () => {
    const c = client();
    await c.startCall({ ...CALL, callee: '+1 415 555 0100' });
    await c.startConf({ ...CONF, callees: Array.from({ length: 9 }, (_, i) => `1380013800${i}`) });
    await c.startCall({ ...CALL, callee: CALL.caller });
    expect(sim.requests).toHaveLength(0);
  });
});
