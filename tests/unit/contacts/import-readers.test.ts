/**
 * The reader half of the import: each fixture file (tests/fixtures/import, written for these
 * tests) → the exact SourceRecords the plan receives. Numbers stay as the file wrote them; the
 * plan (rules' half) normalises and reports them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource, type ReadOptions, type SourceRead } from '../../../src/main/contacts/import/read-source';
import type { SourceRecord } from '../../../src/main/contacts/import/source-record';
import { createMappingMemory } from '../../../src/main/contacts/import/mapping-memory';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/import', name));

async function read(name: string, options: Partial<ReadOptions> = {}): Promise<Extract<SourceRead, { ok: true }>> {
  const r = await readSource(fixture(name), { fileName: name, lang: 'zh-CN', maxRows: 1000, ...options });
  if (!r.ok) throw new Error(`${name}: ${r.reason}`);
  return r;
}

const rec = (line: number, name: string, numbers: [string, string][], more: Partial<SourceRecord> = {}): SourceRecord => ({
  line,
  name,
  numbers: numbers.map(([raw, label]) => ({ raw, label })),
  org: '',
  notes: '',
  groupNames: [],
  ...more,
});

describe('vCard', () => {
  it('2.1 from Android: quoted-printable UTF-8 and GBK, soft line breaks, X-CUSTOM labels; the photo and the fax are left out', async () => {
    const r = await read('vcard21-qp.vcf');
    expect(r.records).toEqual([
      rec(
        1,
        '白超',
        [
          ['138-0013-8000', '手机'],
          ['010-62234302-396', '办公室'],
        ],
        { org: '市政调度中心', notes: '夜班司机\n请先打手机' },
      ),
      rec(2, '马晨', [
        ['0571-88886666 转 123', '调度台'],
        ['+86 139 0013 9000', ''],
      ]),
      rec(3, 'John Smith', [['13700137000', '手机']]),
    ]);
    expect(r.source).toMatchObject({ format: 'vcard', layout: 'vcard', certain: true, columns: [], mappingFrom: 'file' });
  });

  it('2.1 saved in GBK with CHARSET=GBK', async () => {
    const r = await read('vcard21-gbk.vcf');
    expect(r.records).toEqual([rec(1, '吕强', [['139 0013 9000', '手机']], { org: '抢修二队' })]);
    expect(r.source.encoding).toBe('gbk');
  });

  it('3.0 from Android (no longer one contact per line): TYPE lists, Google categories dropped, starred → favourite', async () => {
    const r = await read('vcard30-android.vcf');
    expect(r.records).toEqual([
      rec(
        1,
        '胡伟',
        [
          ['136 0013 6000', '手机'],
          ['010-62234302 ext. 12', '办公室'],
        ],
        { groupNames: ['调度'], favorite: true },
      ),
      rec(2, '黄勇', [['135-0013-5000', '手机']]),
    ]);
  });

  it('4.0: tel: URIs with ext=, quoted TYPE lists, folded lines, escapes, ORG units, Apple item labels', async () => {
    const r = await read('vcard40.vcf');
    expect(r.records).toEqual([
      rec(
        1,
        '毛鹏',
        [
          ['+86-138-0013-8001', '手机'],
          ['+86-10-6223-4302 ext. 396', '办公室'],
          ['0571-8888 6666', '调度台'],
        ],
        { org: '北京市政 抢修二队', notes: '负责西城, 东城\n夜间值班', groupNames: ['抢修', '司机,夜班'] },
      ),
      rec(2, 'Wang Lei', [['(010) 6552 9988', '住宅']]),
    ]);
  });

  it('labels in English when the dispatcher works in English', async () => {
    const r = await read('vcard30-android.vcf', { lang: 'en' });
    expect(r.records[0].numbers.map((n) => n.label)).toEqual(['Mobile', 'Office']);
  });

  it('a .vcf without any card is refused, not imported as rows', async () => {
    const r = await readSource(Buffer.from('BEGIN:VCARD\nVERSION:3.0\nFN:x\n'), { fileName: 'a.vcf', lang: 'zh-CN', maxRows: 10 });
    expect(r).toEqual({ ok: false, reason: 'no_cards' });
  });
});

describe('Google Contacts', () => {
  it('old layout (UTF-16, Type/Value): every ::: number, labels, Organization → unit, system groups dropped, * Starred → favourite, fax left out', async () => {
    const r = await read('google-old.csv');
    expect(r.source).toMatchObject({ format: 'csv', encoding: 'utf-16le', layout: 'google', certain: true, mappingFrom: 'guess' });
    expect(r.records).toEqual([
      rec(
        2,
        '白超',
        [
          ['138 0013 8000', '手机'],
          ['139-0013-9000', '手机'],
          ['010-62234302-396', '办公室'],
        ],
        { org: '市政调度中心 车队', notes: '车队长', groupNames: ['司机队'], favorite: true },
      ),
      rec(3, '马海燕', [['0571-88886666 转 123', '调度台']], { favorite: false }),
    ]);
  });

  it('current layout (Label/Value): Phonetic columns are never numbers nor names, Labels → groups', async () => {
    const r = await read('google-new.csv');
    expect(r.source).toMatchObject({ layout: 'google', certain: true });
    const phonetic = r.source.columns.filter((c) => c.header.startsWith('Phonetic'));
    expect(phonetic.map((c) => c.role)).toEqual(['ignore', 'ignore', 'ignore']);
    expect(r.records).toEqual([
      rec(
        2,
        '马晨',
        [
          ['+86 138-0013-8002', '手机'],
          ['010-62234302 ext. 15', '办公室'],
        ],
        { org: '市政调度中心 二班', notes: '白班', groupNames: ['调度', '二班'], favorite: true },
      ),
      rec(
        3,
        'Lei Wang',
        [
          ['(010) 6552 9988', '住宅'],
          ['6552 9989', '住宅'],
        ],
        { favorite: false },
      ),
    ]);
  });
});

describe('Outlook', () => {
  it('the mobile comes first (Enter calls it), labels translated, Categories split on ; → groups, fax/pager/IDs ignored', async () => {
    const r = await read('outlook.csv');
    expect(r.source).toMatchObject({ layout: 'outlook', certain: true, encoding: 'utf-8-bom' });
    expect(r.records).toEqual([
      rec(
        2,
        '毛涛',
        [
          ['13800138003', '手机'],
          ['010-62234302-396', '办公室'],
        ],
        { org: '市政调度中心 抢修一队', notes: '备用车钥匙在他那', groupNames: ['抢修', '司机', '夜班'] },
      ),
      rec(3, 'John Smith', [
        ['010 6552 9988', '住宅'],
        ['+86 10 6552 9987', '其他'],
      ]),
    ]);
  });
});

describe('WPS / Excel with Chinese headers', () => {
  it('GBK: every number of a row kept as written (extensions included), the header as label, 职务 and 序号 ignored', async () => {
    const r = await read('wps-gbk.csv');
    expect(r.source).toMatchObject({ layout: 'generic', encoding: 'gbk', certain: true });
    expect(r.source.columns.map((c) => [c.header, c.role])).toEqual([
      ['序号', 'ignore'],
      ['姓名', 'name'],
      ['手机', 'number'],
      ['办公电话', 'number'],
      ['单位', 'org'],
      ['部门', 'org'],
      ['职务', 'ignore'],
      ['备注', 'notes'],
      ['分组', 'groups'],
    ]);
    expect(r.source.columns[1].samples).toEqual(['白超', '马伟', '马勇']);
    expect(r.records).toEqual([
      rec(
        2,
        '白超',
        [
          ['13800138000', '手机'],
          ['010-62234302-396', '办公电话'],
        ],
        { org: '市政调度中心 车队', groupNames: ['司机', '车队'] },
      ),
      rec(
        3,
        '马伟',
        [
          ['13800138004', '手机'],
          ['0571-88886666 转 123', '办公电话'],
        ],
        { org: '抢修一队', notes: '夜班', groupNames: ['抢修'] },
      ),
      rec(4, '马勇', [['010-62234302 分机 12', '办公电话']], { notes: '只有座机' }),
      rec(
        5,
        '毛鹏',
        [
          ['1380013800', '手机'],
          ['x12', '办公电话'],
        ],
        { notes: '号码错' },
      ),
    ]);
  });

  it('Excel "Unicode text": UTF-16 and tab-separated', async () => {
    const r = await read('excel-unicode.txt');
    expect(r.source).toMatchObject({ encoding: 'utf-16le', layout: 'generic' });
    expect(r.records).toEqual([rec(2, '胡伟', [['13600136000', '']], { org: '市政' }), rec(3, '黄勇', [['13500135000', '']])]);
  });
});

describe('Excel .xlsx', () => {
  it('reads the first sheet, keeps the digits of number cells and Excel row numbers, and lists the sheets to pick from', async () => {
    const r = await read('two-sheets.xlsx');
    expect(r.source).toMatchObject({ format: 'xlsx', encoding: null, sheets: ['通讯录', '停用'], sheet: '通讯录', certain: true });
    expect(r.records).toEqual([
      rec(
        2,
        '胡伟',
        [
          ['13600136000', '手机'],
          ['010-62234302-396', '办公电话'],
        ],
        { org: '市政调度中心' },
      ),
      rec(4, '黄勇', [['135 0013 5000', '手机']]),
    ]);
  });

  it('reads the sheet asked for, and says so when it is not there', async () => {
    const r = await read('two-sheets.xlsx', { sheet: '停用' });
    expect(r.source.sheet).toBe('停用');
    expect(r.records).toEqual([rec(2, '吕强', [['13900139000', '']])]);
    const missing = await readSource(fixture('two-sheets.xlsx'), { fileName: 'x.xlsx', lang: 'zh-CN', maxRows: 10, sheet: 'Sheet9' });
    expect(missing).toEqual({ ok: false, reason: 'unknown_sheet', sheet: 'Sheet9' });
  });

  it('an .xls (OLE2) file gets the "save as .xlsx or CSV" answer; a broken zip is not taken for text', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await readSource(ole, { fileName: 'book.xls', lang: 'zh-CN', maxRows: 10 })).toEqual({ ok: false, reason: 'xls' });
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]);
    expect(await readSource(zip, { fileName: 'book.xlsx', lang: 'zh-CN', maxRows: 10 })).toEqual({ ok: false, reason: 'bad_xlsx' });
  });

  it('refuses a sheet with more rows than allowed', async () => {
    expect(await readSource(fixture('two-sheets.xlsx'), { fileName: 'x.xlsx', lang: 'zh-CN', maxRows: 2 })).toEqual({
      ok: false,
      reason: 'too_many_rows',
      maxRows: 2,
    });
  });
});

describe('columns: the guess, the mapping step and what is remembered', () => {
  const csv = (text: string) => Buffer.from(text, 'utf8');
  const options = { fileName: 'a.csv', lang: 'zh-CN' as const, maxRows: 100 };

  it('is unsure without a header row (columns by position) and when an unknown column holds numbers', async () => {
    const headerless = await readSource(csv('张三,13800138000,一队\n'), options);
    expect(headerless).toMatchObject({ ok: true, headerSet: null, source: { layout: 'none', certain: false } });
    if (headerless.ok) expect(headerless.records).toEqual([rec(1, '张三', [['13800138000', '']], { org: '一队' })]);

    const missed = await readSource(csv('姓名,手机,联络\n张三,13800138000,13900139000\n'), options);
    expect(missed).toMatchObject({ ok: true, source: { layout: 'generic', certain: false } });
  });

  it("reads with the dispatcher's mapping, label included, and with a remembered one for the same headers", async () => {
    const file = csv('人员,联系方式,所在单位\n左一,13800138001,一队\n');
    const guessed = await readSource(file, options);
    if (!guessed.ok) throw new Error('read');
    expect(guessed.source.certain).toBe(false);
    expect(guessed.records).toEqual([rec(2, '', [], { org: '一队' })]);

    const mapping = [
      { role: 'name' as const, label: '' },
      { role: 'number' as const, label: '值班' },
      { role: 'ignore' as const, label: '' },
    ];
    const chosen = await readSource(file, { ...options, mapping });
    expect(chosen).toMatchObject({ ok: true, source: { certain: true, mappingFrom: 'chosen' }, records: [rec(2, '左一', [['13800138001', '值班']])] });

    const remembered = await readSource(file, { ...options, remembered: { [guessed.headerSet!]: mapping } });
    expect(remembered).toMatchObject({ ok: true, source: { certain: true, mappingFrom: 'remembered' }, records: [rec(2, '左一', [['13800138001', '值班']])] });
    // Other headers do not pick it up.
    const other = await readSource(csv('人员,联系方式\n左一,13800138001\n'), { ...options, remembered: { [guessed.headerSet!]: mapping } });
    expect(other).toMatchObject({ ok: true, source: { mappingFrom: 'guess' } });
  });

  it('our own export reads back: label:number items, ="…" cells, the favourite column', async () => {
    const r = await readSource(
      csv('\uFEFF姓名,号码,单位,备注,分组,收藏\r\n张三,"手机:13800138000; 办公室:010-65529988",一队,,司机,是\r\n李四,="13900139000",,,,\r\n'),
      options,
    );
    expect(r).toMatchObject({
      ok: true,
      records: [
        rec(
          2,
          '张三',
          [
            ['13800138000', '手机'],
            ['010-65529988', '办公室'],
          ],
          { org: '一队', groupNames: ['司机'], favorite: true },
        ),
        rec(3, '李四', [['13900139000', '']], { favorite: false }),
      ],
    });
  });
});

describe('mapping memory', () => {
  const memoryStore = () => {
    const data = new Map<string, unknown>();
    return {
      get: <T>(k: string) => data.get(k) as T | undefined,
      set: (k: string, v: unknown) => void data.set(k, v),
      delete: (k: string) => void data.delete(k),
      path: ':memory:',
    };
  };

  it('keeps the latest mapping per header set, the most recent few, and drops damaged entries', () => {
    const store = memoryStore();
    const memory = createMappingMemory(store, 2);
    const m = (role: 'name' | 'number') => [{ role, label: '' }];
    memory.remember('a', m('name'));
    memory.remember('b', m('name'));
    memory.remember('a', m('number'));
    memory.remember('c', m('name'));
    expect(memory.all()).toEqual({ a: m('number'), c: m('name') });
    store.set('mappings', [{ headers: 'x', mapping: [{ role: 'dial-everyone', label: '' }] }, { headers: 'y', mapping: m('name') }, 'junk']);
    expect(memory.all()).toEqual({ y: m('name') });
  });
});
