/**
 * Finding 3: CSV import is bounded. The 2.6 M-line file is refused by line count without taking
 * main's heap; parsing runs in a worker thread (main keeps answering meanwhile) with its own heap
 * limit; the preview carries the summary and the first rows, the rest come in pages; one preview
 * is kept; the book has a cap.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContactsImport } from '../../../src/main/contacts/contacts-import';
import type { ImportProgress } from '../../../src/main/contacts/import-parse';
import { createWorkerImportRunner } from '../../../src/main/contacts/import-runner';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { IMPORT_PREVIEW_ROWS, IMPORT_ROWS_MAX } from '../../../src/shared/contact-limits';
import type { Contact } from '../../../src/shared/domain';
import { openTestCore, type TestCore } from '../../support/test-core';

let dataDir: string;
let t: TestCore;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-import-bounds-'));
  t = openTestCore(dataDir, { sandbox: createSandbox() });
});
afterEach(async () => {
  await t.core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** `count` contacts with distinct valid mobile numbers, one per line, with a header. */
function contactsCsv(count: number): Buffer {
  const lines = ['姓名,电话'];
  for (let i = 0; i < count; i++) lines.push(`联系人${i},137${String(i).padStart(8, '0')}`);
  return Buffer.from(lines.join('\n'), 'utf8');
}

describe('import bounds', () => {
  it("a 10 MB file of 2.6 M lines is refused by its line count, with main's heap barely moving", async () => {
    const bytes = Buffer.from('a,1\n'.repeat(2_600_000));
    expect(bytes.length).toBeLessThanOrEqual(10 * 1024 * 1024);
    const dataBase64 = bytes.toString('base64');
    const before = process.memoryUsage().heapUsed;
    const r = await t.call('contactsImportPreview', { fileName: 'huge.csv', dataBase64, duplicate: 'skip' });
    const grown = process.memoryUsage().heapUsed - before;
    expect(r).toMatchObject({ ok: false, code: 'invalid_input', field: 'dataBase64' });
    expect(String(r.message)).toContain(String(IMPORT_ROWS_MAX));
    // The old in-main parse took 1.9 GB for this file.
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);

  it('parses in a worker: main answers other requests while a 100 000-line preview runs, and the answer is summary + first rows + pages', async () => {
    const dataBase64 = contactsCsv(IMPORT_ROWS_MAX - 1).toString('base64');
    const order: string[] = [];
    const preview = t.call('contactsImportPreview', { fileName: 'big.csv', dataBase64, duplicate: 'skip' }).then((r) => (order.push('preview'), r));
    const settings = t.call('settingsGet', {}).then((r) => (order.push('settings'), r));
    const [p] = await Promise.all([preview, settings]);
    expect(order).toEqual(['settings', 'preview']);
    expect(p).toMatchObject({ ok: true });
    const pv = p.preview as { importId: string; rows: unknown[]; problemRows: unknown[]; summary: { total: number; new: number } };
    expect(pv.summary).toMatchObject({ total: IMPORT_ROWS_MAX - 1, new: IMPORT_ROWS_MAX - 1 });
    expect(pv.rows).toHaveLength(IMPORT_PREVIEW_ROWS);
    expect(JSON.stringify(p).length).toBeLessThan(200_000);

    const page = await t.call('contactsImportRows', { importId: pv.importId, offset: 99_990, limit: 1000 });
    expect(page).toMatchObject({ ok: true, total: IMPORT_ROWS_MAX - 1 });
    expect((page.rows as { line: number }[]).map((r) => r.line)).toEqual(Array.from({ length: 9 }, (_, i) => 99_992 + i));
    expect((await t.call('contactsImportRows', { importId: pv.importId, offset: 0, limit: 5000 })).rows).toHaveLength(IMPORT_PREVIEW_ROWS);
  }, 120_000);

  it('tells the window how far a large preview has got, as importProgress events on the event stream', async () => {
    const seen: { stage: string; done: number }[] = [];
    let answered = false;
    const stop = t.core.subscribe((event) => {
      if (event.type !== 'importProgress') return;
      // Every progress event arrives before the answer, never after it.
      expect(answered).toBe(false);
      seen.push(event.data);
    });
    const dataBase64 = contactsCsv(60_000).toString('base64');
    const r = await t.call('contactsImportPreview', { fileName: 'big.csv', dataBase64, duplicate: 'skip' });
    answered = true;
    stop();
    expect(r.ok).toBe(true);
    expect(seen[0]).toEqual({ stage: 'decoding', done: 0 });
    expect(seen.some((p) => p.stage === 'parsing' && p.done > 0 && p.done <= 1)).toBe(true);
    expect(seen[seen.length - 1]).toEqual({ stage: 'checking', done: 1 });
  }, 120_000);

  it('keeps one preview: a second file makes the first one expire', async () => {
    const first = await t.call('contactsImportPreview', { fileName: 'a.csv', dataBase64: contactsCsv(2).toString('base64'), duplicate: 'skip' });
    const second = await t.call('contactsImportPreview', { fileName: 'b.csv', dataBase64: contactsCsv(3).toString('base64'), duplicate: 'skip' });
    const id = (r: Record<string, unknown>) => (r.preview as { importId: string }).importId;
    expect(await t.call('contactsImportApply', { importId: id(first), duplicate: 'skip' })).toMatchObject({ ok: false, field: 'importId' });
    expect(await t.call('contactsImportApply', { importId: id(second), duplicate: 'skip' })).toMatchObject({ ok: true, added: 3 });
  });

  it('refuses an import that would take the book past its cap, storing nothing', async () => {
    const stored: Contact[] = [];
    const importer = createContactsImport({
      contacts: { all: () => stored, put: (c: Contact[]) => (stored.push(...c), { ok: true, contacts: [] }) } as never,
      groups: { all: () => [], addMany: () => null } as never,
      now: () => 0,
      maxBook: 5,
    });
    const preview = await importer.preview({ fileName: 'x.csv', dataBase64: contactsCsv(6).toString('base64'), duplicate: 'skip' });
    expect(preview.ok).toBe(true);
    const applied = importer.apply({ importId: (preview as { preview: { importId: string } }).preview.importId, duplicate: 'skip' });
    expect(applied).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(applied.ok ? '' : applied.message).toMatch(/at most 5 contacts/);
    expect(stored).toHaveLength(0);
    importer.clear();
  });

  it('reports progress, and a file needing more than the worker heap is answered "too big", main carrying on', async () => {
    const progress: ImportProgress[] = [];
    const runner = createWorkerImportRunner();
    const ok = await runner.run({ bytes: contactsCsv(30_000), fileName: 'a.csv', lang: 'zh-CN', existing: [], duplicate: 'skip' }, (p) => progress.push(p));
    expect(ok.ok).toBe(true);
    expect(progress.map((p) => p.stage)).toEqual(expect.arrayContaining(['decoding', 'parsing', 'checking']));

    const tiny = createWorkerImportRunner({ maxHeapMb: 8 });
    const r = await tiny.run({ bytes: contactsCsv(IMPORT_ROWS_MAX - 1), fileName: 'a.csv', lang: 'zh-CN', existing: [], duplicate: 'skip' });
    expect(r).toEqual({ ok: false, reason: 'out_of_memory' });
  }, 120_000);
});
