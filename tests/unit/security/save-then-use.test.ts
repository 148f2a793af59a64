/**
 * Findings 5, 6 and 13: a change is used only once it is stored; a start-up that throws is
 * shown; quitting waits for the core to close.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatchCore, type DispatchCore } from '../../../src/main/core';
import { invokeOperation } from '../../../src/main/ipc/operations';
import { openNodeRuntime } from '../../../src/main/preview/node-runtime';
import { quitAfterClose } from '../../../src/main/quit-after-close';
import { createSandbox, type Sandbox } from '../../../src/main/sandbox/sandbox';
import { runStartUp } from '../../../src/main/start-failure';
import { openConfStore } from '../../../src/main/stores/conf-store';
import type { KeyValueStore } from '../../../src/main/stores/kv-store';
import type { OperationName } from '../../../src/shared/contract';
import { createFakeCipher } from '../../support/fake-cipher';
import { createMemoryLog } from '../../support/memory-log';

const PREVIEW = join(__dirname, '../../../scripts/preview-web.ts');

/** A store whose writes fail like a full disk while `full` is set; reads keep working. */
function diskFullStore(inner: KeyValueStore): KeyValueStore & { full: boolean } {
  const store = {
    full: false,
    get: <T>(key: string) => inner.get<T>(key),
    set(key: string, value: unknown) {
      if (store.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      inner.set(key, value);
    },
    delete(key: string) {
      if (store.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      inner.delete(key);
    },
    get path() {
      return inner.path;
    },
  };
  return store;
}

let dataDir: string;
let core: DispatchCore | null;
let sandbox: Sandbox;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-save-'));
  sandbox = createSandbox({ progress: { ringingMs: 50, answeredMs: 50 }, recordRequests: 1000 });
  core = null;
});
afterEach(async () => {
  await core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('save, then use (finding 5)', () => {
  it('with the disk full, a new caller number is refused and the next call rings the old one', async () => {
    const settingsStore = diskFullStore(openConfStore({ cwd: dataDir, name: 'settings' }).store);
    const log = createMemoryLog();
    core = createDispatchCore({
      settingsStore,
      vaultStore: openConfStore({ cwd: dataDir, name: 'vault' }).store,
      cipher: createFakeCipher(),
      log,
      dataDir,
      sandbox,
    });
    const call = (name: OperationName, payload: unknown) =>
      invokeOperation(core!.handlers, name, payload, { trusted: true }, log) as Promise<Record<string, unknown>>;

    expect(await call('settingsSet', { callerNumber: '13900139000' })).toMatchObject({ ok: true });
    settingsStore.full = true;
    expect(await call('settingsSet', { callerNumber: '13911112222' })).toMatchObject({ ok: false, code: 'storage' });
    expect(await call('settingsGet', {})).toMatchObject({ settings: { callerNumber: '13900139000' } });
    // A mode switch that cannot be stored does not happen either.
    expect(await call('settingsSet', { mode: 'production' })).toMatchObject({ ok: false, code: 'storage' });

    expect(await call('startCall', { callee: '13800138000' })).toMatchObject({ ok: true, caller: '13900139000' });
    const sim = await sandbox.simulator()!;
    const bodies = sim.requests.filter((r) => r.path === '/call/ecp/startcall.action').map((r) => String(r.rawBody));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('13900139000');
    expect(bodies[0]).not.toContain('13911112222');
  });
});

describe('start-up failures are shown (finding 6)', () => {
  it('an unusable data folder is reported once, naming the folder, instead of throwing into nothing', async () => {
    const notAFolder = join(dataDir, 'file-not-folder');
    writeFileSync(notAFolder, 'x');
    const reports: string[] = [];
    const started = await runStartUp(
      () => void openNodeRuntime({ dataDir: notAFolder, sandbox }),
      notAFolder,
      (text) => reports.push(`${text.title}\n${text.message}`),
    );
    expect(started).toBe(false);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain(notAFolder);
  });

  it('the preview prints the reason and exits non-zero', async () => {
    const notAFolder = join(dataDir, 'file-not-folder');
    writeFileSync(notAFolder, 'x');
    const child = spawn(process.execPath, ['--import', 'tsx', PREVIEW], {
      env: { ...process.env, DISPATCH_DATA_DIR: notAFolder, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(notAFolder);
  }, 30_000);
});

describe('quit waits for close (finding 13)', () => {
  it('holds the first quit until close() settles, then quits once and lets the next quit through', async () => {
    let finishClose!: () => void;
    let closes = 0;
    let quits = 0;
    const onQuit = quitAfterClose({
      close: () => (closes++, new Promise<void>((resolve) => (finishClose = resolve))),
      quit: () => quits++,
    });
    const prevented: boolean[] = [];
    const event = () => {
      const e = { prevented: false, preventDefault: () => void (e.prevented = true) };
      return e;
    };
    const first = event();
    onQuit(first);
    const second = event();
    onQuit(second);
    prevented.push(first.prevented, second.prevented);
    expect(prevented).toEqual([true, true]);
    expect(closes).toBe(1);
    expect(quits).toBe(0);
    finishClose();
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(quits).toBe(1);
    const third = event();
    onQuit(third);
    expect(third.prevented).toBe(false);
    expect(closes).toBe(1);
  });

  it('a close that fails still quits (and reports)', async () => {
    const errors: unknown[] = [];
    let quits = 0;
    const onQuit = quitAfterClose({ close: () => Promise.reject(new Error('disk gone')), quit: () => quits++, onError: (e) => errors.push(e) });
    onQuit({ preventDefault() {} });
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(quits).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
