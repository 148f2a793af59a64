import { words } from '../../support/words';
/**
 * Fuzzing every IPC operation (every name in OPERATION_NAMES) through invokeOperation with the
 * real core handlers, the way a compromised or buggy renderer would reach them. Per operation at
 * least FUZZ_RUNS payloads: contract-valid ones, values that break the contract in one place
 * (wrong types, extra or missing keys, oversize and huge strings, bad patterns), own
 * `__proto__`/`constructor`/`prototype` keys via JSON.parse at any depth, arbitrary JSON values
 * (also with any Unicode) and arbitrary structured-clone values (Date, Map, BigInt…).
 *
 * Promised for every payload: no exception escapes (an envelope with a boolean `ok` comes back),
 * no handler throws (`internal`), Object.prototype is never polluted, and nothing that ends in
 * `invalid_input` sends a request to either simulator (the sandbox's or the one standing in for
 * production). For JSON payloads the model in tests/support/contract-model.ts is the oracle: what
 * does not fit the contract is refused at the boundary with `invalid_input`; what fits gets past it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, type OperationName } from '../../../src/shared/contract';
import { requestSchemas } from '../../../src/shared/contract-schemas';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { MODEL, POLLUTION_MARKER, conforms, oversizeExamples, payloadArb, type Labelled } from '../../support/contract-model';
import { PROD_APP_KEY, PROD_CALLER_ACC, openProductionCore, type ProductionCore } from '../../support/production-core';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const APP_SECRET = 'fuzz0secret0b7e2';

/** Operations that talk to a server; fuzzed against a production-mode and a sandbox-mode core. */
const NETWORK_OPS: ReadonlySet<OperationName> = new Set(['startCall', 'startConf', 'accountCheck']);
/** Valid payloads of these write to disk (one fsync each): fewer of them keeps the run quick. */
const WRITING_OPS: ReadonlySet<OperationName> = new Set([
  'accountSave',
  'accountClear',
  'settingsSet',
  'desktopSettingsSet',
  'contactSave',
  'contactsRestore',
  'groupSave',
  'rosterSave',
]);

/** Share of contract-valid payloads (out of ~80): enough to reach the handlers, few where each costs a write or a request. */
function validWeight(op: OperationName): number {
  if (WRITING_OPS.has(op)) return 3;
  if (NETWORK_OPS.has(op)) return 5;
  return 8;
}

let prod: Simulator;
const protoBaseline = {
  object: Reflect.ownKeys(Object.prototype).map(String).sort().join(),
  array: Reflect.ownKeys(Array.prototype).map(String).sort().join(),
};
const timings: { op: OperationName; runs: number; ms: number; stats: Record<string, number> }[] = [];

beforeAll(async () => {
  prod = await startSimulator({ accounts: [{ appKey: PROD_APP_KEY, appSecret: APP_SECRET, accids: [PROD_CALLER_ACC] }] });
});
afterAll(async () => {
  await prod?.close();
  const total = timings.reduce((n, t) => n + t.ms, 0);
  console.log(
    [
      `IPC fuzz: ${timings.length} operations, ${timings.reduce((n, t) => n + t.runs, 0)} payloads in ${(total / 1000).toFixed(1)} s`,
      ...timings.map((t) => `  ${t.op.padEnd(22)} ${t.runs} runs ${String(t.ms).padStart(6)} ms  ${JSON.stringify(t.stats)}`),
    ].join('\n'),
  );
});

function assertNotPolluted(): void {
  const probe = {} as Record<string, unknown>;
  if (probe[POLLUTION_MARKER] !== undefined || Object.getPrototypeOf(probe) !== Object.prototype) {
    throw new Error('Object.prototype was polluted');
  }
  if (Reflect.ownKeys(Object.prototype).map(String).sort().join() !== protoBaseline.object) throw new Error('Object.prototype changed');
  if (Reflect.ownKeys(Array.prototype).map(String).sort().join() !== protoBaseline.array) throw new Error('Array.prototype changed');
}

async function requestsSeen(core: ProductionCore): Promise<number> {
  return prod.requests.length + (core.sandbox.simulator() === null ? 0 : await core.sandboxRequests());
}

