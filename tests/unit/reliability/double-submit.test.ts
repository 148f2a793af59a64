import { words } from '../../support/words';
/**
 * Double submit at the main level: a double click, Enter held down or a renderer bug sends the
 * same start request many times. Main must send exactly one request while the first is in flight
 * and answer the others `busy` without touching the network; once the first has completed, a new
 * call is an explicit redial and goes through.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CALLEE, CONF_CALLEES, START_CALL_PATH, START_CONF_PATH, openProductionCore, type ProductionCore } from '../../support/production-core';

const TIMEOUT_MS = 5000;
const REPEATS = 20;

let app: ProductionCore | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const KINDS = [
  { op: 'startCall' as const, path: START_CALL_PATH, payload: { callee: CALLEE } },
  { op: 'startConf' as const, path: START_CONF_PATH, payload: { callees: CONF_CALLEES } },
];

/** Start-request count on the simulator the mode uses. */
async function sent(core: ProductionCore, mode: 'production' | 'sandbox', path: string): Promise<number> {
  if (mode === 'production') return core.prodRequests(path);
  const sim = core.sandbox.simulator();
  return sim ? (await sim).requests.filter((r) => r.path === path).length : 0;
}

/** Resolves once `ready()` holds, checking after each turn of the event loop (bounded). */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 100_000; turn++) {
    if (ready()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe.each(KINDS)('double submit: $op', ({ op, path, payload }) => {
  it.each(['production', 'sandbox'] as const)(`${REPEATS} identical ${op} in one burst (%s) → one request, the rest busy`, async (mode) => {
    app = await openProductionCore({ timeoutMs: TIMEOUT_MS, mode });
    const core = app;
    const results = await Promise.all(Array.from({ length: REPEATS }, () => core.call(op, payload)));

    expect(results.filter((r) => r.ok === true)).toHaveLength(1);
    const busy = results.filter((r) => r.code === 'busy');
    expect(busy).toHaveLength(REPEATS - 1);
    for (const r of busy) {
      expect(words(r, 'zh-CN')).toMatch(/\S/);
      expect(words(r, 'en')).toMatch(/\S/);
    }
    expect(await sent(core, mode, path)).toBe(1);
    // Only the attempt that was sent is in the call log: a busy answer is not a call.
    const log = await core.call('callLogList', {});
    expect(log.entries).toHaveLength(1);

    // Redial is explicit: after the first has completed, the same request goes through again.
    expect(await core.call(op, payload)).toMatchObject({ ok: true });
    expect(await sent(core, mode, path)).toBe(2);
  });

  it(`${REPEATS - 1} more ${op} arriving one by one while the first is still in flight → busy, one request`, async () => {
    app = await openProductionCore({ timeoutMs: TIMEOUT_MS });
    const core = app;
    // The first request's answer trickles in (a few hundred ms, well inside the timeout), so it is
    // certainly still in flight while the others arrive, each in its own turn of the event loop.
    core.prod.faults.set({ kind: 'trickle', intervalMs: 5, path, times: 1 });
    const first = core.call(op, payload);
    let firstDone = false;
    void first.then(() => (firstDone = true));
    await until(() => core.prodRequests(path) === 1, 'the first request to reach the server');

    const later: Record<string, unknown>[] = [];
    for (let i = 1; i < REPEATS; i++) {
      later.push(await core.call(op, payload));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(firstDone).toBe(false);
    expect(later.map((r) => r.code)).toEqual(Array(REPEATS - 1).fill('busy'));
    expect(await first).toMatchObject({ ok: true, session: expect.any(String) });
    expect(core.prodRequests(path)).toBe(1);

    expect(await core.call(op, payload)).toMatchObject({ ok: true });
    expect(core.prodRequests(path)).toBe(2);
  });
});
