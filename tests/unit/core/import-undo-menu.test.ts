/**
 * Main's side of the menu's "undo last import": core.desktop runs the window's own undo and sends
 * its answer to the window as one `importUndone` event (the renderer's side:
 * tests/unit/renderer/import-undone-event.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent, ImportPreview } from '../../../src/shared/contract';
import type { ContactRecord } from '../../../src/shared/domain';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { openTestCore, type TestCore } from '../../support/test-core';

let dataDir: string;
let t: TestCore;
let clock: number;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-undo-menu-'));
  clock = 1_800_000_000_000;
  t = openTestCore(dataDir, { sandbox: createSandbox(), now: () => clock });
});
afterEach(async () => {
  await t.core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const csv = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8').toString('base64');
const names = async () => ((await t.call('contactsList', {})).contacts as ContactRecord[]).map((c) => c.name).sort();

describe('undo last import from the menu', () => {
  it('undoes the import the window would undo and tells the window; then nothing is left to undo', async () => {
    await t.call('contactSave', { contact: { name: '张三', numbers: [{ label: '', number: '13900139000' }] } });
    expect(await t.core.desktop.lastImport()).toBeNull();
    const p = (
      await t.call('contactsImportPreview', { fileName: 'c.csv', dataBase64: csv('姓名,手机\n李四,13700137000\n王五,13600136000\n'), duplicate: 'skip' })
    ).preview as ImportPreview;
    expect(await t.call('contactsImportApply', { importId: p.importId, duplicate: 'skip' })).toMatchObject({ ok: true, added: 2 });
    expect(await t.core.desktop.lastImport()).toMatchObject({ undoUntil: clock + 3_600_000, counts: { added: 2 } });

    const events: AppEvent[] = [];
    const stop = t.core.subscribe((e) => void (e.type === 'importUndone' && events.push(e)));
    expect(await t.core.desktop.undoLastImport()).toEqual({ ok: true, removed: 2, restored: 0 });
    expect(await names()).toEqual(['张三']);
    expect(await t.core.desktop.lastImport()).toBeNull();
    // A second choice of the (stale) item: main refuses, and the window is told why.
    expect(await t.core.desktop.undoLastImport()).toMatchObject({ ok: false, code: 'invalid_input' });
    stop();
    expect(events.map((e) => e.type === 'importUndone' && e.data.result.ok)).toEqual([true, false]);
    expect(await names()).toEqual(['张三']);
  });

  it('an import older than an hour is not offered', async () => {
    const p = (await t.call('contactsImportPreview', { fileName: 'c.csv', dataBase64: csv('姓名,手机\n李四,13700137000\n'), duplicate: 'skip' }))
      .preview as ImportPreview;
    await t.call('contactsImportApply', { importId: p.importId, duplicate: 'skip' });
    clock += 3_600_000;
    expect(await t.core.desktop.lastImport()).toBeNull();
  });
});
