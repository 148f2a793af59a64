/**
 * Shared benchmark data: the generated contacts (bench/generate-contacts.ts, deterministic) as the
 * records main stores — each with the search keys main computes when a contact is saved. Keys
 * take pinyin-pro a couple of seconds for 50 000 names, so they are computed once per run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { computeSearchKeys } from '../src/main/contacts/search-keys';
import type { ContactRecord } from '../src/shared/domain';
import { openCollection } from '../src/main/stores/collection-store';
import { generateContacts } from './generate-contacts';

const cache = new Map<number, { records: ContactRecord[]; keysMs: number }>();

function cached(count: number): { records: ContactRecord[]; keysMs: number } {
  let hit = cache.get(count);
  if (!hit) {
    const contacts = generateContacts(count);
    const t0 = performance.now();
    const records = contacts.map((c) => ({ ...c, keys: computeSearchKeys(c) }));
    hit = { records, keysMs: performance.now() - t0 };
    cache.set(count, hit);
  }
  return hit;
}

export function contactRecords(count: number): ContactRecord[] {
  return cached(count).records;
}

/** How long computeSearchKeys took for all of them (main's cost, e.g. after an import). */
export function keysComputeMs(count: number): number {
  return cached(count).keysMs;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Writes `records` as the app's `contacts` collection in `dir` the way an import does (one
 * putMany), then closes it; closing compacts, so the next open reads a snapshot, as after any
 * normal run of the app.
 */
export function seedContacts(dir: string, records: readonly ContactRecord[]): void {
  const c = openCollection<ContactRecord>({ dir, name: 'contacts' });
  c.putMany(records);
  c.close();
}
