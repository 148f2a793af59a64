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
    expect((answered.obj as { legs: object[] }).legs).toEqual([
      { endpoint: MOBILE_A, status: 'ANSWERED' },
      { endpoint: MOBILE_B, status: 'ANSWERED' },
    ]);

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

type Member = { endpoint: string; durationSec: number; hangCause?: string; status?: string };
const membersOf = (obj: unknown) => JSON.parse((obj as { members: string }).members) as Member[];

describe('scenarios chosen by the callee number', () => {
  it.each([
    ['13900000901', 'USER_BUSY'],
    ['13900000902', 'NO_USER_RESPONSE'],
    ['13900000903', 'CALL_REJECTED'],
    ['13900000906', 'SUBSCRIBER_ABSENT'],
  ])('a call to %s is never answered and ends with %s', async (callee, cause) => {
    const session = await place(PATHS.startCall, callForm({ callee }));
    clock.advance(RINGING_MS * 2);
    const obj = (await query(session, '1')).obj as {
      status: string;
      durationSec: number;
      starttime?: number;
      legs: Array<{ endpoint: string; hangCause: string }>;
    };
    expect(obj.status).toBe('FAILED');
    expect(obj.durationSec).toBe(0);
    expect(obj.starttime).toBeUndefined();
    expect(obj.legs.find((l) => l.endpoint === callee)?.hangCause).toBe(cause);
  });

  it('a callee ending in 904 answers and hangs up early', async () => {
    const session = await place(PATHS.startCall, callForm({ callee: '13900000904' }));
    clock.advance(RINGING_MS + ANSWERED_MS / 4);
    const obj = (await query(session, '1')).obj as { status: string; durationSec: number };
    expect(obj).toMatchObject({ status: 'SUCCESS', durationSec: Math.ceil(ANSWERED_MS / 4 / 1000) });
  });

  it('a callee ending in 905 makes the caller unreachable: only the caller leg, the callee never rung', async () => {
    const session = await place(PATHS.startCall, callForm({ callee: '13900000905' }));
    clock.advance(RINGING_MS);
    const obj = (await query(session, '1')).obj as { status: string; legs: Array<{ endpoint: string; hangCause: string }> };
    expect(obj.status).toBe('FAILED');
    expect(obj.legs).toEqual([expect.objectContaining({ endpoint: MOBILE_A, hangCause: 'SUBSCRIBER_ABSENT' })]);
  });

  it('a conference shows each member on its own: live status, then duration and cause', async () => {
    const callees = ['13900000901', '13900000904', '13900000777'];
    const session = await place(PATHS.startConf, confForm(callees));
    clock.advance(RINGING_MS + 1000);
    const live = membersOf((await query(session, '2')).obj);
    expect(live.map((m) => [m.endpoint, m.status ?? m.hangCause])).toEqual([
      [MOBILE_A, 'ANSWERED'],
      ['13900000901', 'USER_BUSY'],
      ['13900000904', 'ANSWERED'],
      ['13900000777', 'ANSWERED'],
    ]);
    expect(live[3].durationSec).toBe(1);
    clock.advance(ANSWERED_MS);
    const ended = (await query(session, '2')).obj as { status: string; durationSec: number };
    const members = membersOf(ended);
    expect(members.map((m) => [m.hangCause, m.durationSec])).toEqual([
      ['NORMAL_CLEARING', 5],
      ['USER_BUSY', 0],
      ['NORMAL_CLEARING', 2],
      ['NORMAL_CLEARING', 5],
    ]);
    expect(ended).toMatchObject({ status: 'SUCCESS', durationSec: 12 });
  });

  it('cuts a conference when the talk of all legs together reaches maxDur', async () => {
    // Host + 2 callees, all answering: 9 s of budget is 3 s of wall clock.
    const session = await place(PATHS.startConf, confForm(mobiles(2), { maxDur: '9' }));
    clock.advance(RINGING_MS + 3000);
    const ended = (await query(session, '2')).obj as { status: string; durationSec: number };
    expect(ended).toMatchObject({ status: 'SUCCESS', durationSec: 9 });
    expect(membersOf(ended).every((m) => m.hangCause === 'ALLOTTED_TIMEOUT' && m.durationSec === 3)).toBe(true);
  });

  it('counts only the legs that talk: with one callee busy the budget lasts longer', async () => {
    const session = await place(PATHS.startConf, confForm(['13900000901', '13900000777'], { maxDur: '8' }));
    clock.advance(RINGING_MS + 3999);
    expect(((await query(session, '2')).obj as { status: string }).status).toBe('ANSWERED');
    clock.advance(1);
    const members = membersOf((await query(session, '2')).obj);
    expect(members.map((m) => m.hangCause)).toEqual(['ALLOTTED_TIMEOUT', 'USER_BUSY', 'ALLOTTED_TIMEOUT']);
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
