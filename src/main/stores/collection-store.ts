import fs from 'node:fs';
import path from 'node:path';
import { fsyncDirectory, tempPathFor, writeAllSync, writeFileAtomicSync } from './durable-file';
import { encodeOp, isItemWithId, readJournal, type JournalOp } from './journal';
import { asidePath, moveAside } from './quarantine';
import type { StoreNotice } from './store-notice';

/**
 * A crash-safe store for large collections (tens of thousands of contacts, the call log).
 *
 * On disk: `<name>.json`, a snapshot replaced atomically, plus `<name>.journal`, one JSON line per
 * change since that snapshot, fsync'd before put/delete return. Opening = snapshot + journal
 * replay. Replaying ops the snapshot already contains is harmless (the last op per id wins), which
 * is what makes a crash between "new snapshot renamed in" and "journal truncated" safe.
 *
 * Everything is synchronous on purpose: a write has reached the disk when the call returns, and
 * no two writes can interleave. Single process only (the app holds the single-instance lock).
 * Items read back are trusted to be what was written; callers that care re-validate them.
 */
export interface Collection<T extends { id: string }> {
  /** Live read-only view; do not mutate the items themselves either — put a changed copy. */
  readonly items: ReadonlyMap<string, T>;
  all(): T[];
  get(id: string): T | undefined;
  /** Durable when it returns; throws (and changes nothing) if the disk write fails. */
  put(item: T): void;
  /** One append and one fsync for the whole batch (imports). */
  putMany(items: readonly T[]): void;
  /** false when there was nothing to delete (and nothing is written). */
  delete(id: string): boolean;
  /** Writes a fresh snapshot and empties the journal. */
  compact(): void;
  /** What loading had to repair; show these to the user. */
  readonly notices: StoreNotice[];
  close(): void;
}

export interface CollectionOptions {
  dir: string;
  name: string;
  /**
   * Journal entries after which a compaction is scheduled. It runs right after the current task
   * rather than inside put(), so no single put pays for rewriting the whole snapshot.
   */
  compactAfter?: number;
}

const DEFAULT_COMPACT_AFTER = 2000;
const SNAPSHOT_VERSION = 1;

interface Snapshot<T> {
  version: number;
  items: T[];
}

function parseSnapshot<T>(text: string): T[] | null {
  try {
    const value = JSON.parse(text) as Partial<Snapshot<unknown>>;
    if (value?.version !== SNAPSHOT_VERSION || !Array.isArray(value.items)) return null;
    return value.items.every(isItemWithId) ? (value.items as T[]) : null;
  } catch {
    return null;
  }
}

function readIfExists(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function apply<T extends { id: string }>(map: Map<string, T>, op: JournalOp<T>): void {
  if (op.op === 'put') map.set(op.item.id, op.item);
  else map.delete(op.id);
}

function assertId(item: { id: string }): void {
  if (typeof item?.id !== 'string' || item.id === '') throw new TypeError('collection item needs a non-empty string id');
}

export function openCollection<T extends { id: string }>(options: CollectionOptions): Collection<T> {
  const compactAfter = options.compactAfter ?? DEFAULT_COMPACT_AFTER;
  fs.mkdirSync(options.dir, { recursive: true });
  const snapshotPath = path.join(options.dir, `${options.name}.json`);
  const journalPath = path.join(options.dir, `${options.name}.journal`);
  const notices: StoreNotice[] = [];
  const map = new Map<string, T>();

  // A leftover temp file is a compaction that never got renamed in; the old snapshot and the
  // journal still hold everything it had.
  fs.rmSync(tempPathFor(snapshotPath), { force: true });

  const snapshotBytes = readIfExists(snapshotPath);
  let needsCompaction = false;
  if (snapshotBytes) {
    const items = parseSnapshot<T>(snapshotBytes.toString('utf8'));
    if (items) for (const item of items) map.set(item.id, item);
    else {
      notices.push(moveAside(snapshotPath));
      needsCompaction = true;
    }
  }

  const journalBytes = readIfExists(journalPath) ?? Buffer.alloc(0);
  const journal = readJournal<T>(journalBytes);
  for (const op of journal.ops) apply(map, op);
  if (journal.damagedLines > 0) {
    const copiedTo = asidePath(journalPath);
    fs.copyFileSync(journalPath, copiedTo);
    notices.push({ kind: 'damaged_journal_copied', file: journalPath, copiedTo, skippedLines: journal.damagedLines });
    needsCompaction = true;
  }
  // Cut a torn tail off before appending, or the next line would be glued to the garbage.
  if (journal.keepBytes < journalBytes.length) fs.truncateSync(journalPath, journal.keepBytes);

  // Read-write with explicit positions rather than O_APPEND: on Windows an append-only handle
  // cannot be truncated, and compaction must empty the journal through this same handle.
  let fd: number | null = fs.openSync(journalPath, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
  let journalSize = journal.keepBytes;
  let journalEntries = journal.ops.length;
  let compactionScheduled = false;

  function openFd(): number {
    if (fd === null) throw new Error(`collection "${options.name}" is closed`);
    return fd;
  }

  /** Appends and fsyncs; on failure the journal is cut back so no half line is left behind. */
  function append(text: string, entries: number): void {
    const handle = openFd();
    const data = Buffer.from(text, 'utf8');
    try {
      writeAllSync(handle, data, journalSize);
      fs.fsyncSync(handle);
    } catch (error) {
      try {
        fs.ftruncateSync(handle, journalSize);
      } catch {
        // the torn tail is dropped on the next open anyway
      }
      throw error;
    }
    journalSize += data.length;
    journalEntries += entries;
    if (journalEntries > compactAfter) scheduleCompaction();
  }

  function compact(): void {
    const handle = openFd();
    const snapshot: Snapshot<T> = { version: SNAPSHOT_VERSION, items: [...map.values()] };
    writeFileAtomicSync(snapshotPath, Buffer.from(JSON.stringify(snapshot), 'utf8'));
    // Only now is the journal redundant; a crash before this line just replays it again.
    fs.ftruncateSync(handle, 0);
    fs.fsyncSync(handle);
    journalSize = 0;
    journalEntries = 0;
  }

  function scheduleCompaction(): void {
    if (compactionScheduled) return;
    compactionScheduled = true;
    setImmediate(() => {
      compactionScheduled = false;
      if (fd === null) return;
      try {
        compact();
      } catch {
        // The journal still holds everything; the next put past the threshold tries again.
      }
    }).unref();
  }

  if (journal.missingNewline) append('\n', 0);
  if (needsCompaction) compact();
  else if (journalEntries > compactAfter) scheduleCompaction();
  fsyncDirectory(options.dir);

  return {
    items: map,
    all: () => [...map.values()],
    get: (id) => map.get(id),
    put(item) {
      assertId(item);
      append(encodeOp<T>({ op: 'put', item }), 1);
      map.set(item.id, item);
    },
    putMany(items) {
      if (items.length === 0) return;
      items.forEach(assertId);
      append(items.map((item) => encodeOp<T>({ op: 'put', item })).join(''), items.length);
      for (const item of items) map.set(item.id, item);
    },
    delete(id) {
      if (!map.has(id)) return false;
      append(encodeOp<T>({ op: 'del', id }), 1);
      map.delete(id);
      return true;
    },
    compact,
    notices,
    close() {
      if (fd === null) return;
      if (journalEntries > compactAfter) {
        try {
          compact();
        } catch {
          // nothing lost: the journal is replayed on the next open
        }
      }
      fs.closeSync(fd);
      fd = null;
    },
  };
}
