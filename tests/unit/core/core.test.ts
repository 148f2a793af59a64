/**
 * The handlers as the renderer reaches them (through invokeOperation), with real stores on disk,
 * a fake cipher, the sandbox simulator and a second simulator standing in for production.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationName } from '../../../src/shared/contract';
import { createDispatchCore, type DispatchCore } from '../../../src/main/core';
import { invokeOperation } from '../../../src/main/ipc/operations';
import { createSandbox, type Sandbox } from '../../../src/main/sandbox/sandbox';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { openConfStore } from '../../../src/main/stores/conf-store';
import { createFakeCipher } from '../../support/fake-cipher';
import { createMemoryLog } from '../../support/memory-log';

const SENTINEL_SECRET = 'SENTINEL0secret0e2b7c4d9a1f3e5b7';
const APP_KEY = 'prodappkey000000000000000000aa01';

let dataDir: string;
let core: DispatchCore;
let sandbox: Sandbox;
let prod: Simulator;
let log: ReturnType<typeof createMemoryLog>;

const call = (name: OperationName, payload: unknown) =>
  invokeOperation(core.handlers, name, payload, { trusted: true }, log) as Promise<Record<string, unknown>>;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-core-'));
  log = createMemoryLog();
  sandbox = createSandbox({ progress: { ringingMs: 50, answeredMs: 50 }, recordRequests: 1000 });
  prod = await startSimulator({ accounts: [{ appKey: APP_KEY, appSecret: SENTINEL_SECRET, accids: ['ops_desk'] }] });
  core = createDispatchCore({
    settingsStore: openConfStore({ cwd: dataDir, name: 'settings' }).store,
    vaultStore: openConfStore({ cwd: dataDir, name: 'vault' }).store,
    cipher: createFakeCipher(),
    log,
    dataDir,
    sandbox,
    timeoutMs: 2000,
    // A loopback simulator stands in for api.netease.im, as in a development build.
    apiHosts: { allowLoopback: true },
  });
});

afterEach(async () => {
  await core.close();
  await prod.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('dispatch core', () => {
  it('starts in sandbox mode and places a signed call through the in-process simulator', async () => {
    expect(await call('settingsGet', {})).toMatchObject({ ok: true, settings: { mode: 'sandbox' } });
    expect(await call('settingsSet', { callerNumber: '139-0013-9000' })).toMatchObject({ ok: true, settings: { callerNumber: '13900139000' } });
    const placed = await call('startCall', { callee: '+86 138 0013 8000' });
    expect(placed).toMatchObject({ ok: true, caller: '13900139000', callee: '13800138000' });
    const sim = await sandbox.simulator()!;
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0].signatureValid).toBe(true);
    expect(prod.requests).toHaveLength(0);
  });

  it('a call with an extension dials the main number only and records the extension on the log entry', async () => {
    await call('settingsSet', { callerNumber: '13900139000' });
    // Written into the callee (a script, an older window) or sent apart (the dial box, a contact number).
    const written = await call('startCall', { callee: '010-62234302-396' });
    expect(written).toMatchObject({ ok: true, callee: '01062234302' });
    const apart = await call('startCall', { callee: '0571-88886666', extension: '123' });
    expect(apart).toMatchObject({ ok: true, callee: '057188886666' });
    const sim = await sandbox.simulator()!;
    expect(sim.requests.map((r) => r.params.callee)).toEqual(['01062234302', '057188886666']);
    const log = (await call('callLogList', {})) as { entries: { id: string; parties: unknown[] }[] };
    const parties = (id: unknown) => log.entries.find((e) => e.id === id)?.parties;
    expect(parties((written as { logId: string }).logId)).toEqual([{ number: '01062234302', extension: '396' }]);
    expect(parties((apart as { logId: string }).logId)).toEqual([{ number: '057188886666', extension: '123' }]);
  });

  it("a conference with extensions dials main numbers only and records each leg's extension", async () => {
    await call('settingsSet', { callerNumber: '13900139000' });
    // A contact at the switchboard names only the leg with their extension, not a colleague's.
    expect(await call('contactSave', { contact: { name: '王经理', numbers: [{ label: '', number: '010-62234302-396' }] } })).toMatchObject({ ok: true });
    // Two people at one switchboard (another extension each), one typed with its extension, one mobile.
    const conf = await call('startConf', {
      callees: ['01062234302', '01062234302', '0571-88886666 转 123', '13800138000'],
      extensions: ['396', '401', '', ''],
    });
    expect(conf).toMatchObject({ ok: true, callees: ['01062234302', '01062234302', '057188886666', '13800138000'] });
    const sim = await sandbox.simulator()!;
    const sent = sim.requests.filter((r) => r.path === '/call/ecp/startconf.action');
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0].params.callee)).toEqual(['01062234302', '01062234302', '057188886666', '13800138000']);
    expect(JSON.stringify(sent[0].params)).not.toMatch(/396|401|"123"/);
    const list = (await call('callLogList', {})) as { entries: { id: string; parties: unknown[] }[] };
    expect(list.entries.find((e) => e.id === (conf as { logId: string }).logId)?.parties).toEqual([
      { number: '01062234302', name: '王经理', extension: '396' },
      { number: '01062234302', extension: '401' },
      { number: '057188886666', extension: '123' },
      { number: '13800138000' },
    ]);
    const csv = (await call('callLogExport', {})) as { csv: string };
    expect(csv.csv).toContain('王经理 01062234302 转 396');
    expect(csv.csv).not.toContain('王经理 01062234302 转 401');
  });

  it('a conference with the same main number and the same extension twice is refused, sending nothing', async () => {
    await call('settingsSet', { callerNumber: '13900139000' });
    const r = await call('startConf', { callees: ['010-62234302-396', '01062234302'], extensions: ['', '396'] });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input', field: 'callees[1]' });
    expect(await call('startConf', { callees: ['01062234302'], extensions: ['39a'] })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(sandbox.simulator()).toBeNull();
  });

  it("saved rosters and the draft keep each member's extension; members without one stay as they were", async () => {
    await call('settingsSet', { callerNumber: '13900139000' });
    const members = [
      { name: '王经理', number: '010-62234302', extension: '396' },
      { name: '李秘书', number: '010-62234302-401' },
      { name: '张三', number: '13800138000' },
    ];
    const saved = await call('rosterSave', { roster: { name: '早会', members } });
    expect(saved).toMatchObject({ ok: true });
    const expected = [
      { name: '王经理', number: '01062234302', extension: '396' },
      { name: '李秘书', number: '01062234302', extension: '401' },
      { name: '张三', number: '13800138000' },
    ];
    expect((saved as { roster: { members: unknown[] } }).roster.members).toEqual(expected);
    const twice = await call('rosterSave', { roster: { name: '重复', members: [members[0], { name: '', number: '010 6223 4302 转 396' }] } });
    expect(twice).toMatchObject({ ok: false, code: 'invalid_input', field: 'members[1].number' });

    const draft = await call('rosterDraftSet', { members: expected });
    expect(draft).toMatchObject({ ok: true, members: expected });
    expect(await call('rosterDraftGet', {})).toMatchObject({ ok: true, members: expected });
  });

  it('an extension that is not digits is refused by the shape check, sending nothing', async () => {
    await call('settingsSet', { callerNumber: '13900139000' });
    expect(await call('startCall', { callee: '01062234302', extension: '396#' })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(sandbox.simulator()).toBeNull();
  });

  it('refuses a call before the dispatcher has set their own number, sending nothing', async () => {
    const result = await call('startCall', { callee: '13800138000' });
    expect(result).toMatchObject({ ok: false, code: 'invalid_input', field: 'caller' });
    expect(sandbox.simulator()).toBeNull();
  });

  it('in production without an account says so instead of sending', async () => {
    await call('settingsSet', { callerNumber: '13900139000', mode: 'production' });
    expect(await call('startCall', { callee: '13800138000' })).toMatchObject({ ok: false, code: 'not_configured' });
    expect(prod.requests).toHaveLength(0);
  });

  it('saving an account switches to production; clearing it goes back to sandbox', async () => {
    await call('settingsSet', { callerNumber: '13900139000', callerAcc: 'ops_desk' });
    const saved = await call('accountSave', { appKey: APP_KEY, appSecret: SENTINEL_SECRET, baseUrl: prod.url });
    expect(saved).toMatchObject({ ok: true, account: { configured: true, mode: 'production' } });
    expect(await call('startCall', { callee: '13800138000' })).toMatchObject({ ok: true });
    expect(prod.requests.at(-1)!.signatureValid).toBe(true);
    expect(await call('accountCheck', {})).toMatchObject({ ok: true, verdict: 'ok' });

    const cleared = await call('accountClear', {});
    expect(cleared).toMatchObject({ ok: true, account: { configured: false, mode: 'sandbox' } });
  });

  it('never lets the AppSecret out: not in any response, log line or plaintext file', async () => {
    const responses: unknown[] = [];
    const run = async (name: OperationName, payload: unknown) => responses.push(await call(name, payload));
    await run('settingsSet', { callerNumber: '13900139000', callerAcc: 'ops_desk' });
    await run('accountSave', { appKey: APP_KEY, appSecret: SENTINEL_SECRET, baseUrl: prod.url });
    await run('accountStatus', {});
    await run('accountCheck', {});
    await run('startCall', { callee: '13800138000' });
    await run('startConf', { callees: ['13800138000', '13700137000'] });
    await run('settingsGet', {});
    // Failure paths too: the secret must not ride along in an error.
    await run('accountSave', { appKey: APP_KEY, appSecret: SENTINEL_SECRET + ' with space' });
    prod.faults.set({ kind: 'bad_json' });
    await run('startCall', { callee: '13600136000' });
    await run('accountClear', {});

    expect(JSON.stringify(responses)).not.toContain(SENTINEL_SECRET);
    expect(log.lines.join('\n')).not.toContain(SENTINEL_SECRET);
    for (const file of readdirSync(dataDir)) {
      expect(readFileSync(join(dataDir, file), 'utf8'), file).not.toContain(SENTINEL_SECRET);
    }
  });

  it('answers a second identical call that is still in flight with busy, sending one request', async () => {
    await call('settingsSet', { callerNumber: '13900139000' });
    const results = await Promise.all(Array.from({ length: 5 }, () => call('startCall', { callee: '13800138000' })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => r.code === 'busy')).toHaveLength(4);
    const sim = await sandbox.simulator()!;
    expect(sim.requests.filter((r) => r.path === '/call/ecp/startcall.action')).toHaveLength(1);
  });

  it('rejects invalid settings and keeps the previous value', async () => {
    expect(await call('accountSave', { appKey: APP_KEY, appSecret: SENTINEL_SECRET, baseUrl: 'http://api.netease.im' })).toMatchObject({
      ok: false,
      field: 'baseUrl',
    });
    expect(await call('settingsSet', { callerAcc: 'has space' })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await call('settingsSet', { defaultMaxDur: 5 })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await call('settingsGet', {})).toMatchObject({ settings: { baseUrl: 'https://api.netease.im', callerAcc: 'dispatcher' } });
  });
});
