/**
 * "Test connection" tests exactly what the form shows and says which (src/main/settings/account-test.ts),
 * reached through invokeOperation like the window does: the sandbox never vouches for a real
 * AppKey, a saved account goes to the saved server, typed values go to the server typed with them
 * and are not stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../src/main/sandbox/sandbox';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { openTestCore, type TestCore } from '../../support/test-core';

const APP_KEY = 'prodappkey000000000000000000aa01';
const APP_SECRET = 'SENTINEL0secret0e2b7c4d9a1f3e5b7';
const OTHER_KEY = 'otherappkey00000000000000000bb02';
const OTHER_SECRET = 'othersecret0000000000000000000b2';
const GETUINFOS = '/nimserver/user/getUinfos.action';

let dataDir: string;
let sandbox: Sandbox;
let prod: Simulator;
let other: Simulator;
let t: TestCore;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-account-test-'));
  sandbox = createSandbox({ recordRequests: 100 });
  prod = await startSimulator({ accounts: [{ appKey: APP_KEY, appSecret: APP_SECRET, accids: ['ops_desk'] }], record: 100 });
  other = await startSimulator({ accounts: [{ appKey: OTHER_KEY, appSecret: OTHER_SECRET, accids: ['ops_desk', 'night_desk'] }], record: 100 });
  t = openTestCore(dataDir, { sandbox });
});

afterEach(async () => {
  await t.core.close();
  await prod.close();
  await other.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const checks = (sim: Simulator) => sim.requests.filter((r) => r.path === GETUINFOS);

describe('Test connection', () => {
  it('in sandbox mode tests the simulator, says so, and reaches no real server', async () => {
    const r = await t.call('accountCheck', {});
    expect(r).toMatchObject({ ok: true, target: 'sandbox', server: 'sandbox' });
    expect(r.detail).toMatch(/no real AppKey/);
    expect(checks((await sandbox.simulator())!)).toHaveLength(1);
    expect(prod.requests).toHaveLength(0);
  });

  it('refuses typed credentials under any target but "unsaved", sending nothing', async () => {
    for (const target of ['sandbox', 'saved'] as const) {
      const r = await t.call('accountCheck', { target, appKey: APP_KEY, appSecret: APP_SECRET });
      expect(r).toMatchObject({ ok: false, code: 'invalid_input', detail: { key: 'accountTest.typedNeedsUnsaved' } });
    }
    expect(sandbox.simulator()).toBeNull();
    expect(prod.requests).toHaveLength(0);
  });

  it('tests unsaved input against the server typed with it, with the typed accid, and stores nothing', async () => {
    const ok = await t.call('accountCheck', { target: 'unsaved', appKey: OTHER_KEY, appSecret: OTHER_SECRET, baseUrl: other.url, callerAcc: 'night_desk' });
    expect(ok).toMatchObject({ ok: true, verdict: 'ok', target: 'unsaved', server: new URL(other.url).host });
    expect(checks(other).map((r) => r.headers.appkey)).toEqual([OTHER_KEY]);
    expect(checks(other)[0].rawBody).toContain('night_desk');
    // A wrong secret typed is reported as such, not as the sandbox's success.
    const wrong = await t.call('accountCheck', { target: 'unsaved', appKey: OTHER_KEY, appSecret: 'not-the-secret', baseUrl: other.url });
    expect(wrong).toMatchObject({ ok: false, verdict: 'bad_app_secret' });
    // Nothing was saved: the mode is still sandbox, and there is no account.
    expect(await t.call('accountStatus', {})).toMatchObject({ ok: true, account: { configured: false, mode: 'sandbox' } });
    expect(t.log.lines.join('\n')).not.toContain(OTHER_SECRET);
  });

  it('refuses unsaved input with a missing secret or a host outside the rule, sending nothing', async () => {
    expect(await t.call('accountCheck', { target: 'unsaved', appKey: OTHER_KEY, baseUrl: other.url })).toMatchObject({
      ok: false,
      field: 'appSecret',
    });
    expect(await t.call('accountCheck', { target: 'unsaved', appKey: OTHER_KEY, appSecret: OTHER_SECRET, baseUrl: 'http://example.com' })).toMatchObject({
      ok: false,
      field: 'baseUrl',
    });
    expect(other.requests).toHaveLength(0);
  });

  it('tests the saved account against the saved server; without one says it is not configured', async () => {
    expect(await t.call('accountCheck', { target: 'saved' })).toMatchObject({ ok: false, code: 'not_configured' });
    expect(await t.call('accountSave', { appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: prod.url })).toMatchObject({ ok: true });
    expect(await t.call('settingsSet', { callerAcc: 'ops_desk' })).toMatchObject({ ok: true });
    const r = await t.call('accountCheck', {});
    expect(r).toMatchObject({ ok: true, verdict: 'ok', target: 'saved', server: new URL(prod.url).host });
    expect(checks(prod).map((x) => x.headers.appkey)).toEqual([APP_KEY]);
    // An accid typed but not saved is the one tested (the simulator does not know it).
    expect(await t.call('accountCheck', { target: 'saved', callerAcc: 'nobody_here' })).toMatchObject({ ok: false, verdict: 'unknown_caller_acc' });
    // In production, an explicit sandbox test still goes to the simulator only.
    const before = prod.requests.length;
    expect(await t.call('accountCheck', { target: 'sandbox' })).toMatchObject({ ok: true, target: 'sandbox' });
    expect(prod.requests).toHaveLength(before);
  });
});
