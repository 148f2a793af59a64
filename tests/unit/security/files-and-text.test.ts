/**
 * Findings 10, 11, 12: CSV export quoting and the user's apostrophe; owner-only files and
 * folders, quarantined copies included; data files never written through a symlink; log
 * redaction on values; bidi/format controls out of names; UTF-16 with or without a BOM.
 */
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCsvBytes, exportContactsCsv, importContacts, parseCsv } from '../../../src/main/contacts/csv';
import { createLogger } from '../../../src/main/log';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { openNodeRuntime } from '../../../src/main/preview/node-runtime';
import { startFailureText } from '../../../src/main/start-failure';
import { openCollection } from '../../../src/main/stores/collection-store';
import { openConfStore } from '../../../src/main/stores/conf-store';
import { LOCK_FILE_NAME, lockDataFolder } from '../../../src/main/stores/data-folder-lock';
import { moveAside } from '../../../src/main/stores/quarantine';
import type { Contact } from '../../../src/shared/domain';
import { openTestCore } from '../../support/test-core';

const posix = process.platform !== 'win32';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const contact = (name: string, over: Partial<Contact> = {}): Contact => ({
  id: 'c1',
  name,
  numbers: [{ label: '', number: '13800138000' }],
  org: '',
  notes: '',
  favorite: false,
  groupIds: [],
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('CSV export (finding 10)', () => {
  it('quotes a cell with ";", so a ";"-separated Excel does not split it into a formula', () => {
    const csv = exportContactsCsv([contact('a;=1+1', { org: 'x\ty' })]);
    const row = csv.replace(/^\uFEFF/, '').split('\r\n')[1];
    expect(row.startsWith('"a;=1+1",')).toBe(true);
    // Read back with ";" as the delimiter (as that Excel would): the name stays one cell.
    const cells = parseCsv(row, ';');
    expect(cells[0][0]).toMatch(/^a;=1\+1,/);
    expect(cells[0]).toHaveLength(1);
  });

  it('keeps a leading apostrophe the user typed through export and import', () => {
    for (const name of ["'quoted", "'=not a formula", "''two"]) {
      const csv = exportContactsCsv([contact(name, { notes: name })]);
      const back = importContacts(parseCsv(decodeCsvBytes(Buffer.from(csv)).text), [], { duplicate: 'skip' });
      expect(back.rows[0].contact?.name, name).toBe(name);
      expect(back.rows[0].contact?.notes, name).toBe(name);
    }
    // And the formula guard still works for what it was for.
    const csv = exportContactsCsv([contact('=HYPERLINK("x")')]);
    expect(csv).toContain(`'=HYPERLINK`);
    const back = importContacts(parseCsv(decodeCsvBytes(Buffer.from(csv)).text), [], { duplicate: 'skip' });
    expect(back.rows[0].contact?.name).toBe('=HYPERLINK("x")');
  });
});

describe('files and folders (finding 11)', () => {
  it.runIf(posix)('creates the data folder 0700 and keeps quarantined copies 0600', () => {
    const data = join(dir, 'new-folder');
    const c = openCollection<{ id: string }>({ dir: data, name: 'contacts' });
    c.put({ id: 'a' });
    c.close();
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(statSync(join(data, 'contacts.journal')).mode & 0o777).toBe(0o600);

    // A journal with damage in the middle, left world-readable by something else.
    const journal = join(data, 'contacts.journal');
    writeFileSync(journal, `${readFileSync(journal, 'utf8')}garbage line\n{"op":"put","item":{"id":"b"}}\n`);
    chmodSync(journal, 0o644);
    const reopened = openCollection<{ id: string }>({ dir: data, name: 'contacts' });
    reopened.close();
    const copies = readdirSync(data).filter((f) => f.includes('.corrupt-'));
    expect(copies).toHaveLength(1);
    expect(statSync(join(data, copies[0])).mode & 0o777).toBe(0o600);

    // A damaged file moved aside keeps no group/other access either.
    const loose = join(data, 'settings.json');
    writeFileSync(loose, '{', { mode: 0o644 });
    chmodSync(loose, 0o644);
    const moved = moveAside(loose);
    if (moved.kind !== 'corrupt_file_moved') throw new Error(`unexpected notice ${moved.kind}`);
    expect(statSync(moved.movedTo).mode & 0o777).toBe(0o600);
  });

  it.runIf(posix)('does not write through a symlinked journal or log', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const data = join(dir, 'data');
    openCollection<{ id: string }>({ dir: data, name: 'groups' }).close();
    rmSync(join(data, 'contacts.journal'), { force: true });
    symlinkSync(victim, join(data, 'contacts.journal'));
    expect(() => openCollection<{ id: string }>({ dir: data, name: 'contacts' })).toThrow(/ELOOP|symbolic link/);
    symlinkSync(victim, join(data, 'dispatch-desk.log'));
    createLogger({ file: join(data, 'dispatch-desk.log') }).info('x', { a: 'b' });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it.runIf(posix).each(['settings', 'vault'])('refuses a symlinked %s.json, naming it, and leaves the target unchanged', (name) => {
    // A JSON object, so a store that followed the link would read it as its own and write into it.
    const victim = join(dir, 'victim.json');
    writeFileSync(victim, '{"precious":true}');
    const data = join(dir, 'data');
    const link = join(data, `${name}.json`);
    openConfStore({ cwd: data, name: 'other' });
    symlinkSync(victim, link);

    expect(() => openConfStore({ cwd: data, name }).store.set('callerNumber', '13900000000')).toThrow(link);
    // The start-up path (the preview's runtime): the failure message names the file; nothing opened.
    let failure: unknown;
    try {
      openNodeRuntime({ dataDir: data, sandbox: createSandbox() }).core.close();
    } catch (error) {
      failure = error;
    }
    expect(failure).toMatchObject({ code: 'symlink_refused', file: link });
    expect(startFailureText(failure, data).message).toContain(link);
    expect(readFileSync(victim, 'utf8')).toBe('{"precious":true}');
    // The refused start released the folder lock: fixing the file is enough to start again.
    rmSync(link);
    lockDataFolder(data).release();
  });

  it.runIf(posix)('refuses a symlinked lock file, naming it, without writing through it', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const data = join(dir, 'data');
    openConfStore({ cwd: data, name: 'other' });
    const link = join(data, LOCK_FILE_NAME);
    symlinkSync(victim, link);

    expect(() => lockDataFolder(data)).toThrow(expect.objectContaining({ code: 'symlink_refused', file: link }));
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });
});

describe('log redaction (finding 12)', () => {
  it.each([
    ['a quote', 'Ab"cd1234ef'],
    ['a backslash', 'Ab\\cd1234ef'],
    ['both', 'x"y\\z"1234'],
  ])('redacts a secret containing %s, in flat and nested fields', (_label, secret) => {
    const file = join(dir, 'log.txt');
    const log = createLogger({ file });
    log.redact(secret);
    log.info('flat', { detail: `before ${secret} after` });
    log.warn('nested', { outer: { inner: [`x${secret}y`, { deep: secret }] } } as never);
    log.error(`event ${secret}`);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(text.match(/\[redacted\]/g)?.length).toBe(4);
  });
});

describe('names and encodings (finding 12)', () => {
  it('strips bidi and format controls from names, notes and labels', async () => {
    const t = openTestCore(dir, { sandbox: createSandbox() });
    try {
      const saved = await t.call('contactSave', {
        contact: {
          name: 'abc\u202Egpj.exe\u2066x\u200B',
          org: '\u202Dorg',
          notes: 'n\u2067o\u200Ete\nok',
          numbers: [{ label: '\u202E手机', number: '13800138000' }],
        },
      });
      expect(saved).toMatchObject({ ok: true, contact: { name: 'abcgpj.exex', org: 'org', notes: 'note\nok', numbers: [{ label: '手机' }] } });
      // Emoji joiners are not format tricks and stay.
      const family = '👨\u200D👩\u200D👧';
      const kept = await t.call('contactSave', { contact: { name: family, numbers: [{ label: '', number: '13700137000' }] } });
      expect(kept).toMatchObject({ ok: true, contact: { name: family } });
      // The import path cleans the same way.
      const csv = Buffer.from('姓名,电话\n\u202E张三,13600136000\n', 'utf8').toString('base64');
      const p = await t.call('contactsImportPreview', { fileName: 'x.csv', dataBase64: csv, duplicate: 'skip' });
      expect((p.preview as { rows: { name: string }[] }).rows[0].name).toBe('张三');
    } finally {
      await t.core.close();
    }
  }, 30_000);

  it.each([
    ['utf-16le', (s: string) => Buffer.from(s, 'utf16le')],
    ['utf-16be', (s: string) => Buffer.from(s, 'utf16le').swap16()],
  ] as const)('detects %s without a BOM (and still with one)', (encoding, encode) => {
    const text = '姓名,电话\r\n张三,13800138000\r\n李四,010-65529988\r\n';
    const plain = decodeCsvBytes(encode(text));
    expect(plain).toMatchObject({ encoding, lossy: false, text });
    const bom = encode(`\uFEFF${text}`);
    expect(decodeCsvBytes(bom)).toMatchObject({ encoding, text });
    // Plain UTF-8 and GBK are not mistaken for it.
    expect(decodeCsvBytes(Buffer.from(text, 'utf8')).encoding).toBe('utf-8');
  });
});
