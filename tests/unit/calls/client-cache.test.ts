/**
 * The Yunxin client is built once per mode and reused: the AppSecret is decrypted once for many
 * calls, while a changed account, changed settings or the other mode always get a client of their
 * own. Through the handlers, with a real vault (fake cipher counting decryptions), the sandbox and
 * two simulators standing in for production servers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClientFactory } from '../../../src/main/calls/client-factory';
import type { CredentialSource } from '../../../src/main/calls/credential-source';
import { createDispatchCore, type DispatchCore } from '../../../src/main/core';
import { invokeOperation } from '../../../src/main/ipc/operations';
import { createSandbox, type Sandbox } from '../../../src/main/sandbox/sandbox';
import { DEFAULT_SETTINGS } from '../../../src/main/settings/settings-service';
import { openConfStore } from '../../../src/main/stores/conf-store';
import type { OperationName } from '../../../src/shared/contract';
import type { Settings } from '../../../src/shared/domain';
import { failure } from '../../../src/shared/result';
import { PATHS, startSimulator, type Simulator } from '../../../src/simulator';
import { createFakeCipher, type FakeCipher } from '../../support/fake-cipher';
import { createMemoryLog } from '../../support/memory-log';
import { manualRounds, type ManualRounds } from '../../support/test-core';

const A = { appKey: 'prodappkey000000000000000000aa01', appSecret: 'prodsecret00000000000000000000a1' };
const B = { appKey: 'prodappkey000000000000000000bb02', appSecret: 'prodsecret00000000000000000000b2' };

describe('client factory', () => {
  const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, callerAcc: 'ops_desk', ...patch });

  /** Credentials that count how often they are resolved, per mode. */
  function countingCredentials(options: { fail?: boolean } = {}) {
    const resolved: Settings[] = [];
    const source: CredentialSource & { fail: boolean } = {
      fail: options.fail ?? false,
      async resolve(s) {
        resolved.push(s);
        if (source.fail) return failure('not_configured', 'no account');
        return {
          ok: true,
          appKey: s.mode === 'sandbox' ? 'sandboxkey' : A.appKey,
          appSecret: A.appSecret,
          baseUrl: s.mode === 'sandbox' ? 'http://127.0.0.1:9' : s.baseUrl,
        };
      },
    };
    return { source, resolved };
  }

  it('builds one client for repeated and concurrent requests with the same settings', async () => {
    const { source, resolved } = countingCredentials();
    const { clientFor } = createClientFactory({ credentials: source });
    const [a, b] = await Promise.all([clientFor(settings()), clientFor(settings())]);
    const c = await clientFor(settings({ language: 'en' }));
    expect(resolved).toHaveLength(1);
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (a.ok && b.ok && c.ok) {
      expect(b.client).toBe(a.client);
      expect(c.client).toBe(a.client);
    }
  });

  it('builds again when a setting the client depends on changes, and after invalidate()', async () => {
    const { source, resolved } = countingCredentials();
    const factory = createClientFactory({ credentials: source });
    await factory.clientFor(settings({ mode: 'production', baseUrl: 'https://a.example' }));
    await factory.clientFor(settings({ mode: 'production', baseUrl: 'https://b.example' }));
    await factory.clientFor(settings({ mode: 'production', baseUrl: 'https://b.example', maxDurMax: 3000 }));
    await factory.clientFor(settings({ mode: 'sandbox', callerAcc: 'desk_1' }));
    await factory.clientFor(settings({ mode: 'sandbox', callerAcc: 'desk_2' }));
    expect(resolved.map((s) => [s.mode, s.baseUrl, s.maxDurMax, s.callerAcc])).toEqual([
      ['production', 'https://a.example', DEFAULT_SETTINGS.maxDurMax, 'ops_desk'],
      ['production', 'https://b.example', DEFAULT_SETTINGS.maxDurMax, 'ops_desk'],
      ['production', 'https://b.example', 3000, 'ops_desk'],
      ['sandbox', DEFAULT_SETTINGS.baseUrl, DEFAULT_SETTINGS.maxDurMax, 'desk_1'],
      ['sandbox', DEFAULT_SETTINGS.baseUrl, DEFAULT_SETTINGS.maxDurMax, 'desk_2'],
    ]);
    factory.invalidate();
    await factory.clientFor(settings({ mode: 'sandbox', callerAcc: 'desk_2' }));
    expect(resolved).toHaveLength(6);
  });

  it("keeps one client per mode and never hands one mode the other's", async () => {
    const { source, resolved } = countingCredentials();
    const { clientFor } = createClientFactory({ credentials: source });
    const prod1 = await clientFor(settings({ mode: 'production' }));
    const sand1 = await clientFor(settings({ mode: 'sandbox' }));
    const prod2 = await clientFor(settings({ mode: 'production' }));
    const sand2 = await clientFor(settings({ mode: 'sandbox' }));
    expect(resolved.map((s) => s.mode)).toEqual(['production', 'sandbox']);
    if (!prod1.ok || !sand1.ok || !prod2.ok || !sand2.ok) throw new Error('no client');
    expect(sand1.client).not.toBe(prod1.client);
    expect(prod2.client).toBe(prod1.client);
    expect(sand2.client).toBe(sand1.client);
  });

  it('does not remember a failure: the next request asks for the credentials again', async () => {
    const { source, resolved } = countingCredentials({ fail: true });
    const { clientFor } = createClientFactory({ credentials: source });
    expect(await clientFor(settings({ mode: 'production' }))).toMatchObject({ ok: false, code: 'not_configured' });
    source.fail = false;
    expect(await clientFor(settings({ mode: 'production' }))).toMatchObject({ ok: true });
    expect(resolved).toHaveLength(2);
  });
});

