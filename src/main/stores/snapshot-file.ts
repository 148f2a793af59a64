/**
 * The snapshot format, built so that opening 50 000 items does not have to parse them:
 *
 *   {"format":"dispatch-desk.collection","version":1,"ids":["a","b",…]}\n
 *   {"id":"a",…}\n
 *   {"id":"b",…}\n
 *
 * Opening parses only the header and finds line boundaries (both cheap); each item is parsed
 * when first read. One JSON document per line also keeps the file readable with standard tools
 * and confines bit rot to the item it hits.
 */
import { isItemWithId } from './journal';

const FORMAT = 'dispatch-desk.collection';
const VERSION = 1;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** A snapshot held in memory: its bytes and where each item's line starts and ends. */
export interface SnapshotIndex {
  buf: Buffer;
  ids: string[];
  starts: Int32Array;
  /** Exclusive, before the newline. */
  ends: Int32Array;
}

export function emptySnapshot(): SnapshotIndex {
  return { buf: Buffer.alloc(0), ids: [], starts: new Int32Array(0), ends: new Int32Array(0) };
}

function parseHeader(line: string): string[] | null {
  try {
    const header = JSON.parse(line) as { format?: unknown; version?: unknown; ids?: unknown };
    if (header?.format !== FORMAT || header.version !== VERSION || !Array.isArray(header.ids)) return null;
    return header.ids.every((id) => typeof id === 'string') ? (header.ids as string[]) : null;
  } catch {
    return null;
  }
}

/**
 * Checks the structure (header, one `{…}` line per id, nothing after) without parsing items.
 * null means the file is not a whole snapshot: garbage, or truncated. Ids that repeat are not
 * checked here: the caller maps every id anyway and sees it for free (a separate Set of 100 000
 * ids was a fifth of the time to open the contacts).
 */
export function indexSnapshot(buf: Buffer): SnapshotIndex | null {
  const headerEnd = buf.indexOf(NEWLINE);
  if (headerEnd === -1) return null;
  const ids = parseHeader(buf.toString('utf8', 0, headerEnd));
  if (!ids) return null;
  const starts = new Int32Array(ids.length);
  const ends = new Int32Array(ids.length);
  let start = headerEnd + 1;
  for (let i = 0; i < ids.length; i++) {
    const end = buf.indexOf(NEWLINE, start);
    if (end === -1 || buf[start] !== OPEN_BRACE || buf[end - 1] !== CLOSE_BRACE) return null;
    starts[i] = start;
    ends[i] = end;
    start = end + 1;
  }
  return start === buf.length ? { buf, ids, starts, ends } : null;
}

/** The item on line `i`, or null when that line is damaged (bad JSON, or not the id the header promised). */
export function readSnapshotItem<T>(snapshot: SnapshotIndex, i: number): T | null {
  try {
    const value: unknown = JSON.parse(snapshot.buf.toString('utf8', snapshot.starts[i], snapshot.ends[i]));
    return isItemWithId(value) && value.id === snapshot.ids[i] ? (value as T) : null;
  } catch {
    return null;
  }
}

/** One entry to write: an item object, or a line index into the previous snapshot (copied as bytes). */
export type SnapshotSource<T> = T | number;

/**
 * Builds the next snapshot. Items unchanged since the last one are copied byte for byte, so
 * compacting 50 000 contacts after a few edits costs a copy, not a re-serialisation.
 */
export function buildSnapshot<T>(entries: Map<string, SnapshotSource<T>>, previous: SnapshotIndex): SnapshotIndex {
  const ids = [...entries.keys()];
  const header = Buffer.from(JSON.stringify({ format: FORMAT, version: VERSION, ids }) + '\n', 'utf8');
  const chunks: Buffer[] = [header];
  const starts = new Int32Array(ids.length);
  const ends = new Int32Array(ids.length);
  let offset = header.length;
  let i = 0;
  for (const source of entries.values()) {
    const line =
      typeof source === 'number'
        ? previous.buf.subarray(previous.starts[source], previous.ends[source] + 1)
        : Buffer.from(JSON.stringify(source) + '\n', 'utf8');
    chunks.push(line);
    starts[i] = offset;
    ends[i] = offset + line.length - 1;
    offset += line.length;
    i++;
  }
  return { buf: Buffer.concat(chunks, offset), ids, starts, ends };
}
