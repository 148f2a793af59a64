/**
 * A dispatch core on a real data folder, reached through invokeOperation (schemas included) the
 * way the renderer reaches it, with session polling driven by hand: `rounds.tick()` runs one
 * tracker round and resolves when its queries have been answered and written.
 */
import type { OperationName } from '../../src/shared/contract';
import type { Repeat } from '../../src/main/calls/repeat';
import { createDispatchCore, type CoreDeps, type DispatchCore } from '../../src/main/core';
import { invokeOperation } from '../../src/main/ipc/operations';
import type { Sandbox } from '../../src/main/sandbox/sandbox';
import { openConfStore } from '../../src/main/stores/conf-store';
import { createFakeCipher } from './fake-cipher';
import { createMemoryLog } from './memory-log';
import { createMemoryData, openMemorySources, type MemoryData } from './memory-sources';

/**
 * Set by the `services-on-memory-sources` vitest project: the same service tests then run on
 * in-memory sources instead of the local files (see memory-sources.ts).
 */
export const onMemorySources = process.env.DISPATCH_TEST_SOURCES === 'memory';
/** One in-memory data set per data folder, so a core reopened on the same folder finds its data. */
const memoryByDir = new Map<string, MemoryData>();

export interface ManualRounds {
  repeat: Repeat;
  /** Runs one polling round; fails the test if polling was never started or was stopped. */
  tick(): Promise<void>;
  readonly running: boolean;
  readonly intervalMs: number | undefined;
}

export function manualRounds(): ManualRounds {
  let run: (() => Promise<void>) | null = null;
  let intervalMs: number | undefined;
  return {
    repeat: (ms, r) => {
      intervalMs = ms;
      run = r;
      return { stop: () => void (run = null) };
    },
    tick: () => {
      if (!run) throw new Error('session polling is not running');
      return run();
    },
    get running() {
      return run !== null;
    },
    get intervalMs() {
      return intervalMs;
    },
  };
}

export interface TestCore {
  core: DispatchCore;
  log: ReturnType<typeof createMemoryLog>;
  rounds: ManualRounds;
  call(name: OperationName, payload: unknown): Promise<Record<string, unknown>>;
}

export function openTestCore(
  dataDir: string,
  options: { sandbox: Sandbox } & Partial<Omit<CoreDeps, 'settingsStore' | 'vaultStore' | 'cipher' | 'log' | 'dataDir'>>,
): TestCore {
  const log = createMemoryLog();
  const rounds = manualRounds();
  const core = createDispatchCore({
    settingsStore: openConfStore({ cwd: dataDir, name: 'settings' }).store,
    vaultStore: openConfStore({ cwd: dataDir, name: 'vault' }).store,
    // Same key every time, so a core reopened on the same folder can read the vault.
    cipher: createFakeCipher(),
    log,
    dataDir,
    timeoutMs: 2000,
    // The suites stand a loopback simulator in for api.netease.im, as a development build may.
    // `.invalid` never resolves: the DNS-failure cases need a host the rule lets through.
    apiHosts: { allowLoopback: true, extraHosts: ['nonexistent.invalid'] },
    ...memorySourcesFor(dataDir),
    ...options,
    tracking: { repeat: rounds.repeat, ...options.tracking },
  });
  const call = (name: OperationName, payload: unknown) =>
    invokeOperation(core.handlers, name, payload, { trusted: true }, log) as Promise<Record<string, unknown>>;
  return { core, log, rounds, call };
}

function memorySourcesFor(dataDir: string): Pick<CoreDeps, 'openSources'> {
  if (!onMemorySources) return {};
  let data = memoryByDir.get(dataDir);
  if (!data) memoryByDir.set(dataDir, (data = createMemoryData()));
  const opened = data;
  return { openSources: (options) => openMemorySources(opened, options) };
}
