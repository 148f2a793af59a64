/** The journal's line format and how a possibly damaged journal is read back. */

export type JournalOp<T> = { op: 'put'; item: T } | { op: 'del'; id: string };

export function encodeOp<T>(op: JournalOp<T>): string {
  return JSON.stringify(op) + '\n';
}

export function isItemWithId(value: unknown): value is { id: string } {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

function decodeOp<T>(line: string): JournalOp<T> | null {
  try {
    const value = JSON.parse(line) as { op?: unknown; item?: unknown; id?: unknown };
    if (value?.op === 'put' && isItemWithId(value.item)) return { op: 'put', item: value.item as T };
    if (value?.op === 'del' && typeof value.id === 'string') return { op: 'del', id: value.id };
  } catch {
    // falls through: unreadable line
  }
  return null;
}

export interface ReadJournal<T> {
  ops: JournalOp<T>[];
  /** Unreadable lines before the last one: real damage, not a crash mid-append. */
  damagedLines: number;
  /** Bytes to keep: everything up to the end of the last readable line. */
  keepBytes: number;
  /** The last readable line has no newline yet; one must be added before appending. */
  missingNewline: boolean;
}

/**
 * Only the last line can be torn by a crash (appends are sequential and fsync'd one by one), so a
 * bad last line is dropped quietly; a bad line anywhere else is damage the caller must report.
 */
export function readJournal<T>(bytes: Buffer): ReadJournal<T> {
  const ops: JournalOp<T>[] = [];
  let damagedLines = 0;
  let keepBytes = 0;
  let missingNewline = false;
  let pendingBad = 0; // bad lines not yet known to be followed by a good one
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(10, start);
    const end = newline === -1 ? bytes.length : newline;
    const next = newline === -1 ? bytes.length : newline + 1;
    const line = bytes.toString('utf8', start, end).trim();
    if (line !== '') {
      const op = decodeOp<T>(line);
      if (op) {
        ops.push(op);
        damagedLines += pendingBad;
        pendingBad = 0;
        keepBytes = next;
        missingNewline = newline === -1;
      } else {
        pendingBad++;
      }
    }
    start = next;
  }
  // Bad lines after the last good one: only the final one can be a torn append, but anything
  // after a tear is equally unacknowledged, so more than one is still counted as damage.
  if (pendingBad > 1) damagedLines += pendingBad - 1;
  return { ops, damagedLines, keepBytes, missingNewline };
}
