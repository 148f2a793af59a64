/** One import is one undoable step, for an hour, across a restart too; and its rejected rows can be exported. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../src/shared/contract';
import type { ContactGroup, ContactRecord } from '../../../src/shared/domain';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { openTestCore, type TestCore } from '../../support/test-core';
import { parseCsv } from '../../../src/main/contacts/csv';

let dataDir: string;
let t: TestCore;
let clock: number;
const open = () => openTestCore(dataDir, { sandbox: createSandbox(), now: () => clock });

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-import-undo-'));
  clock = new Date(2024, 2, 5, 9, 7, 30).getTime();
  t = open();
});
afterEach(async () => {
  await t.core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const csv = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8').toString('base64');
const list = async () => (await t.call('contactsList', {})) as unknown as { contacts: ContactRecord[]; groups: ContactGroup[] };
const shape = (c: ContactRecord) => ({ id: c.id, name: c.name, numbers: c.numbers, org: c.org, notes: c.notes, groupIds: c.groupIds, updatedAt: c.updatedAt });
async function importFile(text: string, duplicate: 'skip' | 'merge' | 'replace', decisions?: { line: number; decision: 'keep' | 'merge' | 'skip' }[]) {
  const p = (await t.call('contactsImportPreview', { fileName: 'c.csv', dataBase64: csv(text), duplicate })).preview as ImportPreview;
  return t.call('contactsImportApply', { importId: p.importId, duplicate, ...(decisions ? { decisions } : {}) });
}

describe('undoing an import', () => {
  it('restores exactly the contacts and groups from before, merge and replace included, after a restart within the hour', async () => {
    await t.call('contactSave', {
      contact: {
        name: '白超',
        numbers: [
          { label: '手机', number: '13800138000' },
          { label: '办公室', number: '010-65529988' },
        ],
        org: '调度中心',
      },
    });
    await t.call('contactSave', { contact: { name: '张三', numbers: [{ label: '', number: '13900139000' }], notes: '老备注' } });
    const before = (await list()).contacts.map(shape);
    const groupsBefore = (await list()).groups;

    clock += 1000;
    const applied = await importFile('姓名,手机,单位,备注,分组\n白超,13800138000,车队,,新组\n张三,13900139000,,新备注,新组\n李四,13700137000,,,\n', 'replace');
    expect(applied).toMatchObject({ ok: true, added: 1, replaced: 2, undoUntil: clock + 3_600_000 });
    expect((await list()).contacts.find((c) => c.name === '白超')?.numbers).toHaveLength(1);

    await t.core.close();
    clock += 30 * 60_000;
    t = open();
    expect(await t.call('contactsImportLast', {})).toMatchObject({ ok: true, last: { counts: { added: 1, replaced: 2 } } });
    expect(await t.call('contactsImportUndo', {})).toEqual({ ok: true, removed: 1, restored: 2 });
    const after = await list();
    expect(after.contacts.map(shape)).toEqual(before);
    expect(after.groups).toEqual(groupsBefore);
    // Once: the undo is gone.
    expect(await t.call('contactsImportLast', {})).toEqual({ ok: true, last: null });
    expect(await t.call('contactsImportUndo', {})).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('is no longer offered after an hour', async () => {
    await importFile('姓名,手机\n李四,13700137000\n', 'skip');
    clock += 3_600_000;
    expect(await t.call('contactsImportLast', {})).toEqual({ ok: true, last: null });
    expect(await t.call('contactsImportUndo', {})).toMatchObject({ ok: false });
    expect((await list()).contacts).toHaveLength(1);
  });

  it('keeps both people of a conflict unless the dispatcher decides otherwise', async () => {
    await t.call('contactSave', {
      contact: {
        name: '白超',
        numbers: [
          { label: '手机', number: '13800138000' },
          { label: '办公室', number: '010-65529988' },
        ],
      },
    });
    expect(await importFile('姓名,手机\n白超的司机,13800138000\n', 'replace')).toMatchObject({ ok: true, added: 1, replaced: 0 });
    const names = (await list()).contacts.map((c) => [c.name, c.numbers.length]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['白超', 2],
        ['白超的司机', 1],
      ]),
    );
    await t.call('contactsImportUndo', {});
    expect(await importFile('姓名,手机\n白超的司机,13800138000\n', 'replace', [{ line: 2, decision: 'skip' }])).toMatchObject({
      ok: true,
      added: 0,
      skipped: 1,
    });
  });
});

describe('extensions and rejected rows', () => {
  it('stores an extension with the number and dials only the main number', async () => {
    const r = await t.call('contactSave', { contact: { name: '前台', numbers: [{ label: '办公室', number: '0571-88886666 转 123' }] } });
    expect(r).toMatchObject({ ok: true, contact: { numbers: [{ label: '办公室', number: '057188886666', extension: '123' }] } });
    await importFile('姓名,电话\n王五,010-62234302-396；12345\n', 'skip');
    expect((await list()).contacts.find((c) => c.name === '王五')?.numbers).toEqual([{ label: '', number: '01062234302', extension: '396' }]);
  });

  it('exports the rejected rows with their problems, in a file that reads back', async () => {
    const p = (
      await t.call('contactsImportPreview', {
        fileName: 'c.csv',
        dataBase64: csv('姓名,手机,单位\n,13800138000,车队\n李四,12345,\n王五,13700137000,\n'),
        duplicate: 'skip',
      })
    ).preview as ImportPreview;
    const r = await t.call('contactsImportRejected', { importId: p.importId, lang: 'en' });
    expect(r).toMatchObject({ ok: true, fileName: expect.stringMatching(/\.csv$/) });
    const rows = parseCsv((r.csv as string).slice(1)).filter((row) => row.some((c) => c !== ''));
    expect(rows[0]).toEqual(['Name', 'Numbers', 'Organisation', 'Notes', 'Groups', 'Original row', 'Problem']);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[2], row[5]])).toEqual([
      ['', '手机:13800138000', '车队', '2'],
      ['李四', '手机:12345', '', '3'],
    ]);
    expect(rows[1][6]).toMatch(/name/i);
    expect(rows[2][6]).toMatch(/12345/);
  });
});
