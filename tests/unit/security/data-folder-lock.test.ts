/**
 * Finding 4: one writer per data folder. Two real processes: a holder that opened the app's
 * runtime on a folder, and a second runtime (in this process) and the preview script (a third
 * process) that must both refuse, naming the folder. A holder killed with SIGKILL leaves a stale
 * lock that the next start takes over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNodeRuntime } from '../../../src/main/preview/node-runtime';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { DataFolderLockedError, LOCK_FILE_NAME, lockDataFolder } from '../../../src/main/stores/data-folder-lock';

const HOLDER = join(__dirname, '../../support/lock-holder.ts');
const PREVIEW = join(__dirname, '../../../scripts/preview-web.ts');

let dataDir: string;
let children: ChildProcess[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-lock-'));
});
afterEach(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children = [];
  rmSync(dataDir, { recursive: true, force: true });
});

function startHolder(): Promise<{ child: ChildProcess; pid: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ready (\d+)/.exec(out);
      if (m) resolve({ child, pid: Number(m[1]) });
    });
    child.once('exit', (code) => reject(new Error(`holder exited early (${code})`)));
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('data folder lock', () => {
  it('a second writer refuses while another process holds the folder, naming it; a killed holder is taken over', async () => {
    const { child, pid } = await startHolder();
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid });

    // The app's runtime in this process refuses, before writing anything.
    const contactsBefore = readFileSync(join(dataDir, 'contacts.journal'));
    let refused: unknown;
    try {
      openNodeRuntime({ dataDir, sandbox: createSandbox() });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataFolderLockedError);
    expect((refused as Error).message).toContain(dataDir);
    expect((refused as Error).message).toContain(String(pid));
    expect(readFileSync(join(dataDir, 'contacts.journal'))).toEqual(contactsBefore);

    // So does the preview (a third process): non-zero exit, the folder named on stderr.
    const preview = spawn(process.execPath, ['--import', 'tsx', PREVIEW], {
      env: { ...process.env, DISPATCH_DATA_DIR: dataDir, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(preview);
    let stderr = '';
    preview.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const previewExit = await exitOf(preview);
    expect(previewExit.code).toBe(1);
    expect(stderr).toContain(dataDir);
    expect(stderr).toMatch(/in use by another Dispatch Desk/);

    // The holder dies without a chance to clean up: its lock is stale, and the next start takes it.
    child.kill('SIGKILL');
    await exitOf(child);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(true);
    const runtime = openNodeRuntime({ dataDir, sandbox: createSandbox() });
    try {
      expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
      const listed = await runtime.core.handlers.contactsList({});
      expect(listed.ok && listed.contacts.map((c) => c.name)).toEqual(['Holder']);
    } finally {
      await runtime.core.close();
    }
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  }, 60_000);

  it('within one process a folder is locked once; release frees it; the lock file is owner-only', () => {
    const lock = lockDataFolder(dataDir);
    expect(() => lockDataFolder(dataDir)).toThrow(DataFolderLockedError);
    if (process.platform !== 'win32') expect(statSync(lock.file).mode & 0o777).toBe(0o600);
    lock.release();
    lockDataFolder(dataDir).release();
  });

  it('a live owner is respected, a dead one is not, and release never removes a lock someone else took', () => {
    const file = join(dataDir, LOCK_FILE_NAME);
    writeFileSync(file, JSON.stringify({ pid: 4242, host: hostname(), token: 'other', startedAt: '' }));
    expect(() => lockDataFolder(dataDir, { isAlive: () => true })).toThrow(/4242/);
    const lock = lockDataFolder(dataDir, { isAlive: () => false });
    // Another process decided we were dead and took over: our release leaves its lock alone.
    writeFileSync(file, JSON.stringify({ pid: 4243, host: 'h', token: 'theirs', startedAt: '' }));
    lock.release();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ token: 'theirs' });
  });

  it('a lock from another host (a network folder) is respected', () => {
    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: 1, host: 'elsewhere', token: 't', startedAt: '' }));
    expect(() => lockDataFolder(dataDir, { isAlive: () => false })).toThrow(DataFolderLockedError);
  });
});