describe('IPC fuzzing: every operation through invokeOperation and the real handlers', () => {
  it('covers exactly the operations of the contract, and the model agrees with the contract on shapes', () => {
    expect(Object.keys(MODEL).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const op of OPERATION_NAMES) {
      const model = MODEL[op];
      if (model.kind !== 'object') throw new Error(`${op}: not an object model`);
      const schema = requestSchemas[op] as unknown as { shape: Record<string, unknown> };
      expect(Object.keys(model.fields).sort(), op).toEqual(Object.keys(schema.shape).sort());
    }
  });

  it.each([...OPERATION_NAMES])(
    `%s: ${FUZZ_RUNS} random payloads`,
    async (op) => {
      const modes = NETWORK_OPS.has(op) ? (['production', 'sandbox'] as const) : (['production'] as const);
      const cores: ProductionCore[] = [];
      for (const mode of modes) cores.push(await openProductionCore({ timeoutMs: 5000, mode, prod, appSecret: APP_SECRET }));
      const stats: Record<string, number> = {};
      const bump = (k: string) => void (stats[k] = (stats[k] ?? 0) + 1);
      const schemaRejection = `Invalid ${op} request (`;
      const model = MODEL[op];
      const examples = oversizeExamples(model).map((value): [number, Labelled] => [0, { source: 'oversize', value, json: true }]);
      const started = performance.now();
      try {
        const property = fc.asyncProperty(fc.nat(cores.length - 1), payloadArb(model, validWeight(op)), async (which, input) => {
          const core = cores[which];
          const before = await requestsSeen(core);
          let result: Record<string, unknown>;
          try {
            result = await core.call(op, input.value);
          } catch (error) {
            throw new Error(`invokeOperation threw: ${String(error)}`, { cause: error });
          }
          const sent = (await requestsSeen(core)) - before;
          assertNotPolluted();
          // Plain checks rather than expect(): this runs a quarter of a million times.
          const show = () => JSON.stringify(result).slice(0, 300);

          // An envelope, always; a failure is a described one, and never a handler that threw.
          check(typeof result === 'object' && result !== null && typeof result.ok === 'boolean', () => `not an envelope: ${show()}`);
          if (result.ok === false) {
            check(typeof result.code === 'string' || typeof result.code === 'number', () => `no code: ${show()}`);
            check(typeof result.message === 'string' && result.message.length > 0, () => `no message: ${show()}`);
            check(result.code !== 'internal', () => `a handler threw: ${show()}`);
          }
          // Nothing refused is sent, nothing local is sent, nothing is retried.
          check(result.code !== 'invalid_input' || sent === 0, () => `refused yet sent ${sent} request(s): ${show()}`);
          check(NETWORK_OPS.has(op) || sent === 0, () => `${op} sent ${sent} request(s)`);
          check(!(NETWORK_OPS.has(op) && result.ok === true) || sent === 1, () => `succeeded with ${sent} requests`);
          check(sent <= 1, () => `${sent} requests for one operation`);

          const refusedAtBoundary = result.code === 'invalid_input' && String(result.message).startsWith(schemaRejection);
          bump(input.source);
          bump(result.ok ? 'ok' : refusedAtBoundary ? 'refused:boundary' : `refused:${String(result.code)}`);
          if (sent > 0) bump('requests');
          if (!input.json) return;
          if (conforms(model, input.value)) {
            check(!refusedAtBoundary, () => `a payload that fits the contract was refused: ${show()}`);
          } else {
            check(refusedAtBoundary, () => `a payload that breaks the contract got past the boundary: ${show()}`);
            check(!!words(result, 'zh-CN') && !!words(result, 'en'), () => `no localized text: ${show()}`);
          }
        });
        await fc.assert(property, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, examples });
      } finally {
        for (const core of cores) await core.close();
      }
      timings.push({ op, runs: FUZZ_RUNS + examples.length, ms: Math.round(performance.now() - started), stats });
      assertNotPolluted();
      // The mix really exercised both sides of the boundary.
      const reachedHandler = FUZZ_RUNS + examples.length - (stats['refused:boundary'] ?? 0);
      expect(stats['refused:boundary'] ?? 0).toBeGreaterThan(FUZZ_RUNS / 2);
      expect(stats.oversize ?? 0).toBe(examples.length);
      expect(reachedHandler).toBeGreaterThan(FUZZ_RUNS / 100);
      if (NETWORK_OPS.has(op)) expect(stats.requests ?? 0).toBeGreaterThan(0);
    },
    180_000,
  );
});

function check(condition: boolean, problem: () => string): asserts condition {
  if (!condition) throw new Error(problem());
}
