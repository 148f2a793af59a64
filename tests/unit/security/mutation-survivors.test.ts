/**
 * Tests that kill the mutations a red-team pass found surviving: one request for one number
 * however it is spelt; an append is acknowledged only after fsync; a failed append leaves no
 * torn record behind.
 */
import fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCollection } from '../../../src/main/stores/collection-store';
import { openProductionCore, START_CALL_PATH, START_CONF_PATH, type ProductionCore } from '../../support/production-core';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-mutants-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('one number, many spellings', () => {
  let app: ProductionCore | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('different spellings of one callee submitted at once put one startcall on the wire', async () => {
    app = await openProductionCore({ timeoutMs: 3000 });
    const spellings = ['13800138000', '+86 138 0013 8000', '0086-138-0013-8000', '138 0013 8000', '+8613800138000', '(138) 0013-8000'];
    const results = await Promise.all(spellings.map((callee) => app!.call('startCall', { callee })));
    expect(results.filter((r) => r.ok === true)).toHaveLength(1);
    expect(results.filter((r) => r.code === 'busy')).toHaveLength(spellings.length - 1);
    expect(app.prodRequests(START_CALL_PATH)).toBe(1);
  });

  it('the same conference with its members spelt and ordered differently starts once', async () => {
    app = await openProductionCore({ timeoutMs: 3000 });
    const a = ['13800138000', '13700137000'];
    const b = ['+86 137 0013 7000', '0086 138-0013-8000'];
    const results = await Promise.all([app.call('startConf', { callees: a }), app.call('startConf', { callees: b })]);
    expect(results.filter((r) => r.ok === true)).toHaveLength(1);
    expect(app.prodRequests(START_CONF_PATH)).toBe(1);
  });
});

describe('journal appends', () => {
  it('acknowledges a put only after the written bytes were fsynced', () => {
    const c = openCollection<{ id: string; v: string }>({ dir, name: 'contacts' });
    const events: string[] = [];
    const realWrite = fs.writeSync;
    const realFsync = fs.fsyncSync;
    vi.spyOn(fs, 'writeSync').mockImplementation(((...args: unknown[]) => {
      events.push('write');
      return (realWrite as (...a: unknown[]) => number)(...args);
    }) as never);
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      events.push('fsync');
      realFsync(fd);
    });
    c.put({ id: 'a', v: 'x' });
    events.push('acknowledged');
    // The last write before the acknowledgement is followed by an fsync.
    const ack = events.indexOf('acknowledged');
    const lastWrite = events.lastIndexOf('write', ack);
    expect(lastWrite).toBeGreaterThanOrEqual(0);
    expect(events.slice(lastWrite, ack)).toContain('fsync');
    vi.restoreAllMocks();
    c.close();
  });

  it('a put whose fsync fails is not acknowledged, and leaves nothing behind', () => {
    const c = openCollection<{ id: string; v: string }>({ dir, name: 'contacts' });
    c.put({ id: 'a', v: 'kept' });
    const before = readFileSync(join(dir, 'contacts.journal'));
    vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    });
    expect(() => c.put({ id: 'b', v: 'lost' })).toThrow(/EIO/);
    vi.restoreAllMocks();
    expect(readFileSync(join(dir, 'contacts.journal'))).toEqual(before);
    c.close();
  });

  it('a write that fails half way leaves no torn record; earlier records and later appends are intact', () => {
    const c = openCollection<{ id: string; v: string }>({ dir, name: 'contacts' });
    c.put({ id: 'a', v: 'first' });
    const before = readFileSync(join(dir, 'contacts.journal'));
    const realWrite = fs.writeSync;
    let calls = 0;
    // The disk fills after 10 bytes of the next record.
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buffer: Buffer, offset: number, _length: number, position: number | null) => {
      calls++;
      if (calls === 1) return (realWrite as (...a: unknown[]) => number)(fd, buffer, offset, 10, position);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as never);
    expect(() => c.put({ id: 'b', v: 'x'.repeat(200) })).toThrow(/ENOSPC/);
    vi.restoreAllMocks();
    expect(calls).toBe(2);
    // Cut back to exactly what was acknowledged.
    expect(readFileSync(join(dir, 'contacts.journal'))).toEqual(before);
    c.put({ id: 'c', v: 'after' });
    c.close();

    const reopened = openCollection<{ id: string; v: string }>({ dir, name: 'contacts' });
    expect(reopened.notices).toEqual([]);
    expect(reopened.get('a')).toEqual({ id: 'a', v: 'first' });
    expect(reopened.get('b')).toBeUndefined();
    expect(reopened.get('c')).toEqual({ id: 'c', v: 'after' });
    reopened.close();
  });
});
