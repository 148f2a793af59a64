/**
 * The desk's log keeps its file open between lines (opening it per line was most of a call's cost
 * beyond the HTTP exchange). What must not change with that: every line lands, in order, owner-only;
 * a link planted at the log's name is never written through; a failed write does not stop logging.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/main/log';

const posix = process.platform !== 'win32';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; n?: number });

describe('the log file', () => {
  it('appends every line in order, and after close() a later line opens it again', () => {
    const file = join(dir, 'dispatch-desk.log');
    writeFileSync(file, '{"event":"earlier"}\n');
    const log = createLogger({ file });
    for (let n = 0; n < 3; n++) log.info('call.start', { n });
    log.close();
    log.warn('after.close');
    log.close();
    expect(lines(file).map((l) => l.event)).toEqual(['earlier', 'call.start', 'call.start', 'call.start', 'after.close']);
    expect(lines(file).map((l) => l.n)).toEqual([undefined, 0, 1, 2, undefined]);
  });

  it.runIf(posix)('is created owner-only', () => {
    const file = join(dir, 'dispatch-desk.log');
    const log = createLogger({ file });
    log.info('x');
    log.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.runIf(posix)('never writes through a link at its name, and starts logging once the link is gone', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const file = join(dir, 'dispatch-desk.log');
    symlinkSync(victim, file);
    const log = createLogger({ file });
    log.info('refused', { a: 'b' });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    rmSync(file);
    log.info('accepted');
    log.close();
    expect(lines(file).map((l) => l.event)).toEqual(['accepted']);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it.runIf(posix && process.getuid?.() !== 0)('a file it cannot open costs lines, never an exception', () => {
    const file = join(dir, 'dispatch-desk.log');
    writeFileSync(file, '');
    chmodSync(file, 0o400);
    const log = createLogger({ file });
    expect(() => log.error('lost')).not.toThrow();
    chmodSync(file, 0o600);
    log.error('kept');
    log.close();
    expect(lines(file).map((l) => l.event)).toEqual(['kept']);
  });
});
