import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, PATHS, type Simulator } from '../../../src/simulator';
import { APP, OTHER_APP, postJson } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ accounts: [APP] });
});
beforeEach(() => sim.reset());
afterAll(() => sim.close());

const getUinfos = (accids: string, account = APP) => postJson(sim, PATHS.getUinfos, { accids }, { account });

describe('getUinfos', () => {
  it('lists known accids (lower-cased, as the server stores them)', async () => {
    expect(await getUinfos('["alice","BOB"]')).toEqual({
      code: 200,
      uinfos: [
        { accid: 'alice', name: 'alice' },
        { accid: 'bob', name: 'bob' },
      ],
    });
  });

  it('answers an unknown accid with an empty list', async () => {
    expect(await getUinfos('["mallory"]')).toEqual({ code: 200, uinfos: [] });
  });

  it('lists only the known ones of a mixed request', async () => {
    expect(await getUinfos('["mallory","alice"]')).toEqual({ code: 200, uinfos: [{ accid: 'alice', name: 'alice' }] });
  });

  it('refuses accids that are not a JSON array of strings', async () => {
    expect(await getUinfos("['alice']")).toEqual({ code: 414, msg: "bad param 'accids'" });
    expect(await getUinfos('alice')).toEqual({ code: 414, msg: "bad param 'accids'" });
  });

  it('applies the same header and checksum rules', async () => {
    expect(await getUinfos('["alice"]', { ...APP, appSecret: 'wrong' })).toEqual({ desc: 'checksum', code: 414 });
    expect(await postJson(sim, PATHS.getUinfos, { accids: '["alice"]' }, { omit: ['Nonce'] })).toEqual({ desc: 'bad http header', code: 414 });
  });

  it("sees an added app's accids, and reset() removes that app again", async () => {
    sim.addAccount(OTHER_APP);
    expect(await getUinfos('["carol"]', OTHER_APP)).toEqual({ code: 200, uinfos: [{ accid: 'carol', name: 'carol' }] });
    sim.addAccount({ ...APP, accids: ['dave'] });
    expect(await getUinfos('["alice","dave"]')).toMatchObject({ uinfos: [{ accid: 'alice' }, { accid: 'dave' }] });
    sim.reset();
    expect(await getUinfos('["carol"]', OTHER_APP)).toEqual({ desc: 'appkey', code: 414 });
    expect(await getUinfos('["dave"]')).toEqual({ code: 200, uinfos: [] });
  });
});