describe('client reuse through the core', () => {
  let dataDir: string;
  let core: DispatchCore;
  let cipher: FakeCipher;
  let sandbox: Sandbox;
  let rounds: ManualRounds;
  let prod: Simulator;
  let prod2: Simulator;
  let log: ReturnType<typeof createMemoryLog>;

  const call = (name: OperationName, payload: unknown) =>
    invokeOperation(core.handlers, name, payload, { trusted: true }, log) as Promise<Record<string, unknown>>;
  const starts = (sim: Simulator) => sim.requests.filter((r) => r.path === PATHS.startCall);
  const queries = (sim: Simulator) => sim.requests.filter((r) => r.path === PATHS.queryBySession);

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dispatch-clients-'));
    log = createMemoryLog();
    cipher = createFakeCipher();
    rounds = manualRounds();
    sandbox = createSandbox({ progress: { ringingMs: 60_000, answeredMs: 60_000 }, recordRequests: 100 });
    prod = await startSimulator({
      accounts: [
        { ...A, accids: ['ops_desk'] },
        { ...B, accids: ['ops_desk'] },
      ],
    });
    prod2 = await startSimulator({ accounts: [{ ...A, accids: ['ops_desk'] }] });
    core = createDispatchCore({
      settingsStore: openConfStore({ cwd: dataDir, name: 'settings' }).store,
      vaultStore: openConfStore({ cwd: dataDir, name: 'vault' }).store,
      cipher,
      log,
      dataDir,
      sandbox,
      timeoutMs: 2000,
      tracking: { repeat: rounds.repeat },
      // A development build: the loopback simulators stand in for the real server.
      apiHosts: { allowLoopback: true },
    });
    expect(await call('settingsSet', { callerNumber: '13900139000', callerAcc: 'ops_desk' })).toMatchObject({ ok: true });
  });
  afterEach(async () => {
    await core.close();
    await prod.close();
    await prod2.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('decrypts the AppSecret once for many calls', async () => {
    expect(await call('accountSave', { ...A, baseUrl: prod.url })).toMatchObject({ ok: true });
    const before = cipher.calls.decrypt;
    for (const callee of ['13800138001', '13800138002', '13800138003']) {
      expect(await call('startCall', { callee })).toMatchObject({ ok: true });
    }
    expect(cipher.calls.decrypt - before).toBe(1);
    expect(starts(prod)).toHaveLength(3);
    expect(starts(prod).every((r) => r.signatureValid && r.headers.appkey === A.appKey)).toBe(true);
  });

  it('uses a newly saved account and a changed base URL from the next call on', async () => {
    expect(await call('accountSave', { ...A, baseUrl: prod.url })).toMatchObject({ ok: true });
    expect(await call('startCall', { callee: '13800138001' })).toMatchObject({ ok: true });
    expect(await call('accountSave', { ...B, baseUrl: prod.url })).toMatchObject({ ok: true });
    expect(await call('startCall', { callee: '13800138002' })).toMatchObject({ ok: true });
    expect(starts(prod).map((r) => [r.headers.appkey, r.signatureValid])).toEqual([
      [A.appKey, true],
      [B.appKey, true],
    ]);

    expect(await call('accountSave', { ...A, baseUrl: prod2.url })).toMatchObject({ ok: true });
    expect(await call('startCall', { callee: '13800138003' })).toMatchObject({ ok: true });
    expect(starts(prod)).toHaveLength(2);
    expect(starts(prod2).map((r) => [r.headers.appkey, r.signatureValid])).toEqual([[A.appKey, true]]);
  });

  it('after the account is cleared, calls go to the sandbox and the old production client is gone', async () => {
    expect(await call('accountSave', { ...A, baseUrl: prod.url })).toMatchObject({ ok: true });
    expect(await call('startCall', { callee: '13800138001' })).toMatchObject({ ok: true });
    expect(await call('accountClear', {})).toMatchObject({ ok: true, account: { mode: 'sandbox' } });
    expect(await call('startCall', { callee: '13800138002' })).toMatchObject({ ok: true });
    expect(starts(prod)).toHaveLength(1);
    expect(starts(await sandbox.simulator()!)).toHaveLength(1);
    // Back to production without an account: refused, nothing sent with a remembered client.
    expect(await call('settingsSet', { mode: 'production' })).toMatchObject({ ok: true });
    expect(await call('startCall', { callee: '13800138003' })).toMatchObject({ ok: false, code: 'not_configured' });
    expect(starts(prod)).toHaveLength(1);
  });

  it('polls each session with the client of the mode it was placed in, across a mode switch', async () => {
    // A sandbox call, then production; both sessions are polled, each on its own server.
    const sandboxCall = await call('startCall', { callee: '13800138001' });
    expect(sandboxCall).toMatchObject({ ok: true });
    expect(await call('accountSave', { ...A, baseUrl: prod.url })).toMatchObject({ ok: true, account: { mode: 'production' } });
    const prodCall = await call('startCall', { callee: '13800138002' });
    expect(prodCall).toMatchObject({ ok: true });
    const sim = await sandbox.simulator()!;

    await rounds.tick();
    await rounds.tick();
    expect(queries(sim).map((r) => r.params.session)).toEqual([sandboxCall.session, sandboxCall.session]);
    expect(queries(prod).map((r) => r.params.session)).toEqual([prodCall.session, prodCall.session]);
    expect(starts(sim)).toHaveLength(1);
    expect(starts(prod)).toHaveLength(1);
  });
});
