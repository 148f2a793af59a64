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

/** How every line encodeOp writes begins. */
const LINE_STARTS = ['{"op":"put","item":', '{"op":"del","id":'];

/**
 * A crash mid-append leaves a prefix of one of our lines. Anything else at the end (noise, another
 * program's text) was never written by us, so it is damage to keep and report, not a torn append.
 */
function couldBeTornAppend(line: string): boolean {
  return LINE_STARTS.some((start) => line.startsWith(start) || start.startsWith(line));
}

export interface ReadJournal<T> {
  ops: JournalOp<T>[];
  /** Unreadable lines that are real damage: all of them except a last one torn by a crash mid-append. */
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
  let lastBad = '';
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
        lastBad = line;
      }
    }
    start = next;
  }
  // Bad lines after the last good one: only the final one can be a torn append, but anything
  // after a tear is equally unacknowledged, so more than one is still counted as damage. A final
  // line that is not the start of one of ours is damage too.
  if (pendingBad > 0) damagedLines += couldBeTornAppend(lastBad) ? pendingBad - 1 : pendingBad;
  return { ops, damagedLines, keepBytes, missingNewline };
}
