/**
 * A dispatch core in production mode for the reliability suites: the real handlers reached
 * through invokeOperation (see test-core.ts), an account saved with the fake cipher, `baseUrl`
 * pointing at a loopback ECP simulator standing in for api.netease.im, and the in-process sandbox
 * next to it so a request that went to the wrong place would be seen too.
 *
 * Outgoing attempts are counted with `recordRequests()` (outgoing-http.ts), so "exactly one
 * attempt, no retry" can be asserted even where no server exists to count it: a closed port, a
 * name that does not resolve.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../../src/main/sandbox/sandbox';
import { startSimulator, type Simulator } from '../../src/simulator';
import { openTestCore, type TestCore } from './test-core';

export const PROD_APP_KEY = 'a0b1c2d3e4f5061728394a5b6c7d8e9f';
export const PROD_CALLER_ACC = 'ops_desk';
export const PROD_APP_SECRET = 'c0ffee0secret0a1';
export const OWN_NUMBER = '13900139000';
export const CALLEE = '13800138000';
export const CONF_CALLEES = ['13800138000', '13700137000'];

export const START_CALL_PATH = '/call/ecp/startcall.action';
export const START_CONF_PATH = '/call/ecp/startconf.action';

/** A loopback URL where nothing listens: bind port 0, note the port, close it again. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

export interface ProductionCore {
  dataDir: string;
  prod: Simulator;
  sandbox: Sandbox;
  test: TestCore;
  call(name: Parameters<TestCore['call']>[0], payload: unknown): Promise<Record<string, unknown>>;
  /** Requests the production simulator received on `path`. */
  prodRequests(path: string): number;
  /** Requests the sandbox simulator received (0 when it never started). */
  sandboxRequests(): Promise<number>;
  close(): Promise<void>;
}

export interface ProductionCoreOptions {
  timeoutMs: number;
  /** The secret the production simulator expects and the account is saved with. */
  appSecret?: string;
  /** Leave the core in sandbox mode after saving the account. */
  mode?: 'production' | 'sandbox';
  /** Shared simulator (not closed by close()); a fresh one otherwise. */
  prod?: Simulator;
}

export async function openProductionCore(options: ProductionCoreOptions): Promise<ProductionCore> {
  const appSecret = options.appSecret ?? PROD_APP_SECRET;
  const dataDir = mkdtempSync(join(tmpdir(), 'dispatch-reliability-'));
  const ownsProd = options.prod === undefined;
  const prod = options.prod ?? (await startSimulator({ accounts: [{ appKey: PROD_APP_KEY, appSecret, accids: [PROD_CALLER_ACC] }] }));
  const sandbox = createSandbox({ progress: { ringingMs: 50, answeredMs: 50 }, recordRequests: 1000 });
  const test = openTestCore(dataDir, { sandbox, timeoutMs: options.timeoutMs });

  const setUp = [
    await test.call('settingsSet', { callerNumber: OWN_NUMBER, callerAcc: PROD_CALLER_ACC }),
    await test.call('accountSave', { appKey: PROD_APP_KEY, appSecret, baseUrl: prod.url }),
    ...(options.mode === 'sandbox' ? [await test.call('settingsSet', { mode: 'sandbox' })] : []),
  ];
  for (const r of setUp) if (r.ok !== true) throw new Error(`production core set-up failed: ${JSON.stringify(r)}`);

  return {
    dataDir,
    prod,
    sandbox,
    test,
    call: test.call,
    prodRequests: (path) => prod.requests.filter((r) => r.path === path).length,
    async sandboxRequests() {
      const sim = sandbox.simulator();
      return sim ? (await sim).requests.length : 0;
    },
    async close() {
      await test.core.close();
      if (ownsProd) await prod.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
