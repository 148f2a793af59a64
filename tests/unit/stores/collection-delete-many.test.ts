import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCollection } from '../../../src/main/stores/collection-store';

interface Item {
  id: string;
  n: number;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collection-delmany-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('collection store: deleteMany', () => {
  it('deletes a batch in one append, ignoring unknown and repeated ids, and survives reopen', () => {
    const c = openCollection<Item>({ dir, name: 'things' });
    c.putMany([1, 2, 3, 4].map((n) => ({ id: `i${n}`, n })));
    const journal = path.join(dir, 'things.journal');
    const before = fs.readFileSync(journal, 'utf8').split('\n').length;
    expect(c.deleteMany(['i1', 'i3', 'i3', 'nope'])).toBe(2);
    // Two delete lines: one per existing id, none for the repeat or the unknown id.
    expect(fs.readFileSync(journal, 'utf8').split('\n').length - before).toBe(2);
    expect([...c.items.keys()].sort()).toEqual(['i2', 'i4']);
    // Not closed: what the next instance sees is what reached the disk.
    const again = openCollection<Item>({ dir, name: 'things' });
    expect([...again.items.keys()].sort()).toEqual(['i2', 'i4']);
    again.close();
    c.close();
  });

  it('writes nothing when none of the ids exist', () => {
    const c = openCollection<Item>({ dir, name: 'things' });
    c.put({ id: 'a', n: 1 });
    const size = fs.statSync(path.join(dir, 'things.journal')).size;
    expect(c.deleteMany(['x', 'y'])).toBe(0);
    expect(fs.statSync(path.join(dir, 'things.journal')).size).toBe(size);
    c.close();
  });
});
