import fs from 'node:fs';
import path from 'node:path';
import { fsyncDirectory, tempPathFor, writeAllSync, writeFileAtomicSync } from './durable-file';
import { LazyItemsView } from './items-view';
import { encodeOp, readJournal } from './journal';
import { DIR_MODE, FILE_MODE, O_NOFOLLOW, readFileNoFollow, writeCopyNoFollow } from './no-follow';
import { asidePath, moveAside } from './quarantine';
import { buildSnapshot, emptySnapshot, indexSnapshot, readSnapshotItem, type SnapshotIndex } from './snapshot-file';
import type { StoreNotice } from './store-notice';

/**
 * A crash-safe store for large collections (tens of thousands of contacts, the call log).
 *
 * On disk: `<name>.snapshot.jsonl`, replaced atomically (see snapshot-file.ts), plus
 * `<name>.journal`, one JSON line per change since that snapshot, fsync'd before put/delete
 * return. Opening = snapshot + journal replay. Replaying ops the snapshot already contains is
 * harmless (the last op per id wins), which is what makes a crash between "new snapshot renamed
 * in" and "journal emptied" safe.
 *
 * Snapshot items are parsed on first read, so opening 50 000 contacts costs a file read, not a
 * full JSON parse. Everything is synchronous on purpose: a write has reached the disk when the
 * call returns, and no two writes interleave. Single process only (the app holds the
 * single-instance lock). Items read back are trusted to be what was written; callers that care
 * re-validate them.
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
  /** One append and one fsync for the whole batch (bulk delete, pruning); returns how many existed. */
  deleteMany(ids: readonly string[]): number;
  /** Writes a fresh snapshot and empties the journal. */
  compact(): void;
  /** What opening (or a later first read of a damaged item) had to repair; show these to the user. */
  readonly notices: StoreNotice[];
  close(): void;
}

export interface CollectionOptions {
  dir: string;
  name: string;
  /**
   * Journal entries after which a compaction is scheduled. It runs right after the current task
   * rather than inside put(), so no single put pays for rewriting the snapshot.
   */
  compactAfter?: number;
  /** Told about notices that arise after opening (a damaged item found when first read). */
  onNotice?: (notice: StoreNotice) => void;
}

const DEFAULT_COMPACT_AFTER = 2000;

function readIfExists(file: string): Buffer | null {
  return readFileNoFollow(file);
}

function assertId(item: { id: string }): void {
  if (typeof item?.id !== 'string' || item.id === '') throw new TypeError('collection item needs a non-empty string id');
}

