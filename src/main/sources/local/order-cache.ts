/**
 * The contact list's display order, remembered between runs so that start-up can answer the
 * first page without parsing and sorting 50 000 contacts first.
 *
 * It is a cache, never the truth: the file records the ids in display order together with a
 * fingerprint of the collection's files (size, modification time and inode of the snapshot and
 * the journal) as they were when the order was right. Any write to the collection changes the
 * fingerprint, so an order that no longer matches the files is never used: the book then parses
 * and sorts everything, as it did before this cache existed. A missing, torn or foreign file is
 * the same as no cache; nothing here is ever reported to the dispatcher.
 *
 * Written without fsync (a lost or torn write only costs one slow start) and through a temporary
 * file and a rename, so a reader never sees half of one.
 */
import { openForWriteNoFollow } from '../../stores/no-follow';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../log';

const FORMAT = 'dispatch-desk.contacts-order';
const VERSION = 1;

export interface CachedOrder {
  /** Contact ids in display order. */
  ids: string[];
  /** Ids in the collection that are not contacts (foreign or old data the book skips). */
  skipped: string[];
}

export interface OrderCache {
  /** The order written for exactly the files the collection has now, or null. */
  load(): CachedOrder | null;
  /** Remembers `order` as right for the collection's files as they are now. */
  save(order: CachedOrder): void;
}

export interface FileOrderCacheOptions {
  /** The cache file. */
  file: string;
  /** The collection's files whose state the order depends on. */
  dataFiles: readonly string[];
  /** Names the ordering rule (see CONTACT_ORDER_TAG); a cache written under another is ignored. */
  tag: string;
  log: Logger;
}

/** The cache for the `contacts` collection in `dir` (file names as collection-store.ts writes them). */
export function contactsOrderCache(dir: string, tag: string, log: Logger): OrderCache {
  return fileOrderCache({
    file: path.join(dir, 'contacts.order.json'),
    dataFiles: [path.join(dir, 'contacts.snapshot.jsonl'), path.join(dir, 'contacts.journal')],
    tag,
    log,
  });
}

/**
 * The ids are stored as one newline-joined string: parsing one long string and splitting it is
 * several times faster than parsing an array of 50 000 short ones, and this is read at start-up.
 * An id with a newline in it (none main creates) means no cache rather than a wrong one.
 */
const hasNewline = (id: string): boolean => id.includes('\n');
const split = (joined: string): string[] => (joined === '' ? [] : joined.split('\n'));

export function fileOrderCache(options: FileOrderCacheOptions): OrderCache {
  const fingerprint = (): string =>
    options.dataFiles
      .map((file) => {
        try {
          // bigint: nanosecond times where the file system has them, so two writes within one
          // millisecond still differ.
          const s = fs.statSync(file, { bigint: true });
          return `${s.size}:${s.mtimeNs}:${s.ino}`;
        } catch {
          return 'absent';
        }
      })
      .join('|');

  return {
    load() {
      let text: string;
      try {
        text = fs.readFileSync(options.file, 'utf8');
      } catch {
        return null;
      }
      try {
        const value = JSON.parse(text) as Partial<{ format: string; version: number; tag: string; fingerprint: string; ids: unknown; skipped: unknown }>;
        if (value?.format !== FORMAT || value.version !== VERSION || value.tag !== options.tag) return null;
        if (value.fingerprint !== fingerprint()) return null;
        if (typeof value.ids !== 'string' || typeof value.skipped !== 'string') return null;
        return { ids: split(value.ids), skipped: split(value.skipped) };
      } catch {
        options.log.warn('contacts.order_cache_unreadable', {});
        return null;
      }
    },

    save(order) {
      if (order.ids.some(hasNewline) || order.skipped.some(hasNewline)) return;
      const body = JSON.stringify({
        format: FORMAT,
        version: VERSION,
        tag: options.tag,
        fingerprint: fingerprint(),
        ids: order.ids.join('\n'),
        skipped: order.skipped.join('\n'),
      });
      const temp = `${options.file}.tmp`;
      try {
        const fd = openForWriteNoFollow(temp);
        try {
          fs.writeFileSync(fd, body);
        } finally {
          fs.closeSync(fd);
        }
        fs.renameSync(temp, options.file);
      } catch (error) {
        // Only start-up speed depends on this file; the next start sorts from the collection.
        options.log.warn('contacts.order_cache_write_failed', { error: error instanceof Error ? error.message : String(error) });
        fs.rmSync(temp, { force: true });
      }
    },
  };
}
