import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCollection, type Collection, type CollectionOptions } from '../../../src/main/stores/collection-store';

interface Item {
  id: string;
  name: string;
}

let dir: string;
const opened: Collection<Item>[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collection-test-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const c of opened.splice(0)) c.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Opening again without closing the previous instance is how these tests simulate a kill. */
function open(options: Partial<CollectionOptions> = {}): Collection<Item> {
  const c = openCollection<Item>({ dir, name: 'contacts', ...options });
  opened.push(c);
  return c;
}
const snapshotFile = () => path.join(dir, 'contacts.snapshot.jsonl');
const journalFile = () => path.join(dir, 'contacts.journal');
const item = (n: number): Item => ({ id: `c${n}`, name: `Contact ${n}` });
const sortedIds = (c: Collection<Item>) => [...c.items.keys()].sort();

describe('collection store: basics', () => {
  it('round-trips put, overwrite and delete across reopen', () => {
    const c = open();
    c.put(item(1));
    c.put(item(2));
    c.put({ id: 'c1', name: 'Renamed' });
    expect(c.delete('c2')).toBe(true);
    expect(c.get('c1')).toEqual({ id: 'c1', name: 'Renamed' });
    c.close();

    const again = open();
    expect(again.all()).toEqual([{ id: 'c1', name: 'Renamed' }]);
    expect(again.get('c2')).toBeUndefined();
    expect(again.notices).toEqual([]);
  });

  it('writes nothing for deleting an id that does not exist', () => {
    const c = open();
    c.put(item(1));
    const size = fs.statSync(journalFile()).size;
    expect(c.delete('nope')).toBe(false);
    expect(fs.statSync(journalFile()).size).toBe(size);
  });

  it('refuses an item without an id, and stores nothing of the batch', () => {
    const c = open();
    expect(() => c.put({ name: 'x' } as unknown as Item)).toThrow(/id/);
    expect(() => c.putMany([item(1), { id: '', name: 'x' }])).toThrow(/id/);
    expect(c.items.size).toBe(0);
    expect(open().items.size).toBe(0);
  });

  it('has every one of 1000 back-to-back puts on disk, without close()', () => {
    const c = open();
    for (let i = 0; i < 1000; i++) c.put(item(i));
    // no close: the next instance reads only what reached the files
    const again = open();
    expect(again.items.size).toBe(1000);
    expect(again.get('c999')).toEqual(item(999));
  });

  it('stores a batch with putMany', () => {
    open().putMany([item(1), item(2), item(3)]);
    expect(sortedIds(open())).toEqual(['c1', 'c2', 'c3']);
  });
});

