import fs from 'node:fs';
import path from 'node:path';

/**
 * fs.writeSync may write less than asked; a journal line or snapshot must go out whole.
 * `position` null means "at the current file position".
 */
export function writeAllSync(fd: number, data: Buffer, position: number | null = null): void {
  let offset = 0;
  while (offset < data.length) {
    offset += fs.writeSync(fd, data, offset, data.length - offset, position === null ? null : position + offset);
  }
}

/**
 * Makes a rename itself durable. Windows cannot open a directory this way (and its renames are
 * journaled by NTFS anyway), so failure here is not an error.
 */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort, see above
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function tempPathFor(file: string): string {
  return `${file}.tmp`;
}

/**
 * Replaces `file` so that a crash at any moment leaves either the old or the new content, never a
 * mix: write a temp file, fsync it, rename over the target, fsync the directory.
 */
export function writeFileAtomicSync(file: string, data: Buffer, mode = 0o600): void {
  const temp = tempPathFor(file);
  // Never through a link planted at the temp name; the rename then replaces (not follows) a link at `file`.
  const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | (fs.constants.O_NOFOLLOW ?? 0), mode);
  try {
    writeAllSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  fsyncDirectory(path.dirname(file));
}
