/**
 * The contacts store with 50 000 contacts on disk (a temp dir, the real collection store).
 *
 * "Load" is what start-up costs before the window can show the list: opening the collection
 * (snapshot read + line index, items not parsed yet) and the first `contactsList`, which the
 * contacts service answers with every record (parsing them all) after building its number
 * index. Open alone and open + reading every item are reported too, to show where the time goes.
 *
 * Add one / delete one go through the contacts service (validation, search keys via pinyin-pro,
 * one journal append + fsync), as the contactSave / contactsDelete operations do.
 */
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createContactsService } from '../src/main/contacts/contacts-service';
import { createLogger } from '../src/main/log';
import { openCollection, type Collection } from '../src/main/stores/collection-store';
import type { ContactGroup, ContactRecord, Roster } from '../src/shared/domain';
import { contactRecords, seedContacts, tempDir } from './fixtures';
import { figure, type Figure } from './report';
import { median, percentile } from './stats';

export interface StoreBenchOptions {
  contacts?: number;
  loads?: number;
  ops?: number;
}

function openAll(dir: string) {
  const contacts = openCollection<ContactRecord>({ dir, name: 'contacts' });
  const groups = openCollection<ContactGroup>({ dir, name: 'groups' });
  const rosters = openCollection<Roster>({ dir, name: 'rosters' });
  return {
    contacts,
    groups,
    rosters,
    close: () => [contacts, groups, rosters].forEach((c: Collection<{ id: string }>) => c.close()),
  };
}

export async function benchStore(options: StoreBenchOptions = {}): Promise<Figure[]> {
  const n = options.contacts ?? 50_000;
  const loads = options.loads ?? 9;
  const ops = options.ops ?? 50;
  const dir = tempDir('dispatch-bench-store-');
  try {
    const records = contactRecords(n);
    let t0 = performance.now();
    seedContacts(dir, records);
    const seedMs = performance.now() - t0;
    const log = createLogger({});

    // Three ways of loading, rotated so that none always runs on the coldest cache.
    const openOnly: number[] = [];
    const openRead: number[] = [];
    const openList: number[] = [];
    const kinds = [
      () => {
        const t = performance.now();
        const c = openCollection<ContactRecord>({ dir, name: 'contacts' });
        openOnly.push(performance.now() - t);
        c.close();
      },
      () => {
        const t = performance.now();
        const c = openCollection<ContactRecord>({ dir, name: 'contacts' });
        const all = c.all();
        openRead.push(performance.now() - t);
        if (all.length !== n) throw new Error(`read ${all.length} contacts, expected ${n}`);
        c.close();
      },
      () => {
        const t = performance.now();
        const cols = openAll(dir);
        const service = createContactsService({ collections: cols, ownNumber: () => undefined, now: Date.now, log });
        const listed = service.list();
        openList.push(performance.now() - t);
        if (!listed.ok || listed.contacts.length !== n) throw new Error('contactsList failed');
        cols.close();
      },
    ];
    kinds.forEach((k) => k()); // warm-up: page cache, JIT
    for (let i = 0; i < loads; i++) for (let k = 0; k < kinds.length; k++) kinds[(i + k) % kinds.length]();

    // Add one / delete one through the service, alternating, on the loaded 50 000.
    const cols = openAll(dir);
    const service = createContactsService({ collections: cols, ownNumber: () => undefined, now: Date.now, log });
    service.list();
    const add: number[] = [];
    const del: number[] = [];
    const rawPut: number[] = [];
    const rawDel: number[] = [];
    for (let i = 0; i < ops + 5; i++) {
      t0 = performance.now();
      const saved = service.saveContact({ name: `测试联系人${i}`, numbers: [{ label: '手机', number: `1390000${String(i).padStart(4, '0')}` }], org: '基准测试' });
      const a = performance.now() - t0;
      if (!saved.ok) throw new Error(`saveContact failed: ${saved.message}`);
      t0 = performance.now();
      const deleted = service.deleteContacts([records[i].id]);
      const d = performance.now() - t0;
      if (!deleted.ok || deleted.deleted.length !== 1) throw new Error('deleteContacts failed');
      // The bare collection, for comparison: one journal append + fsync each.
      const extra = { ...records[n - 1 - i], id: `bench-${i}` };
      t0 = performance.now();
      cols.contacts.put(extra);
      const p = performance.now() - t0;
      t0 = performance.now();
      cols.contacts.delete(extra.id);
      const r = performance.now() - t0;
      if (i >= 5) {
        add.push(a);
        del.push(d);
        rawPut.push(p);
        rawDel.push(r);
      }
    }
    cols.close();

    return [
      figure('store', `load ${n} (open + contactsList)`, median(openList), 'ms', 150, `median of ${loads}; what start-up does: open contacts/groups/rosters, then list() parses every record and builds the number index. Open alone p50 ${median(openOnly).toFixed(1)} ms; open + all() p50 ${median(openRead).toFixed(1)} ms; open + list() p95 ${percentile(openList, 95).toFixed(1)} ms. Seeding (one putMany + compaction on close) took ${seedMs.toFixed(0)} ms`),
      figure('store', 'load: open alone', median(openOnly), 'ms'),
      figure('store', 'load: open + read all items', median(openRead), 'ms'),
      figure('store', 'add one (contactSave)', median(add), 'ms', 50, `median of ${ops} after 5 warm-up; p95 ${percentile(add, 95).toFixed(2)} ms; bare collection.put p50 ${median(rawPut).toFixed(2)} ms (the fsync)`),
      figure('store', 'delete one (contactsDelete)', median(del), 'ms', 50, `median of ${ops} after 5 warm-up; p95 ${percentile(del, 95).toFixed(2)} ms; bare collection.delete p50 ${median(rawDel).toFixed(2)} ms`),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
