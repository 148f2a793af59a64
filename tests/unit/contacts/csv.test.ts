import { LANGUAGES, msg } from '../../../src/shared/i18n';
import { words } from '../../support/words';
import { describe, expect, it } from 'vitest';
import { generateContacts } from '../../../bench/generate-contacts';
import { decodeCsvBytes, exportContactsCsv, importContacts, parseCsv } from '../../../src/main/contacts/csv';
import { applyImport } from '../../../src/main/contacts/import/import-apply';
import type { ImportPreview } from '../../../src/main/contacts/import/import-preview';
import type { Contact, ContactGroup } from '../../../src/shared/domain';
import { normalizePhone, phoneErrorText } from '../../../src/shared/phone';

const hex = (s: string) =>
  new Uint8Array(
    s
      .replace(/\s/g, '')
      .match(/../g)!
      .map((b) => parseInt(b, 16)),
  );
const utf8 = (s: string) => new TextEncoder().encode(s);

// GBK (cp936) bytes, as Excel in China saves them. TextEncoder only encodes UTF-8, so these are
// written out by hand: 姓名 d0d5 c3fb, 电话 b5e7 bbb0, 张三 d5c5 c8fd, 李四 c0ee cbc4.
const GBK_FILE = hex(`
  d0d5c3fb 2c b5e7bbb0 0d0a
  d5c5c8fd 2c 3133383030313338303030 0d0a
  c0ee cbc4 2c 3031302d36353532393938380d0a`);

describe('decodeCsvBytes', () => {
  it('reads plain UTF-8 (and ASCII) as utf-8', () => {
    expect(decodeCsvBytes(utf8('姓名,电话\n张三,1'))).toEqual({ text: '姓名,电话\n张三,1', encoding: 'utf-8', lossy: false });
    expect(decodeCsvBytes(utf8('name')).encoding).toBe('utf-8');
  });

  it('strips a UTF-8 BOM and says so', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('姓名')]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: '姓名', encoding: 'utf-8-bom', lossy: false });
  });

  it('falls back to GBK for what Excel saves in China', () => {
    const d = decodeCsvBytes(GBK_FILE);
    expect(d.encoding).toBe('gbk');
    expect(d.lossy).toBe(false);
    expect(d.text).toBe('姓名,电话\r\n张三,13800138000\r\n李四,010-65529988\r\n');
  });

  it('reads UTF-16 with a BOM', () => {
    expect(decodeCsvBytes(hex('fffe 204e 0900'))).toEqual({ text: '丠\t', encoding: 'utf-16le', lossy: false });
    expect(decodeCsvBytes(hex('feff 4e20'))).toMatchObject({ text: '丠', encoding: 'utf-16be' });
  });

  it('flags bytes that are neither UTF-8 nor GBK instead of failing', () => {
    const d = decodeCsvBytes(hex('61 ff ff 62'));
    expect(d.lossy).toBe(true);
    expect(d.text).toBe('a\ufffd\ufffdb');
  });
});

