import fs from 'node:fs';
import path from 'node:path';
import type { StoreNotice } from './store-notice';

/** `contacts.json` → `contacts.corrupt-2025-01-02T03-04-05-678Z.json`; colons are not allowed on Windows. */
export function asidePath(file: string, now: Date = new Date()): string {
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let candidate = `${base}.corrupt-${stamp}${ext}`;
  // Two damaged files in the same millisecond must not overwrite each other's evidence.
  for (let n = 1; fs.existsSync(candidate); n++) candidate = `${base}.corrupt-${stamp}-${n}${ext}`;
  return candidate;
}

/** Renames (never deletes) an unreadable file so the store can start fresh without losing it. */
export function moveAside(file: string, now?: Date): StoreNotice {
  const movedTo = asidePath(file, now);
  fs.renameSync(file, movedTo);
  // A rename keeps the mode: a damaged file created 0644 by something else is kept owner-only.
  try {
    fs.chmodSync(movedTo, 0o600);
  } catch {
    // Windows has no POSIX modes; the folder's ACL applies.
  }
  return { kind: 'corrupt_file_moved', file, movedTo };
}

function isPlainJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Conf (and electron-store) throw on an unreadable file, or with `clearInvalidConfig` silently
 * overwrite it. Neither is acceptable for a dispatcher's data, so before opening we check the file
 * ourselves: empty, truncated or non-object JSON is moved aside and reported.
 */
export function quarantineUnreadableJson(file: string, now?: Date): StoreNotice | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return isPlainJsonObject(text) ? null : moveAside(file, now);
}
