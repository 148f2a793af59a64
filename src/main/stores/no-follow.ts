/**
 * Data files are opened without following symbolic links: a link planted in the data folder
 * (by another local user or program) must not make the app read or write a file elsewhere. On
 * Windows, where O_NOFOLLOW does not exist, the flag is 0 and the folder's ACL is the guard.
 */
import fs from 'node:fs';

export const O_NOFOLLOW: number = fs.constants.O_NOFOLLOW ?? 0;

/** Owner-only: everything the app writes in the data folder. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** The file's bytes, null when it does not exist; a symlink is refused (ELOOP), not followed. */
export function readFileNoFollow(file: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Creates (or truncates) `file` for writing, owner-only, refusing a symlink. */
export function openForWriteNoFollow(file: string): number {
  return fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | O_NOFOLLOW, FILE_MODE);
}

/** A copy kept aside (damaged file evidence): written fresh, owner-only, never through a link. */
export function writeCopyNoFollow(file: string, data: Buffer): void {
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | O_NOFOLLOW, FILE_MODE);
  try {
    let offset = 0;
    while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A data file that is a symbolic link: refused at start-up (the message names it), never followed. */
export class SymlinkRefusedError extends Error {
  readonly code = 'symlink_refused';
  constructor(readonly file: string) {
    super(
      `${file} is a symbolic link; Dispatch Desk does not read or write data files through links. ` +
        `Replace it with the real file, then start again. / ${file} 是符号链接，调度台不会通过链接读写数据文件，请换成实际文件后重新启动。`,
    );
    this.name = 'SymlinkRefusedError';
  }
}

/**
 * For files opened by a library that follows links (Conf / electron-store): checked before it
 * opens them. A missing file is fine (the library creates a plain one).
 */
export function refuseSymlink(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (stat.isSymbolicLink()) throw new SymlinkRefusedError(file);
}
