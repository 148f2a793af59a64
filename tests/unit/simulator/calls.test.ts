import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, PATHS, type Simulator } from '../../../src/simulator';
import { callForm, confForm, FIXED_LINE, mobiles, MOBILE_A, postJson, UUID } from './helpers';
import { APP } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ accounts: [APP] });
});
beforeEach(() => sim.reset());
afterAll(() => sim.close());

const startCall = (over: Record<string, string> = {}) => postJson(sim, PATHS.startCall, callForm(over));
const startConf = (callees: unknown, over: Record<string, string> = {}) => postJson(sim, PATHS.startConf, confForm(callees, over));

describe('startcall', () => {
  it('accepts a call and answers {"code":200,"obj":{"session":<uuid>}}', async () => {
    const answer = await startCall();
    expect(Object.keys(answer).sort()).toEqual(['code', 'obj']);
    expect(answer.code).toBe(200);
    expect((answer.obj as { session: string }).session).toMatch(UUID);
  });

  it('gives every call its own session', async () => {
    const a = await startCall();
    const b = await startCall();
    expect((a.obj as { session: string }).session).not.toBe((b.obj as { session: string }).session);
  });

  it('accepts a fixed-line callee and a case-variant of a registered accid', async () => {
    expect((await startCall({ callee: FIXED_LINE, callerAcc: 'ALICE' })).code).toBe(200);
    expect((await startCall({ callerAcc: 'bob' })).code).toBe(200);
  });

  it('refuses an unregistered callerAcc', async () => {
    expect(await startCall({ callerAcc: 'mallory' })).toEqual({ msg: "bad param 'callerAcc'", code: 414 });
  });

  it.each(['+8613800138000', '8613800138000', '138-0013-8000', '1380013800', '', '23800138000'])('refuses caller %j', async (caller) => {
    expect(await startCall({ caller })).toEqual({ code: 414, msg: "bad param 'caller'" });
  });

  it.each(['+8613912345678', '139 1234 5678', 'abc', ''])('refuses callee %j', async (callee) => {
    expect(await startCall({ callee })).toEqual({ code: 414, msg: "bad param 'callee'" });
  });

  it.each(['0', '-5', '1.5', 'abc', '', '9999999999'])('refuses maxDur %j', async (maxDur) => {
    expect(await startCall({ maxDur })).toEqual({ code: 414, msg: "bad param 'maxDur'" });
  });

  it('refuses a missing maxDur', async () => {
    const { maxDur: _omit, ...form } = callForm();
    expect(await postJson(sim, PATHS.startCall, form)).toEqual({ code: 414, msg: "bad param 'maxDur'" });
  });
});

describe('startconf', () => {
  it('accepts 1 and 8 callees with a session', async () => {
    for (const n of [1, 8]) {
      const answer = await startConf(mobiles(n));
      expect(answer.code).toBe(200);
      expect((answer.obj as { session: string }).session).toMatch(UUID);
    }
  });

  it('refuses 9 callees with the inferred {"code":419,"msg":"callee count exceed 8"}', async () => {
    expect(await startConf(mobiles(9))).toEqual({ code: 419, msg: 'callee count exceed 8' });
  });

  it.each([
    ["the vendor C# sample's single quotes", "['13800138000','13912345678']"],
    ['a bare number', MOBILE_A],
    ['numbers instead of strings', '[13800138000]'],
    ['an empty array', '[]'],
    ['an object', '{"a":"13800138000"}'],
    ['an invalid number inside', '["13800138000","+8613912345678"]'],
  ])('refuses callee as %s', async (_label, callee) => {
    expect(await startConf(callee)).toEqual({ code: 414, msg: "bad param 'callee'" });
  });

  it('applies the callerAcc, caller and maxDur rules too', async () => {
    expect(await startConf(mobiles(2), { callerAcc: 'mallory' })).toEqual({ msg: "bad param 'callerAcc'", code: 414 });
    expect(await startConf(mobiles(2), { caller: '+8613800138000' })).toEqual({ code: 414, msg: "bad param 'caller'" });
    expect(await startConf(mobiles(2), { maxDur: '0' })).toEqual({ code: 414, msg: "bad param 'maxDur'" });
  });
});
