import { words } from '../../support/words';
/** CSV import (preview, then apply) and export, through the handlers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../src/shared/contract';
import { IMPORT_BASE64_MAX_CHARS } from '../../../src/shared/contact-limits';
import { SEARCH_KEYS_VERSION } from '../../../src/shared/contact-search';
import type { ContactGroup, ContactRecord } from '../../../src/shared/domain';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { openTestCore, type TestCore } from '../../support/test-core';

let dataDir: string;
let t: TestCore;
let clock: number;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-import-'));
  // 2024-03-05 09:07 local time.
  clock = new Date(2024, 2, 5, 9, 7, 30).getTime();
  t = openTestCore(dataDir, { sandbox: createSandbox(), now: () => clock });
});
afterEach(async () => {
  await t.core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const utf8 = (text: string, bom = true) => Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
const preview = async (bytes: Buffer, duplicate = 'skip') => {
  const r = await t.call('contactsImportPreview', { fileName: 'contacts.csv', dataBase64: bytes.toString('base64'), duplicate });
  expect(r).toMatchObject({ ok: true });
  return r.preview as ImportPreview;
};
const apply = (importId: string, duplicate = 'skip') => t.call('contactsImportApply', { importId, duplicate });
const list = async () => (await t.call('contactsList', {})) as unknown as { contacts: ContactRecord[]; groups: ContactGroup[] };
const byName = (contacts: ContactRecord[], name: string) => contacts.find((c) => c.name === name);

describe('contact import', () => {
  it('previews a UTF-8 file row by row, stores nothing until applied, then adds the good rows', async () => {
    await t.call('contactSave', { contact: { name: '王五', numbers: [{ label: '', number: '13700137000' }] } });
    const csv = ['姓名,电话,单位,分组', '张三,138 0013 8000,抢修一班,一班', '李四,12345,,', '王五,13700137000,,', ''].join('\r\n');
    const p = await preview(utf8(csv));

    expect(p.encoding).toBe('utf-8-bom');
    expect(p.importId).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(p.summary).toEqual({ total: 3, new: 1, duplicate: 1, conflict: 0, error: 1 });
    expect(p.rows.map((r) => [r.line, r.status, r.name, r.numbers])).toEqual([
      [2, 'new', '张三', ['138 0013 8000']],
      [3, 'error', '李四', ['12345']],
      [4, 'duplicate', '王五', ['13700137000']],
    ]);
    expect(words(p.rows[1].errors[0], 'zh-CN')).toContain('12345');
    expect(words(p.rows[1].errors[0], 'en')).toMatch(/too short/);
    expect(words(p.rows[2].match!, 'en')).toContain('王五');
    expect((await list()).contacts).toHaveLength(1);

    expect(await apply(p.importId)).toEqual({ ok: true, added: 1, merged: 0, replaced: 0, skipped: 1, failed: 1, undoUntil: expect.any(Number) });
    const after = await list();
    expect(after.contacts).toHaveLength(2);
    const zhang = byName(after.contacts, '张三')!;
    expect(zhang).toMatchObject({ numbers: [{ number: '13800138000' }], org: '抢修一班', createdAt: clock });
    expect(zhang.keys).toMatchObject({ v: SEARCH_KEYS_VERSION, py: 'zhangsan' });
    // The group named in the file was created and the contact put in it.
    expect(after.groups.map((g) => g.name)).toEqual(['一班']);
    expect(zhang.groupIds).toEqual([after.groups[0].id]);
  });

  it('reads a GBK file (what Excel saves in China)', async () => {
    // 姓名,电话 \r\n 张三,13800138000 \r\n 李四,13700137000 — in GBK.
    const gbk = Buffer.concat([
      Buffer.from('d0d5c3fb2cb5e7bbb00d0a', 'hex'),
      Buffer.from('d5c5c8fd', 'hex'),
      Buffer.from(',13800138000\r\n', 'ascii'),
      Buffer.from('c0eecbc4', 'hex'),
      Buffer.from(',13700137000\r\n', 'ascii'),
    ]);
    const p = await preview(gbk);
    expect(p.encoding).toBe('gbk');
    expect(p.rows.map((r) => [r.name, r.status])).toEqual([
      ['张三', 'new'],
      ['李四', 'new'],
    ]);
    expect(await apply(p.importId)).toMatchObject({ ok: true, added: 2 });
    expect(byName((await list()).contacts, '张三')!.keys.py).toBe('zhangsan');
  });

  it('merges into or replaces the contact a duplicate row matches, as chosen at apply time', async () => {
    const existing = (
      await t.call('contactSave', {
        contact: { name: '王五', numbers: [{ label: '手机', number: '13700137000' }], org: '旧单位', notes: '旧备注' },
      })
    ).contact as ContactRecord;
    const csv = utf8('姓名,电话,单位,备注\n王五,13700137000;13600136000,新单位,新备注\n', false);

    const merged = await preview(csv);
    expect(merged.encoding).toBe('utf-8');
    clock += 1000;
    expect(await apply(merged.importId, 'merge')).toMatchObject({ ok: true, merged: 1, added: 0 });
    const afterMerge = byName((await list()).contacts, '王五')!;
    expect(afterMerge).toMatchObject({ id: existing.id, org: '旧单位', createdAt: existing.createdAt, updatedAt: clock });
    expect(afterMerge.numbers.map((n) => n.number)).toEqual(['13700137000', '13600136000']);
    expect(afterMerge.notes).toBe('旧备注\n新备注');
    expect(afterMerge.keys.digits).toBe('13700137000 13600136000');

    const replaced = await preview(utf8('姓名,电话,单位\n王五,13700137000,新单位\n'));
    expect(await apply(replaced.importId, 'replace')).toMatchObject({ ok: true, replaced: 1 });
    const afterReplace = (await list()).contacts;
    expect(afterReplace).toHaveLength(1);
    expect(afterReplace[0]).toMatchObject({ id: existing.id, org: '新单位', numbers: [{ number: '13700137000' }] });
  });

  it('applies a preview once, and not after it expired', async () => {
    const once = await preview(utf8('姓名,电话\n张三,13800138000\n'));
    expect(await apply(once.importId)).toMatchObject({ ok: true, added: 1 });
    expect(await apply(once.importId)).toMatchObject({ ok: false, code: 'invalid_input', field: 'importId' });
    expect((await list()).contacts).toHaveLength(1);

    const stale = await preview(utf8('姓名,电话\n李四,13700137000\n'));
    clock += 10 * 60_000 - 1;
    const stillThere = await preview(utf8('姓名,电话\n王五,13600136000\n'));
    clock += 2;
    const r = await apply(stale.importId);
    expect(r).toMatchObject({ ok: false, field: 'importId' });
    expect(r.message).toMatch(/expired/);
    expect(await apply(stillThere.importId)).toMatchObject({ ok: true, added: 1 });
  });

  it('keeps only the newest preview (a preview of a large file is large)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await preview(utf8(`姓名,电话\n人${i},1380013800${i}\n`))).importId);
    for (const id of ids.slice(0, 2)) expect(await apply(id)).toMatchObject({ ok: false, field: 'importId' });
    expect(await apply(ids[2])).toMatchObject({ ok: true, added: 1 });
  });

  it('refuses a file that is neither UTF-8 nor GBK instead of importing mojibake', async () => {
    const r = await t.call('contactsImportPreview', {
      fileName: 'x.csv',
      dataBase64: Buffer.from([0x41, 0x81, 0x20, 0x2c, 0x31]).toString('base64'),
      duplicate: 'skip',
    });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input', field: 'dataBase64' });
    expect(r.message).toMatch(/UTF-8/);
  });

  it('rejects a payload that is not base64, or more than a 10 MB file, at the request shape', async () => {
    const call = (dataBase64: string) => t.call('contactsImportPreview', { fileName: 'x.csv', dataBase64, duplicate: 'skip' });
    expect(await call('not base64!')).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await call('A'.repeat(IMPORT_BASE64_MAX_CHARS + 4))).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await t.call('contactsImportPreview', { fileName: 'x.csv', dataBase64: '', duplicate: 'all' })).toMatchObject({ ok: false });
  });
});

describe('contact export', () => {
  it('names the file after the local time and exports what import reads back', async () => {
    const group = (await t.call('groupSave', { group: { name: '一班' } })).group as ContactGroup;
    await t.call('contactSave', {
      contact: {
        name: '张三',
        numbers: [
          { label: '手机', number: '13800138000' },
          { label: '', number: '01065529988' },
        ],
        groupIds: [group.id],
      },
    });
    const r = await t.call('contactsExport', {});
    expect(r).toMatchObject({ ok: true, fileName: 'contacts-20240305-0907.csv' });
    const csv = r.csv as string;
    expect(csv.startsWith('\uFEFF姓名,')).toBe(true);
    expect(csv).toContain('手机:13800138000; 01065529988');

    // Reading the export back finds the contact already there.
    const back = await preview(Buffer.from(csv, 'utf8'));
    expect(back.rows.map((row) => row.status)).toEqual(['duplicate']);
  });

  it('exports in the language the window asks for, and that file reads back too', async () => {
    const group = (await t.call('groupSave', { group: { name: 'Night shift' } })).group as ContactGroup;
    await t.call('contactSave', {
      contact: { name: 'Li Si', numbers: [{ label: 'mobile', number: '13800138000' }], groupIds: [group.id], favorite: true },
    });
    const csv = (await t.call('contactsExport', { lang: 'en' })).csv as string;
    expect(csv.startsWith('\uFEFFName,Numbers,Organisation,Notes,Groups,Favourite\r\n')).toBe(true);
    expect(csv).toContain('Li Si,mobile:13800138000,,,Night shift,Yes\r\n');
    expect((await t.call('contactsExport', {})).csv as string).toMatch(/^\uFEFF姓名,/);

    // Into an empty book: the English file gives back the same contact, favourite and group included.
    await t.call('contactsDelete', { ids: (await list()).contacts.map((c) => c.id) });
    const back = await preview(Buffer.from(csv, 'utf8'));
    expect(back.rows.map((row) => [row.status, row.name, row.errors])).toEqual([['new', 'Li Si', []]]);
    expect(await t.call('contactsImportApply', { importId: back.importId, duplicate: 'skip' })).toMatchObject({ ok: true, added: 1 });
    const [restored] = (await list()).contacts;
    expect(restored).toMatchObject({ name: 'Li Si', numbers: [{ label: 'mobile', number: '13800138000' }], favorite: true, groupIds: [group.id] });
  });
});
