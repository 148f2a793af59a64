/**
 * Session tracking against the simulators: rounds are driven by hand (`rounds.tick()`), the
 * simulator's clock is stepped to move a session through its life, and the core's clock to pass
 * deadlines. Nothing waits for real time except the one test of the real interval.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../../../src/shared/domain';
import { realRepeat } from '../../../src/main/calls/repeat';
import { POLL_INTERVAL_MS } from '../../../src/main/calls/session-tracker';
import { createSandbox, type Sandbox } from '../../../src/main/sandbox/sandbox';
import { PATHS, startSimulator, type Simulator } from '../../../src/simulator';
import { openTestCore, type TestCore } from '../../support/test-core';

const APP_KEY = 'prodappkey000000000000000000aa01';
const APP_SECRET = 'prodsecret00000000000000000000b2';
const PROGRESS = { ringingMs: 50, answeredMs: 50 };

let dataDir: string;
let t: TestCore;
let sandbox: Sandbox;
let prod: Simulator;
/** The simulators' clock. */
let simNow: number;
/** The core's clock (call log, tracker deadlines). */
let clock: number;

type OpenOptions = Partial<Parameters<typeof openTestCore>[1]>;
const open = (extra: OpenOptions = {}) => {
  sandbox = createSandbox({ progress: PROGRESS, now: () => simNow, recordRequests: 1000 });
  return openTestCore(dataDir, { sandbox, now: () => clock, ...extra });
};
const sandboxSimulator = async () => {
  const sim = sandbox.simulator();
  if (!sim) throw new Error('the sandbox simulator was never started');
  return sim;
};

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-tracker-'));
  simNow = Date.now();
  clock = Date.now();
  prod = await startSimulator({
    accounts: [{ appKey: APP_KEY, appSecret: APP_SECRET, accids: ['ops_desk'] }],
    progress: PROGRESS,
    now: () => simNow,
  });
  t = open();
  await t.call('settingsSet', { callerNumber: '13900139000' });
});
afterEach(async () => {
  await t.core.close();
  await prod.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const entry = async (id: unknown) => {
  const { entries } = (await t.call('callLogList', {})) as unknown as { entries: CallLogEntry[] };
  const found = entries.find((e) => e.id === id);
  if (!found) throw new Error(`no log entry ${String(id)}`);
  return found;
};
const queries = (sim: Simulator) => sim.requests.filter((r) => r.path === PATHS.queryBySession);
const goProduction = async () => {
  await t.call('settingsSet', { callerAcc: 'ops_desk' });
  expect(await t.call('accountSave', { appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: prod.url })).toMatchObject({ ok: true });
};

describe('session tracker', () => {
  it('polls every 2 s by default and stops when the core closes', async () => {
    expect(t.rounds.running).toBe(true);
    expect(t.rounds.intervalMs).toBe(POLL_INTERVAL_MS);
    await t.core.close();
    expect(t.rounds.running).toBe(false);
    t = open();
  });

  it('follows a sandbox call from submitted through ringing and answered to ended', async () => {
    const placed = await t.call('startCall', { callee: '13800138000' });
    expect(await entry(placed.logId)).toMatchObject({ state: 'submitted' });

    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ state: 'ringing', status: 'RINGING' });
    simNow += 60;
    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ state: 'answered', status: 'ANSWERED' });
    simNow += 100;
    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ state: 'ended', status: 'SUCCESS', durationSec: 1, hangCause: 'NORMAL_CLEARING' });

    // Final: no more questions about it.
    const sim = await sandboxSimulator();
    const asked = queries(sim).length;
    expect(asked).toBe(3);
    await t.rounds.tick();
    expect(queries(sim)).toHaveLength(asked);
  });

  it('follows a conference to its end', async () => {
    const placed = await t.call('startConf', { callees: ['13800138000', '13700137000'] });
    simNow += 500;
    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ kind: 'conf', state: 'ended', status: 'SUCCESS', hangCause: 'NORMAL_CLEARING' });
    const sim = await sandboxSimulator();
    expect(queries(sim).at(-1)!.params).toMatchObject({ session: placed.session, type: '2' });
  });

  it('keeps following with the real interval on its own', async () => {
    await t.core.close();
    // Real time for everything here: tiny progress, a 5 ms interval.
    t = openTestCore(dataDir, {
      sandbox: createSandbox({ progress: { ringingMs: 20, answeredMs: 20 }, recordRequests: 1000 }),
      tracking: { repeat: realRepeat, intervalMs: 5 },
    });
    const placed = await t.call('startCall', { callee: '13800138000' });
    await expect.poll(async () => (await entry(placed.logId)).state, { timeout: 5000, interval: 10 }).toBe('ended');
  });

  it('queries with the account the call was placed with, even after switching mode', async () => {
    await goProduction();
    const placed = await t.call('startCall', { callee: '13800138000' });
    expect(placed).toMatchObject({ ok: true });
    // Back to sandbox: the production session must still be asked of production.
    expect(await t.call('accountClear', {})).toMatchObject({ ok: true, account: { mode: 'sandbox' } });
    await goProduction();
    await t.call('settingsSet', { mode: 'sandbox' });
    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ mode: 'production', state: 'ringing' });
    expect(queries(prod)).toHaveLength(1);
    expect(queries(prod)[0].signatureValid).toBe(true);
    // The sandbox was never needed for it.
    expect(sandbox.simulator()).toBeNull();
  });

  it('resumes after a restart: an entry left in progress keeps updating', async () => {
    await goProduction();
    const placed = await t.call('startCall', { callee: '13800138000' });
    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ state: 'ringing' });

    await t.core.close();
    t = open();
    simNow += 60;
    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ state: 'answered' });
    simNow += 100;
    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ state: 'ended', durationSec: 1 });
  });

  it('gives up once the session is older than its maxDur plus 15 minutes', async () => {
    await goProduction();
    const placed = await t.call('startCall', { callee: '13800138000', maxDur: 60 });
    const created = clock;
    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ state: 'ringing' });

    clock = created + 60_000 + 15 * 60_000;
    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ state: 'ringing' });
    const asked = queries(prod).length;

    clock += 1;
    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ state: 'unknown' });
    // Given up without asking again, and never asked again.
    await t.rounds.tick();
    expect(queries(prod)).toHaveLength(asked);
  });

  it('gives up after 5 answers in a row that the session does not exist; other failures do not count', async () => {
    await goProduction();
    const placed = await t.call('startCall', { callee: '13800138000' });
    const notExist = () => prod.faults.set({ kind: 'code', code: 404, desc: 'session not exist', path: PATHS.queryBySession });
    notExist();
    for (let i = 0; i < 4; i++) await t.rounds.tick();
    // A real answer in between starts the count again.
    prod.faults.set(null);
    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ state: 'ringing' });
    notExist();
    for (let i = 0; i < 4; i++) await t.rounds.tick();
    // An outage says nothing either way: neither counted nor a reset.
    prod.faults.set({ kind: 'http503', path: PATHS.queryBySession });
    await t.rounds.tick();
    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ state: 'ringing' });
    notExist();
    await t.rounds.tick();
    expect(await entry(placed.logId)).toMatchObject({ state: 'unknown' });
    expect(t.log.lines.filter((l) => l.includes('session.given_up'))).toHaveLength(1);
    // The outage was logged once, not once per round.
    expect(t.log.lines.filter((l) => l.includes('session.query_failed'))).toHaveLength(1);
  });

  it('never has two queries in flight for one session', async () => {
    await t.core.close();
    t = open({ timeoutMs: 500 });
    await goProduction();
    await t.call('startCall', { callee: '13800138000' });
    prod.faults.set({ kind: 'hang', path: PATHS.queryBySession, times: 1 });
    const first = t.rounds.tick();
    await expect.poll(() => queries(prod).length).toBe(1);
    // The second round finds the session still being asked about and starts nothing (had it
    // started a query, awaiting the round would have waited for its answer).
    await t.rounds.tick();
    expect(queries(prod)).toHaveLength(1);
    await first;
  });
});