describe('collection store: damaged files', () => {
  it('ignores a torn last journal line and appends cleanly after it', () => {
    const c = open();
    c.put(item(1));
    c.put(item(2));
    // crash mid-append; longer than the next line, so leftovers would show if it were not cut off
    fs.appendFileSync(journalFile(), `{"op":"put","item":{"id":"c3","name":"${'x'.repeat(200)}`);

    const again = open();
    expect(sortedIds(again)).toEqual(['c1', 'c2']);
    expect(again.notices).toEqual([]);
    again.put(item(4));
    // exactly three lines: no leftover of the torn tail behind the new one
    const lines = [item(1), item(2), item(4)].map((i) => JSON.stringify({ op: 'put', item: i }) + '\n');
    expect(fs.readFileSync(journalFile(), 'utf8')).toBe(lines.join(''));
    expect(sortedIds(open())).toEqual(['c1', 'c2', 'c4']);
  });

  it('keeps a complete last line that lost only its newline', () => {
    open().put(item(1));
    fs.appendFileSync(journalFile(), JSON.stringify({ op: 'put', item: item(2) }));
    const again = open();
    again.put(item(3));
    expect(sortedIds(open())).toEqual(['c1', 'c2', 'c3']);
  });

  it.each([
    ['truncated', (whole: Buffer) => whole.subarray(0, whole.length - 5)],
    ['zero-length', () => Buffer.alloc(0)],
    ['garbage', () => Buffer.from('\u0000\u0001 not a snapshot\n{}\n')],
    ['missing a line', (whole: Buffer) => Buffer.from(whole.toString('utf8').replace(/\{"id":"c1"[^\n]*\n/, ''))],
    [
      'duplicated-id',
      (whole: Buffer) => {
        const text = whole.toString('utf8');
        const line = /\{"id":"c1"[^\n]*\n/.exec(text)![0];
        return Buffer.from(text.replace('"ids":["c1"]', '"ids":["c1","c1"]') + line);
      },
    ],
  ])('moves a %s snapshot aside, reports it, and keeps what the journal holds', (_, spoil) => {
    const c = open();
    c.put(item(1));
    c.compact();
    c.put(item(2));
    const spoilt = spoil(fs.readFileSync(snapshotFile()));
    fs.writeFileSync(snapshotFile(), spoilt);

    const again = open();
    expect(sortedIds(again)).toEqual(['c2']);
    expect(again.notices).toHaveLength(1);
    const notice = again.notices[0];
    if (notice.kind !== 'corrupt_file_moved') throw new Error(`unexpected ${notice.kind}`);
    expect(notice.file).toBe(snapshotFile());
    expect(fs.readFileSync(notice.movedTo).equals(spoilt)).toBe(true);
    // repaired: the next open is clean
    expect(open().notices).toEqual([]);
  });

  it('copies a journal with garbage in the middle aside, reports it, and keeps every readable line', () => {
    const line = (i: Item) => JSON.stringify({ op: 'put', item: i }) + '\n';
    fs.writeFileSync(journalFile(), line(item(1)) + 'garbage line\n{"op":"put"}\n' + line(item(2)));
    const damaged = fs.readFileSync(journalFile());

    const again = open();
    expect(sortedIds(again)).toEqual(['c1', 'c2']);
    expect(again.notices).toEqual([
      { kind: 'damaged_file_copied', file: journalFile(), copiedTo: expect.stringMatching(/contacts\.corrupt-.+\.journal$/), skippedLines: 2 },
    ]);
    const notice = again.notices[0] as { copiedTo: string };
    expect(fs.readFileSync(notice.copiedTo).equals(damaged)).toBe(true);
    expect(open().notices).toEqual([]);
  });
});

describe('collection store: damaged snapshot item (found when first read)', () => {
  it('drops only that item, keeps a copy of the snapshot, reports it, and repairs the file', async () => {
    const seen: unknown[] = [];
    const c = open();
    c.putMany([item(1), item(2), item(3)]);
    c.compact();
    const original = fs.readFileSync(snapshotFile());
    // bit rot inside c2's line, keeping its length and braces so the file still looks whole
    const damaged = Buffer.from(original.toString('utf8').replace('"name":"Contact 2"', '"name":"Contact 2#'));
    expect(damaged.length).toBe(original.length);
    fs.writeFileSync(snapshotFile(), damaged);

    const again = open({ onNotice: (n) => seen.push(n) });
    expect(again.notices).toEqual([]); // nothing parsed yet
    expect(again.get('c1')).toEqual(item(1));
    expect(again.get('c2')).toBeUndefined();
    expect(again.notices).toEqual([
      { kind: 'damaged_file_copied', file: snapshotFile(), copiedTo: expect.stringMatching(/\.corrupt-.+\.jsonl$/), skippedLines: 1 },
    ]);
    expect(seen).toEqual(again.notices);
    expect(fs.readFileSync((again.notices[0] as { copiedTo: string }).copiedTo).equals(damaged)).toBe(true);
    expect(again.all()).toEqual([item(1), item(3)]);

    await new Promise((resolve) => setImmediate(resolve)); // the scheduled repair
    const repaired = open();
    expect(repaired.all()).toEqual([item(1), item(3)]);
    expect(repaired.notices).toEqual([]);
  });
});

describe('collection store: read-only view', () => {
  it('behaves like a Map and follows later writes', () => {
    const c = open();
    c.putMany([item(1), item(2)]);
    c.compact();
    const again = open();
    const view = again.items;
    expect([view.size, view.has('c1'), view.has('zz')]).toEqual([2, true, false]);
    expect([...view.keys()]).toEqual(['c1', 'c2']);
    expect([...view]).toEqual([
      ['c1', item(1)],
      ['c2', item(2)],
    ]);
    const names: string[] = [];
    view.forEach((value, key) => names.push(`${key}=${value.name}`));
    expect(names).toEqual(['c1=Contact 1', 'c2=Contact 2']);
    again.put({ id: 'c1', name: 'new' });
    again.delete('c2');
    expect([...view.values()]).toEqual([{ id: 'c1', name: 'new' }]);
    expect(view.get('c1')).toBe(again.get('c1'));
  });
});

describe('collection store: compaction', () => {
  it('keeps everything, empties the journal, and survives reopen', () => {
    const c = open();
    for (let i = 0; i < 50; i++) c.put(item(i));
    for (let i = 0; i < 50; i += 2) c.delete(`c${i}`);
    const before = sortedIds(c);
    c.compact();
    expect(fs.statSync(journalFile()).size).toBe(0);
    c.put(item(100));
    expect(sortedIds(open())).toEqual([...before, 'c100'].sort());
  });

  it('compacts on its own after compactAfter entries, just after the put returns', async () => {
    const c = open({ compactAfter: 10 });
    for (let i = 0; i < 11; i++) c.put(item(i));
    expect(fs.statSync(journalFile()).size).toBeGreaterThan(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fs.statSync(journalFile()).size).toBe(0);
    expect(open().items.size).toBe(11);
  });

  it('loses nothing when killed between writing the temp snapshot and renaming it', () => {
    const c = open();
    for (let i = 0; i < 20; i++) c.put(item(i));
    c.compact();
    for (let i = 20; i < 30; i++) c.put(item(i));
    c.delete('c0');
    const expected = sortedIds(c);

    vi.spyOn(fs, 'renameSync').mockImplementationOnce(() => {
      throw new Error('killed before rename');
    });
    expect(() => c.compact()).toThrow('killed before rename');
    expect(fs.existsSync(`${snapshotFile()}.tmp`)).toBe(true);

    const again = open();
    expect(sortedIds(again)).toEqual(expected);
    expect(again.notices).toEqual([]);
    expect(fs.existsSync(`${snapshotFile()}.tmp`)).toBe(false);
  });

  it('loses nothing and resurrects nothing when killed after the rename but before the journal is emptied', () => {
    const c = open();
    for (let i = 0; i < 10; i++) c.put(item(i));
    c.delete('c3');
    c.put({ id: 'c4', name: 'changed' });
    const expected = c.all().sort((a, b) => a.id.localeCompare(b.id));

    vi.spyOn(fs, 'ftruncateSync').mockImplementationOnce(() => {
      throw new Error('killed before truncate');
    });
    expect(() => c.compact()).toThrow('killed before truncate');
    expect(fs.statSync(journalFile()).size).toBeGreaterThan(0);

    const again = open();
    expect(again.all().sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected);
  });
});