describe('parseCsv', () => {
  it('splits records on CRLF, LF and CR', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('handles quotes, escaped quotes, and delimiters and line breaks inside quotes', () => {
    expect(parseCsv('"a,b","say ""hi""","line1\r\nline2",plain\r\n')).toEqual([['a,b', 'say "hi"', 'line1\r\nline2', 'plain']]);
    expect(parseCsv('"",x')).toEqual([['', 'x']]);
  });

  it('keeps empty fields and blank lines but adds no record for the final line break', () => {
    expect(parseCsv('a,,\n\nb\n')).toEqual([['a', '', ''], [''], ['b']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('is lenient like Excel with stray quotes', () => {
    expect(parseCsv('a"b,"c"d,"open\nrest')).toEqual([['a"b', 'cd', 'open\nrest']]);
  });

  it('strips a BOM left in the text and detects tab or semicolon delimiters', () => {
    expect(parseCsv('\uFEFFa,b')).toEqual([['a', 'b']]);
    expect(parseCsv('姓名\t电话\n张三\t138')).toEqual([
      ['姓名', '电话'],
      ['张三', '138'],
    ]);
    expect(parseCsv('name;phone\n"a;b";1')).toEqual([
      ['name', 'phone'],
      ['a;b', '1'],
    ]);
    expect(parseCsv('a;b,c', ',')).toEqual([['a;b', 'c']]);
  });
});

const t0 = 1_700_000_000_000;
function contact(id: string, name: string, numbers: string[], extra: Partial<Contact> = {}): Contact {
  return {
    id,
    name,
    numbers: numbers.map((number) => ({ label: '手机', number })),
    org: '',
    notes: '',
    favorite: false,
    groupIds: [],
    createdAt: t0,
    updatedAt: t0,
    ...extra,
  };
}
const preview = (csv: string, existing: Contact[] = []) => importContacts(parseCsv(csv), existing, { duplicate: 'skip' });
let seq = 0;
const newId = () => `new${++seq}`;

describe('importContacts: columns', () => {
  it('recognises Chinese headers, several phone columns and ;-separated numbers', () => {
    const p = preview('姓名,手机,办公电话,电话,单位,备注,分组,QQ号码\n张三,13800138000,010-6552 9988,13900139000；13700137000,消防支队,夜班,一班;二班,12345\n');
    expect(p.header).toBe(true);
    expect(p.columns.map((c) => c.kind)).toEqual(['name', 'phone', 'phone', 'phone', 'org', 'notes', 'groups', 'ignored']);
    expect(p.rows[0]).toMatchObject({ line: 2, status: 'new', errors: [] });
    expect(p.rows[0].contact).toEqual({
      name: '张三',
      numbers: [
        { label: '手机', number: '13800138000' },
        { label: '办公电话', number: '01065529988' },
        // A generic 电话 column says nothing about the number: no label.
        { label: '', number: '13900139000' },
        { label: '', number: '13700137000' },
      ],
      org: '消防支队',
      notes: '夜班',
      groupNames: ['一班', '二班'],
    });
  });

  it('recognises English headers and ignores phone type columns', () => {
    const p = preview('Name,Phone 1 - Type,Phone 1 - Value,Organization,Notes,Favorite\nTom,Mobile,13800138000,ACME,,yes\n');
    expect(p.columns.map((c) => c.kind)).toEqual(['name', 'ignored', 'phone', 'org', 'notes', 'favorite']);
    expect(p.rows[0].contact).toMatchObject({ name: 'Tom', org: 'ACME', favorite: true });
  });

  it('joins family and given name columns', () => {
    const p = preview('姓,名,手机\n张,三,13800138000\n');
    expect(p.rows[0].contact?.name).toBe('张三');
    expect(preview('First Name,Last Name,Mobile\nJohn,Smith,13800138000').rows[0].contact?.name).toBe('John Smith');
  });

  it('assumes name, phone, org without a recognisable header', () => {
    const p = preview('张三,13800138000,消防支队\n');
    expect(p.header).toBe(false);
    expect(p.rows[0]).toMatchObject({ line: 1, status: 'new', contact: { name: '张三', org: '消防支队' } });
    // Header words in a data row do not make it a header when the row holds a number.
    expect(preview('李四,13800138000,电话组\n').rows[0]).toMatchObject({ line: 1, contact: { org: '电话组' } });
  });

  it('reads label:number items and unwraps ="…" cells', () => {
    const p = preview('姓名,号码\n张三,"手机:13800138000; 办公室：010-65529988"\n李四,"=""01065529987"""\n');
    expect(p.rows[0].contact?.numbers).toEqual([
      { label: '手机', number: '13800138000' },
      { label: '办公室', number: '01065529988' },
    ]);
    expect(p.rows[1].contact?.numbers).toEqual([{ label: '', number: '01065529987' }]);
  });
});

describe('importContacts: row problems', () => {
  it('reports a missing name, a bad number and Excel scientific notation, with row numbers', () => {
    const p = preview('姓名,手机\n,13800138000\n\n王五,12345\n赵六,1.38001E+10\n');
    expect(p.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'error'],
      [4, 'error'],
      [5, 'error'],
    ]);
    expect(p.rows[0].errors).toEqual([{ field: 'name', text: msg('importFile.nameMissing') }]);
    const bad = normalizePhone('12345');
    expect(bad.ok).toBe(false);
    expect(p.rows[1].errors).toEqual([{ field: 'numbers', text: phoneErrorText(bad as Extract<typeof bad, { ok: false }>) }]);
    expect(p.rows[1]).toMatchObject({ name: '王五', numbers: ['12345'] });
    expect(words(p.rows[2].errors[0].text, 'zh-CN')).toContain('科学计数法');
    expect(p.rows.every((r) => r.contact === undefined)).toBe(true);
    expect(p.summary).toEqual({ total: 3, new: 0, duplicate: 0, error: 3 });
  });

  it('rejects fields over the limits', () => {
    const p = preview(`姓名,手机,单位\n${'张'.repeat(65)},13800138000,\n李四,13800138001,${'x'.repeat(65)}\n`);
    expect(p.rows.map((r) => r.errors[0]?.field)).toEqual(['name', 'org']);
  });

  it('finds duplicates of existing contacts and of earlier rows, by normalised number', () => {
    const existing = [contact('e1', '张三', ['13800138000'])];
    const p = preview('姓名,手机\n张三,+86 138-0013-8000\n李四,13900139000\n李四二,139 0013 9000\n王五,13700137000\n', existing);
    expect(p.rows.map((r) => r.status)).toEqual(['duplicate', 'new', 'duplicate', 'new']);
    expect(p.rows[0].duplicateOf).toEqual({ kind: 'existing', id: 'e1', name: '张三' });
    expect(words(p.rows[0].errors[0].text, 'zh-CN')).toContain('已属于联系人“张三”');
    expect(p.rows[2].duplicateOf).toEqual({ kind: 'row', line: 3, name: '李四' });
    expect(p.summary).toEqual({ total: 4, new: 2, duplicate: 2, error: 0 });
  });

  it('prefers the contact with the same name when a number is shared', () => {
    const existing = [contact('a', '前台', ['01065529988']), contact('b', '张三', ['01065529988'])];
    expect(preview('姓名,电话\n张三,010-65529988\n', existing).rows[0].duplicateOf).toMatchObject({ id: 'b' });
  });
});

describe('applyImport: duplicate policies', () => {
  const existing = [
    contact('e1', '张三', ['13800138000'], { org: '', notes: '老备注', groupIds: ['g1'], favorite: true }),
    contact('e2', '李四', ['13900139000']),
  ];
  const groups: ContactGroup[] = [{ id: 'g1', name: '一班', createdAt: t0 }];
  const csv =
    '姓名,手机,办公电话,单位,备注,分组\n张三新,13800138000,01065529988,消防支队,新备注,一班;二班\n王五,13700137000,,,,\n王五,13700137000,13600136000,,,\n坏行,123,,,,\n';
  const plan = (duplicate: 'skip' | 'merge' | 'replace') => {
    seq = 0;
    const p: ImportPreview = importContacts(parseCsv(csv), existing, { duplicate });
    return applyImport(p, existing, { groups, now: t0 + 1, newId });
  };

  it('skip: only new rows are added', () => {
    const r = plan('skip');
    expect(r.counts).toEqual({ added: 1, merged: 0, replaced: 0, skipped: 2, failed: 1 });
    expect(r.contacts.map((c) => c.name)).toEqual(['王五']);
    expect(r.contacts[0]).toMatchObject({ id: 'new1', numbers: [{ label: '手机', number: '13700137000' }], createdAt: t0 + 1 });
    expect(r.newGroups).toEqual([]);
  });

  it('merge: adds missing numbers, fills empty fields, appends notes, unions groups', () => {
    const r = plan('merge');
    expect(r.counts).toEqual({ added: 1, merged: 2, replaced: 0, skipped: 0, failed: 1 });
    const e1 = r.contacts.find((c) => c.id === 'e1')!;
    expect(e1).toMatchObject({
      name: '张三',
      org: '消防支队',
      notes: '老备注\n新备注',
      favorite: true,
      createdAt: t0,
      updatedAt: t0 + 1,
    });
    expect(e1.numbers.map((n) => n.number)).toEqual(['13800138000', '01065529988']);
    expect(r.newGroups).toEqual([{ id: 'new1', name: '二班', createdAt: t0 + 1 }]);
    expect(e1.groupIds).toEqual(['g1', 'new1']);
    // The second 王五 row merges into the contact the first one creates.
    const wang = r.contacts.filter((c) => c.name === '王五');
    expect(wang).toHaveLength(1);
    expect(wang[0].numbers.map((n) => n.number)).toEqual(['13700137000', '13600136000']);
  });

  it('replace: takes the row’s fields but keeps id, createdAt and (without a column) favourite', () => {
    const r = plan('replace');
    expect(r.counts).toEqual({ added: 1, merged: 0, replaced: 2, skipped: 0, failed: 1 });
    const e1 = r.contacts.find((c) => c.id === 'e1')!;
    expect(e1).toMatchObject({ name: '张三新', org: '消防支队', notes: '新备注', favorite: true, createdAt: t0, updatedAt: t0 + 1 });
    expect(e1.numbers.map((n) => n.number)).toEqual(['13800138000', '01065529988']);
    expect(e1.groupIds).toEqual(['g1', 'new1']);
  });

  it('lets apply override the policy chosen for the preview', () => {
    seq = 0;
    const p = importContacts(parseCsv(csv), existing, { duplicate: 'skip' });
    expect(applyImport(p, existing, { duplicate: 'merge', groups, now: t0, newId }).counts.merged).toBe(2);
  });

  it('fails a merge that would exceed the number limit instead of truncating', () => {
    const full = [
      contact(
        'f',
        '满',
        Array.from({ length: 10 }, (_, i) => `1380013800${i}`),
      ),
    ];
    const p = importContacts(parseCsv('姓名,手机,电话\n满,13800138000,13900139000\n'), full, { duplicate: 'merge' });
    expect(applyImport(p, full, { groups: [], now: t0, newId }).counts).toMatchObject({ merged: 0, failed: 1 });
  });
});

describe('exportContactsCsv', () => {
  it('writes a BOM, CRLF, Chinese headers and label:number items', () => {
    const csv = exportContactsCsv([contact('a', '张三', ['13800138000', '01065529988'], { favorite: true })]);
    expect(csv.startsWith('\uFEFF姓名,号码,单位,备注,分组,收藏\r\n')).toBe(true);
    // Quoted: the `;` between numbers must not split the cell in a `;`-separated Excel.
    expect(csv).toContain('张三,"手机:13800138000; 手机:01065529988",,,,是\r\n');
  });

  it('keeps a bare number text for Excel and quotes what needs quoting', () => {
    const c = contact('a', 'Smith, "J"', ['01065529988'], { notes: 'line1\nline2' });
    c.numbers[0].label = '';
    const lines = exportContactsCsv([c]).split('\r\n');
    expect(lines[1]).toBe('"Smith, ""J""","=""01065529988""",,"line1\nline2",,');
  });

  it('guards against formula injection in every text cell', () => {
    const c = contact('a', '=HYPERLINK("http://x")', [], { org: '+1', notes: '@cmd', groupIds: ['g'] });
    const rows = parseCsv(exportContactsCsv([c], [{ id: 'g', name: '-2', createdAt: 0 }]));
    expect(rows[1]).toEqual(['\'=HYPERLINK("http://x")', '', "'+1", "'@cmd", "'-2", '']);
  });

  it('writes English headers and words when asked for English', () => {
    const csv = exportContactsCsv([contact('a', 'Zhang San', ['13800138000'], { favorite: true })], [], 'en');
    expect(csv.startsWith('\uFEFFName,Numbers,Organisation,Notes,Groups,Favourite\r\n')).toBe(true);
    expect(csv).toContain('Zhang San,手机:13800138000,,,,Yes\r\n');
  });

  it.each(LANGUAGES)('reads its own %s headers back as exactly its columns', (lang) => {
    const p = importContacts(parseCsv(exportContactsCsv([], [], lang)), [], { duplicate: 'skip' });
    expect(p.header).toBe(true);
    expect(p.columns.map((c) => c.kind)).toEqual(['name', 'phone', 'org', 'notes', 'groups', 'favorite']);
  });

  it.each(LANGUAGES)('round-trips in %s: export, decode, parse and import give the same contacts', (lang) => {
    const groups: ContactGroup[] = [
      { id: 'g1', name: '抢修一班', createdAt: t0 },
      { id: 'g2', name: 'Night Shift', createdAt: t0 },
    ];
    const originals = generateContacts(300, 11).map((c, i) => ({
      ...c,
      name: i === 0 ? '=1+1' : i === 1 ? 'Smith, "J"' : c.name,
      notes: i % 7 === 0 ? `第${i}条\n"备注", 含逗号` : '',
      groupIds: i % 3 === 0 ? ['g1'] : i % 3 === 1 ? ['g1', 'g2'] : [],
      numbers: c.numbers.map((n, k) => (i % 5 === 0 && k === 0 ? { ...n, label: '' } : n)),
      favorite: i % 4 === 0,
    }));
    const bytes = utf8(exportContactsCsv(originals, groups, lang));
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe('utf-8-bom');
    const p = importContacts(parseCsv(decoded.text), [], { duplicate: 'skip' });
    expect(p.summary).toEqual({ total: 300, new: 300, duplicate: 0, error: 0 });
    seq = 0;
    const back = applyImport(p, [], { groups, now: t0, newId });
    expect(back.counts.added).toBe(300);
    const shape = (c: Contact) => ({
      name: c.name,
      numbers: c.numbers,
      org: c.org,
      notes: c.notes,
      favorite: c.favorite,
      groups: c.groupIds.map((id) => groups.find((g) => g.id === id)?.name),
    });
    expect(back.contacts.map(shape)).toEqual(originals.map(shape));
    expect(back.newGroups).toEqual([]);
  });
});
