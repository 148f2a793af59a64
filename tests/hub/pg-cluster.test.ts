/**
 * Finding the PostgreSQL binaries for the test cluster: the newest Debian version wins, and with
 * none the error says what to install (the PostgreSQL half is never skipped silently).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPgBinDir, PgBinariesMissingError } from '../support/pg-cluster';

const made: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pgfind-'));
  made.push(dir);
  return dir;
}
function fakeBin(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'initdb'), '');
  writeFileSync(join(dir, 'pg_ctl'), '');
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('findPgBinDir', () => {
  it('picks the newest version under the Debian layout', () => {
    const root = scratch();
    fakeBin(join(root, '13', 'bin'));
    fakeBin(join(root, '15', 'bin'));
    mkdirSync(join(root, '16', 'bin'), { recursive: true }); // client-only install: no initdb
    expect(findPgBinDir({ env: { PATH: '' }, debianRoot: root, extraDirs: [], usePgConfig: false })).toBe(join(root, '15', 'bin'));
  });

  it('prefers PG_BINDIR', () => {
    const root = scratch();
    fakeBin(join(root, '15', 'bin'));
    fakeBin(join(root, 'custom'));
    expect(findPgBinDir({ env: { PATH: '', PG_BINDIR: join(root, 'custom') }, debianRoot: root, extraDirs: [], usePgConfig: false })).toBe(
      join(root, 'custom'),
    );
  });

  it('fails with what to install when there are no binaries', () => {
    const empty = scratch();
    let error: unknown;
    try {
      findPgBinDir({ env: { PATH: empty }, debianRoot: join(empty, 'none'), extraDirs: [], usePgConfig: false });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PgBinariesMissingError);
    expect((error as Error).message).toMatch(/apt-get install -y postgresql/);
    expect((error as Error).message).toContain(empty);
  });
});
