import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, PATHS, type Simulator } from '../../../src/simulator';
import { APP, callForm, confForm, manualClock, MOBILE_A, MOBILE_B, mobiles, OTHER_APP, postJson } from './helpers';

const RINGING_MS = 1_000;
const ANSWERED_MS = 5_000;
const clock = manualClock();
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ accounts: [APP], now: clock.now, progress: { ringingMs: RINGING_MS, answeredMs: ANSWERED_MS } });
});
beforeEach(() => {
  sim.reset();
  clock.set(Date.UTC(2024, 4, 1, 8, 0, 0));
});
afterAll(() => sim.close());

// Requests are signed with the same injected clock, so moving it never expires them.
const sign = () => ({ nowMs: clock.now() });

async function place(path: string, form: Record<string, string>): Promise<string> {
  const answer = await postJson(sim, path, form, sign());
  return (answer.obj as { session: string }).session;
}

async function query(session: string, type: string, account = APP): Promise<Record<string, unknown>> {
  return postJson(sim, PATHS.queryBySession, { session, type }, { ...sign(), account });
}

describe('queryBySession on a single call', () => {
  it('goes RINGING → ANSWERED → SUCCESS as the clock moves', async () => {
    const t0 = clock.now();
    const session = await place(PATHS.startCall, callForm());

    const ringing = await query(session, '1');
    expect(ringing.code).toBe(200);
    expect(ringing.obj).toMatchObject({ session, caller: MOBILE_A, callee: MOBILE_B, initAccount: 'alice', createtime: t0, status: 'RINGING', durationSec: 0 });
    expect(ringing.obj).not.toHaveProperty('starttime');

    clock.advance(RINGING_MS);
    const answered = await query(session, '1');
    expect(answered.obj).toMatchObject({ status: 'ANSWERED', starttime: t0 + RINGING_MS, durationSec: 0 });
    expect((answered.obj as { legs: object[] }).legs).toEqual([{ endpoint: MOBILE_A }, { endpoint: MOBILE_B }]);

    clock.advance(ANSWERED_MS - 1);
    expect((await query(session, '1')).obj).toMatchObject({ status: 'ANSWERED' });

    clock.advance(1);
    const ended = await query(session, '1');
    // 2024-05-01 08:00:06 UTC is 16:00:06 in Beijing.
    const leg = { hangCause: 'NORMAL_CLEARING', endTime: '2024-05-01 16:00:06' };
    expect(ended.obj).toEqual({
      session,
      caller: MOBILE_A,
      callee: MOBILE_B,
      initAccount: 'alice',
      createtime: t0,
      starttime: t0 + RINGING_MS,
      durationSec: ANSWERED_MS / 1000,
      status: 'SUCCESS',
      legs: [
        { endpoint: MOBILE_A, ...leg },
        { endpoint: MOBILE_B, ...leg },
      ],
    });
  });

  it('cuts the call at maxDur with ALLOTTED_TIMEOUT', async () => {
    const session = await place(PATHS.startCall, callForm({ maxDur: '2' }));
    clock.advance(RINGING_MS + 2_000);
    const ended = (await query(session, '1')).obj as { status: string; durationSec: number; legs: Array<{ hangCause: string }> };
    expect(ended.status).toBe('SUCCESS');
    expect(ended.durationSec).toBe(2);
    expect(ended.legs[0].hangCause).toBe('ALLOTTED_TIMEOUT');
  });
});

describe('queryBySession on a conference', () => {
  it('encodes members once more as a string and sums the legs into durationSec', async () => {
    const callees = mobiles(2);
    const session = await place(PATHS.startConf, confForm(callees));
    clock.advance(RINGING_MS + ANSWERED_MS);
    const obj = (await query(session, '2')).obj as Record<string, unknown>;
    expect(obj).toMatchObject({ session, caller: MOBILE_A, status: 'SUCCESS', durationSec: 3 * (ANSWERED_MS / 1000) });
    expect(typeof obj.members).toBe('string');
    const members = JSON.parse(obj.members as string) as Array<Record<string, unknown>>;
    expect(members.map((m) => m.endpoint)).toEqual([MOBILE_A, ...callees]);
    expect(members.every((m) => m.hangCause === 'NORMAL_CLEARING' && m.durationSec === 5)).toBe(true);
  });
});

describe('unknown sessions', () => {
  const NOT_FOUND = { code: 404, desc: 'session not exist' };

  it('answers an unknown session with 404 "session not exist"', async () => {
    expect(await query('3f1e5c1a-0000-4000-8000-000000000000', '1')).toEqual(NOT_FOUND);
  });

  it('does not find a call when asked for a conference', async () => {
    const session = await place(PATHS.startCall, callForm());
    expect(await query(session, '2')).toEqual(NOT_FOUND);
  });

  it("does not show one app another app's session", async () => {
    sim.addAccount(OTHER_APP);
    const session = await place(PATHS.startCall, callForm());
    expect(await query(session, '1', OTHER_APP)).toEqual(NOT_FOUND);
  });

  it('forgets sessions on reset()', async () => {
    const session = await place(PATHS.startCall, callForm());
    sim.reset();
    expect(await query(session, '1')).toEqual(NOT_FOUND);
  });

  it('refuses a type other than 1 or 2, and a missing session', async () => {
    expect(await query('x', '3')).toEqual({ code: 414, msg: "bad param 'type'" });
    expect(await query('', '1')).toEqual({ code: 414, msg: "bad param 'session'" });
  });
});
