import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, PATHS, type Simulator } from '../../../src/simulator';
import { checkSum } from '../../../src/yunxin/sign';
import { APP, callForm, manualClock, post, signed } from './helpers';

const clock = manualClock();
let sim: Simulator;

beforeEach(async () => {
  sim ??= await startSimulator({ accounts: [APP], now: clock.now });
  sim.reset();
  clock.set(Date.UTC(2024, 4, 1, 8, 0, 0));
});
afterAll(() => sim?.close());

const at = () => ({ nowMs: clock.now() });
const BAD_HEADER = { desc: 'bad http header', code: 414 };

async function startCall(sign: Parameters<typeof post>[3]) {
  const answer = await post(sim, PATHS.startCall, callForm(), sign);
  return JSON.parse(answer.text) as Record<string, unknown>;
}

describe('signing headers', () => {
  it('accepts a correctly signed request', async () => {
    expect((await startCall(at())).code).toBe(200);
  });

  it.each(['AppKey', 'Nonce', 'CurTime', 'CheckSum'])('refuses a request without %s as a bad http header', async (name) => {
    expect(await startCall({ ...at(), omit: [name] })).toEqual(BAD_HEADER);
  });

  it('refuses an empty CheckSum as a bad http header', async () => {
    expect(await startCall({ ...at(), checkSum: '' })).toEqual(BAD_HEADER);
  });

  it('accepts a 128-character Nonce and refuses a 129-character one', async () => {
    expect((await startCall({ ...at(), nonce: 'x'.repeat(128) })).code).toBe(200);
    expect(await startCall({ ...at(), nonce: 'x'.repeat(129) })).toEqual(BAD_HEADER);
  });

  it.each(['abc', '1714550400.5', '-1714550400', '1.7e9', '1714550400s'])('refuses CurTime %j as a bad http header', async (curTime) => {
    expect(await startCall({ ...at(), curTime })).toEqual(BAD_HEADER);
  });

  it('answers an unknown AppKey with the inferred {"desc":"appkey","code":414}', async () => {
    const stranger = { appKey: '00000000000000000000000000000000', appSecret: 'x', accids: [] };
    expect(await startCall({ ...at(), account: stranger })).toEqual({ desc: 'appkey', code: 414 });
  });

  it('answers a wrong CheckSum with {"desc":"checksum","code":414}', async () => {
    expect(await startCall({ ...at(), account: { ...APP, appSecret: 'wrong-secret' } })).toEqual({ desc: 'checksum', code: 414 });
  });

  it('wants the CheckSum in lowercase hex, as the vendor page says', async () => {
    const nonce = 'abc';
    const curTime = String(Math.floor(clock.now() / 1000));
    const upper = checkSum(APP.appSecret, nonce, curTime).toUpperCase();
    expect(await startCall({ nonce, curTime, checkSum: upper })).toEqual({ desc: 'checksum', code: 414 });
  });
});

describe('CurTime freshness (server clock is now())', () => {
  const EXPIRED = { desc: 'CurTime is expired', code: 414 };

  it('refuses a CurTime more than 5 minutes old', async () => {
    expect(await startCall({ nowMs: clock.now() - 301_000 })).toEqual(EXPIRED);
  });

  it('refuses a CurTime more than 5 minutes in the future', async () => {
    expect(await startCall({ nowMs: clock.now() + 301_000 })).toEqual(EXPIRED);
  });

  it('accepts a CurTime just inside the window either way', async () => {
    expect((await startCall({ nowMs: clock.now() - 299_000 })).code).toBe(200);
    expect((await startCall({ nowMs: clock.now() + 299_000 })).code).toBe(200);
  });

  it('treats a CurTime sent in milliseconds as far in the future', async () => {
    expect(await startCall({ curTime: String(clock.now()) })).toEqual(EXPIRED);
  });

  it('follows the injected clock, not the host clock', async () => {
    clock.set(Date.UTC(2030, 0, 1));
    expect(await startCall({ nowMs: Date.UTC(2030, 0, 1) })).toMatchObject({ code: 200 });
    expect(await startCall({ nowMs: Date.UTC(2024, 4, 1) })).toEqual(EXPIRED);
  });

  it('sends a Date header from the server clock so clients can measure skew', async () => {
    clock.set(Date.UTC(2031, 5, 6, 7, 8, 9));
    const answer = await post(sim, PATHS.startCall, callForm(), at());
    expect(answer.headers.get('date')).toBe('Fri, 06 Jun 2031 07:08:09 GMT');
  });
});

describe('HTTP-level refusals', () => {
  it('answers an unknown path with HTTP 404', async () => {
    const res = await fetch(sim.url + '/call/ecp/nosuch.action', { method: 'POST', headers: signed(at()), body: '' });
    expect(res.status).toBe(404);
  });

  it('answers GET with HTTP 400', async () => {
    const { 'Content-Type': _omit, ...headers } = signed(at());
    const res = await fetch(sim.url + PATHS.startCall, { headers });
    expect(res.status).toBe(400);
  });

  it('answers a JSON body with HTTP 400', async () => {
    const res = await fetch(sim.url + PATHS.startCall, {
      method: 'POST',
      headers: signed({ ...at(), contentType: 'application/json' }),
      body: JSON.stringify(callForm()),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('answers a body without Content-Type with HTTP 400', async () => {
    const res = await fetch(sim.url + PATHS.startCall, {
      method: 'POST',
      headers: signed({ ...at(), contentType: null }),
      body: new TextEncoder().encode(new URLSearchParams(callForm()).toString()),
    });
    expect(res.status).toBe(400);
  });

  it('accepts the form Content-Type in any case and spacing', async () => {
    const answer = await post(sim, PATHS.startCall, callForm(), { ...at(), contentType: 'Application/X-WWW-Form-Urlencoded; charset=UTF-8' });
    expect(JSON.parse(answer.text)).toMatchObject({ code: 200 });
  });
});

describe('recorded requests', () => {
  it('records path, headers, params, answer and whether the signature was valid', async () => {
    await post(sim, PATHS.startCall, callForm(), at());
    await post(sim, PATHS.startCall, callForm(), { ...at(), account: { ...APP, appSecret: 'nope' } });
    await post(sim, PATHS.startCall, callForm(), { nowMs: clock.now() - 3_600_000 });

    const [good, forged, stale] = sim.requests;
    expect(good).toMatchObject({ seq: 1, method: 'POST', path: PATHS.startCall, signatureValid: true, receivedAt: clock.now() });
    expect(good.params).toEqual(callForm());
    expect(good.headers.appkey).toBe(APP.appKey);
    expect(good.answer).toMatchObject({ httpStatus: 200, code: 200 });
    expect(forged).toMatchObject({ signatureValid: false, answer: { code: 414 } });
    // The signature itself is right; only its age is not.
    expect(stale).toMatchObject({ signatureValid: true, answer: { code: 414 } });
    expect(stale.answer.body).toContain('CurTime is expired');
  });
});