export function openCollection<T extends { id: string }>(options: CollectionOptions): Collection<T> {
  const compactAfter = options.compactAfter ?? DEFAULT_COMPACT_AFTER;
  fs.mkdirSync(options.dir, { recursive: true, mode: DIR_MODE });
  const snapshotPath = path.join(options.dir, `${options.name}.snapshot.jsonl`);
  const journalPath = path.join(options.dir, `${options.name}.journal`);
  const notices: StoreNotice[] = [];

  // id → the item (changed since the snapshot) or its line in the snapshot (not yet parsed).
  const sources = new Map<string, T | number>();
  // Parsed snapshot lines, so each is parsed at most once.
  const parsed = new Map<string, T>();
  let needsCompaction = false;

  // A leftover temp file is a compaction that never got renamed in; the old snapshot and the
  // journal still hold everything it had.
  fs.rmSync(tempPathFor(snapshotPath), { force: true });

  let snapshot: SnapshotIndex = emptySnapshot();
  const snapshotBytes = readIfExists(snapshotPath);
  if (snapshotBytes) {
    const indexed = indexSnapshot(snapshotBytes);
    if (indexed) for (let i = 0; i < indexed.ids.length; i++) sources.set(indexed.ids[i], i);
    // An id listed twice is a snapshot this store never writes: damaged, like a truncated one.
    if (indexed && sources.size === indexed.ids.length) snapshot = indexed;
    else {
      sources.clear();
      notices.push(moveAside(snapshotPath));
      needsCompaction = true;
    }
  }

  const journalBytes = readIfExists(journalPath) ?? Buffer.alloc(0);
  const journal = readJournal<T>(journalBytes);
  for (const op of journal.ops) {
    if (op.op === 'put') sources.set(op.item.id, op.item);
    else sources.delete(op.id);
  }
  if (journal.damagedLines > 0) {
    const copiedTo = asidePath(journalPath);
    writeCopyNoFollow(copiedTo, journalBytes);
    notices.push({ kind: 'damaged_file_copied', file: journalPath, copiedTo, skippedLines: journal.damagedLines });
    needsCompaction = true;
  }
  // Cut a torn tail off so the file holds only whole lines before anything is appended.
  if (journal.keepBytes < journalBytes.length) fs.truncateSync(journalPath, journal.keepBytes);

  // Read-write with explicit positions rather than O_APPEND: on Windows an append-only handle
  // cannot be truncated, and compaction must empty the journal through this same handle.
  let fd: number | null = fs.openSync(journalPath, fs.constants.O_RDWR | fs.constants.O_CREAT | O_NOFOLLOW, FILE_MODE);
  let journalSize = journal.keepBytes;
  let journalEntries = journal.ops.length;
  let compactionScheduled = false;
  let snapshotDamage: Extract<StoreNotice, { kind: 'damaged_file_copied' }> | null = null;

  function openFd(): number {
    if (fd === null) throw new Error(`collection "${options.name}" is closed`);
    return fd;
  }

  /** A snapshot line that does not parse: keep a copy of the snapshot, drop the item, say so. */
  function dropDamagedItem(id: string): undefined {
    sources.delete(id);
    if (snapshotDamage) snapshotDamage.skippedLines++;
    else {
      const copiedTo = asidePath(snapshotPath);
      writeCopyNoFollow(copiedTo, snapshot.buf);
      snapshotDamage = { kind: 'damaged_file_copied', file: snapshotPath, copiedTo, skippedLines: 1 };
      notices.push(snapshotDamage);
      options.onNotice?.(snapshotDamage);
    }
    // The next snapshot no longer has the line, so the damage is reported once, not on every start.
    scheduleCompaction();
    return undefined;
  }

  function resolve(id: string, source: T | number): T | undefined {
    if (typeof source !== 'number') return source;
    const cached = parsed.get(id);
    if (cached) return cached;
    const item = readSnapshotItem<T>(snapshot, source);
    if (!item) return dropDamagedItem(id);
    parsed.set(id, item);
    return item;
  }

  /** Writes and fsyncs; on failure the journal is cut back so no half line is left behind. */
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
    const next = buildSnapshot(sources, snapshot);
    writeFileAtomicSync(snapshotPath, next.buf);
    // Only now is the journal redundant; a crash before this line just replays it again.
    fs.ftruncateSync(handle, 0);
    fs.fsyncSync(handle);
    journalSize = 0;
    journalEntries = 0;
    // Point every id at its line in the new snapshot; changed items become its parsed lines.
    let line = 0;
    for (const [id, source] of sources) {
      if (typeof source !== 'number') parsed.set(id, source);
      sources.set(id, line++);
    }
    snapshot = next;
    snapshotDamage = null;
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

  const items = new LazyItemsView<T>(sources, resolve);
  return {
    items,
    all: () => [...items.values()],
    get: (id) => items.get(id),
    put(item) {
      assertId(item);
      append(encodeOp<T>({ op: 'put', item }), 1);
      parsed.delete(item.id);
      sources.set(item.id, item);
    },
    putMany(batch) {
      if (batch.length === 0) return;
      batch.forEach(assertId);
      append(batch.map((item) => encodeOp<T>({ op: 'put', item })).join(''), batch.length);
      for (const item of batch) {
        parsed.delete(item.id);
        sources.set(item.id, item);
      }
    },
    delete(id) {
      if (!sources.has(id)) return false;
      append(encodeOp<T>({ op: 'del', id }), 1);
      parsed.delete(id);
      sources.delete(id);
      return true;
    },
    deleteMany(ids) {
      const existing = [...new Set(ids)].filter((id) => sources.has(id));
      if (existing.length === 0) return 0;
      append(existing.map((id) => encodeOp<T>({ op: 'del', id })).join(''), existing.length);
      for (const id of existing) {
        parsed.delete(id);
        sources.delete(id);
      }
      return existing.length;
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
