/**
 * Child process for the SIGKILL test (tests/unit/reliability/kill-writes.test.ts): adds contacts
 * through the real contacts service and collections, printing each contact's id on stdout only
 * after saveContact has returned. The parent kills it with SIGKILL at some moment, then checks
 * that every printed id is on disk.
 *
 * Run as: node --import tsx tests/support/kill-writer.ts <dataDir> <compactAfter> <maxContacts>
 * A small compactAfter makes compactions (snapshot rewrite + journal truncation) frequent, and a
 * "compacting" line marks the start of each, so kills can be aimed at them too. stdout to a pipe is synchronous on POSIX: once write() returns, the
 * line is in the pipe, and the parent reads it even after the kill.
 */
import fs, { writeSync } from 'node:fs';
import { createContactsService } from '../../src/main/contacts/contacts-service';
import { computeSearchKeys } from '../../src/main/contacts/search-keys';
import { createLogger } from '../../src/main/log';
import { createContactBook } from '../../src/main/sources/local/contact-book';
import { localGroups, localRosters } from '../../src/main/sources/local/local-records';
import { openCollection } from '../../src/main/stores/collection-store';
import type { ContactGroup, ContactRecord, Roster } from '../../src/shared/domain';

const [dir, compactAfterArg, maxArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: kill-writer.ts <dataDir> <compactAfter> <maxContacts>');
const compactAfter = Number(compactAfterArg ?? 25);
const max = Number(maxArg ?? 100_000);

// Says "compacting" as a compaction starts writing its new snapshot (test instrumentation only:
// the call passes through unchanged), so the parent can also aim a kill at a compaction.
const openSync = fs.openSync;
fs.openSync = ((file: fs.PathLike, ...rest: unknown[]) => {
  if (String(file).endsWith('.snapshot.jsonl.tmp')) writeSync(1, 'compacting\n');
  return (openSync as (...args: unknown[]) => number)(file, ...rest);
}) as typeof fs.openSync;

// The local sources as createLocalSources builds them, but with a small compactAfter.
const log = createLogger({});
const service = createContactsService({
  contacts: createContactBook({ collection: openCollection<ContactRecord>({ dir, name: 'contacts', compactAfter }), computeKeys: computeSearchKeys, log }),
  groups: localGroups(openCollection<ContactGroup>({ dir, name: 'groups', compactAfter }), log),
  rosters: localRosters(openCollection<Roster>({ dir, name: 'rosters', compactAfter }), log),
  ownNumber: () => undefined,
  now: Date.now,
});

async function main(): Promise<void> {
  writeSync(1, 'ready\n');
  for (let i = 0; i < max; i++) {
    const saved = service.saveContact({
      name: `Kill ${i}`,
      numbers: [{ label: 'm', number: `139${String(i).padStart(8, '0')}` }],
      notes: 'x'.repeat(i % 200),
    });
    if (!saved.ok) {
      writeSync(2, `save ${i} failed: ${saved.message}\n`);
      process.exit(2);
    }
    writeSync(1, `${saved.contact.id}\n`);
    // Let the compaction scheduled after a put run (it waits for the current task to end).
    if (i % 5 === 4) await new Promise((resolve) => setImmediate(resolve));
  }
  writeSync(1, 'done\n');
}

void main();
