/**
 * One writer per data folder. Two processes on one folder (the app and the preview, or two apps
 * with the same DISPATCH_DATA_DIR) would each append to the journals at their own offset and
 * silently lose each other's saves. Whoever starts second refuses, naming the folder.
 *
 * The lock is a file created with O_EXCL holding the owner's pid. A lock whose pid is dead on
 * this host is stale (the owner crashed or was killed) and is taken over. A lock from another
 * host (a network folder) cannot be checked and is respected.
 *
 * Known limit: two processes that find the same stale lock at the same instant could both take
 * it over (check, then unlink); this needs a crash followed by two starts within microseconds.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { O_NOFOLLOW, readFileNoFollow, refuseSymlink, SymlinkRefusedError } from './no-follow';

export const LOCK_FILE_NAME = 'dispatch-desk.lock';

interface LockRecord {
  pid: number;
  host: string;
  token: string;
  startedAt: string;
}

export class DataFolderLockedError extends Error {
  readonly code = 'data_folder_locked';
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number | null,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Dispatch Desk (process ${ownerPid ?? 'unknown'}). ` +
        `Close it first, or use a different folder (DISPATCH_DATA_DIR). / 数据文件夹 ${dataDir} 正被另一个调度台使用（进程 ${ownerPid ?? '未知'}）。`,
    );
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  readonly file: string;
  release(): void;
}

/** Folders locked by this process: a second core here is as much a second writer as another process. */
const heldHere = new Set<string>();

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataFolder(dataDir: string, options: { isAlive?: (pid: number) => boolean } = {}): DataFolderLock {
  const isAlive = options.isAlive ?? isProcessAlive;
  const dir = path.resolve(dataDir);
  const file = path.join(dir, LOCK_FILE_NAME);
  if (heldHere.has(dir)) throw new DataFolderLockedError(dir, process.pid);
  // Owner-only, like every file in it (a no-op for a folder that already exists).
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const mine: LockRecord = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex'), startedAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file, mine)) {
      heldHere.add(dir);
      const release = () => {
        if (!heldHere.delete(dir)) return;
        process.removeListener('exit', release);
        // Only our own lock: never remove one another process took over after we were presumed dead.
        if (readRecord(file)?.token === mine.token) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { file, release };
    }
    const owner = readRecord(file);
    const stale = owner === null ? olderThan(file, UNREADABLE_STALE_MS) : owner.host === mine.host && (owner.pid === process.pid || !isAlive(owner.pid));
    // An unreadable lock is being written this instant (respected), or was left empty by a crash
    // between create and write (stale once it is a few seconds old).
    if (!stale) throw new DataFolderLockedError(dir, owner?.pid ?? null);
    fs.rmSync(file, { force: true });
  }
  throw new DataFolderLockedError(dir, null);
}

const UNREADABLE_STALE_MS = 10_000;

function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - fs.lstatSync(file).mtimeMs > ms;
  } catch {
    return true;
  }
}

function tryCreate(file: string, record: LockRecord): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | O_NOFOLLOW, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new SymlinkRefusedError(file);
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // O_CREAT|O_EXCL reports a planted link as EEXIST: refuse it rather than read or stat through it.
    refuseSymlink(file);
    return false;
  }
  try {
    fs.writeSync(fd, JSON.stringify(record));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function readRecord(file: string): LockRecord | null {
  try {
    const value = JSON.parse(readFileNoFollow(file)?.toString('utf8') ?? '') as Partial<LockRecord>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.token !== 'string') return null;
    return value as LockRecord;
  } catch {
    return null;
  }
}
