/**
 * A data folder holding every store file the app has, each non-empty, for the data-safety suites:
 * settings.json, vault.json, and for each collection (src/main/stores/app-collections.ts) a
 * snapshot with the older records plus a journal with the newer ones. Also a checker that every
 * store file in a folder parses, and the app's view of a folder read through openNodeRuntime.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppNotice, CallLogEntry, ContactGroup, ContactRecord, Roster } from '../../src/shared/domain';
import type { OperationName } from '../../src/shared/contract';
import { invokeOperation } from '../../src/main/ipc/operations';
import type { NodeRuntime } from '../../src/main/preview/node-runtime';
import { createSandbox } from '../../src/main/sandbox/sandbox';
import { openCollection } from '../../src/main/stores/collection-store';
import { openTestCore } from './test-core';

export const COLLECTIONS = ['contacts', 'groups', 'rosters', 'call-log'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];
export const OWN_NUMBER = '13900139000';

/** What each collection holds, by a human-readable key (name, or the callee for call-log entries). */
export type Contents = Record<CollectionName, string[]>;

export interface PopulatedData {
  /** Records that live in each collection's snapshot, and those only in its journal (in write order). */
  inSnapshot: Contents;
  inJournal: Contents;
}

export function storeFiles(dir: string): string[] {
  return ['settings.json', 'vault.json', ...COLLECTIONS.flatMap((c) => [`${c}.snapshot.jsonl`, `${c}.journal`])].map((f) => join(dir, f));
}

/**
 * Files that only speed things up and are rebuilt from the stores (src/main/sources/local/order-cache.ts):
 * a damaged one is ignored and replaced, never reported.
 */
export const CACHE_FILES = ['contacts.order.json'];

async function must(call: (name: OperationName, payload: unknown) => Promise<Record<string, unknown>>, name: OperationName, payload: unknown) {
  const r = await call(name, payload);
  if (r.ok !== true) throw new Error(`${name} failed while populating: ${JSON.stringify(r)}`);
  return r;
}

/** Two sessions of app use with a compaction in between; deterministic (session polling is manual). */
export async function populate(dir: string): Promise<PopulatedData> {
  const session = async (tag: string, first: boolean, callee: string) => {
    const app = openTestCore(dir, { sandbox: createSandbox({ progress: { ringingMs: 50, answeredMs: 50 } }) });
    try {
      if (first) {
        await must(app.call, 'settingsSet', { callerNumber: OWN_NUMBER, language: 'en' });
        await must(app.call, 'accountSave', { appKey: 'a0b1c2d3e4f5061728394a5b6c7d8e9f', appSecret: 'c0ffee0secret0a1' });
        await must(app.call, 'settingsSet', { mode: 'sandbox' });
      }
      await must(app.call, 'groupSave', { group: { name: `${tag} group` } });
      for (let i = 1; i <= 3; i++) {
        await must(app.call, 'contactSave', { contact: { name: `${tag} ${i}`, numbers: [{ label: 'm', number: `1370000${first ? 1 : 2}00${i}` }] } });
      }
      await must(app.call, 'rosterSave', { roster: { name: `${tag} roster`, members: [{ name: 'x', number: '13800138000' }] } });
      await must(app.call, 'startCall', { callee });
    } finally {
      await app.core.close();
    }
  };
  await session('Snap', true, '13800000001');
  // Fold everything so far into the snapshots; the second session then fills the journals.
  for (const name of COLLECTIONS) {
    const c = openCollection({ dir, name });
    c.compact();
    c.close();
  }
  await session('Journal', false, '13800000002');
  const contents = (tag: string, callee: string): Contents => ({
    contacts: [1, 2, 3].map((i) => `${tag} ${i}`),
    groups: [`${tag} group`],
    rosters: [`${tag} roster`],
    'call-log': [callee],
  });
  return { inSnapshot: contents('Snap', '13800000001'), inJournal: contents('Journal', '13800000002') };
}

export function invoke(runtime: NodeRuntime, name: OperationName, payload: unknown): Promise<Record<string, unknown>> {
  return invokeOperation(runtime.core.handlers, name, payload, { trusted: true }, runtime.log) as Promise<Record<string, unknown>>;
}

/** What the app shows of each collection, through the handlers. */
export async function appContents(runtime: NodeRuntime): Promise<Contents> {
  const listed = (await invoke(runtime, 'contactsList', {})) as unknown as { contacts: ContactRecord[]; groups: ContactGroup[]; rosters: Roster[] };
  const log = (await invoke(runtime, 'callLogList', {})) as unknown as { entries: CallLogEntry[] };
  const sorted = (xs: string[]) => [...xs].sort();
  return {
    contacts: sorted(listed.contacts.map((c) => c.name)),
    groups: sorted(listed.groups.map((g) => g.name)),
    rosters: sorted(listed.rosters.map((r) => r.name)),
    'call-log': sorted(log.entries.map((e) => e.parties[0]?.number ?? '?')),
  };
}

export async function notices(runtime: NodeRuntime): Promise<AppNotice[]> {
  const r = await invoke(runtime, 'noticesList', {});
  if (r.ok !== true) throw new Error(`noticesList failed: ${JSON.stringify(r)}`);
  return r.notices as AppNotice[];
}

/**
 * Every store file in `dir` (files set aside as `*.corrupt-*` excepted) read the way a person or
 * a tool would: settings/vault as JSON objects, snapshots as a header plus one JSON item per id,
 * journals as one JSON op per line. Returns the problems found (empty = all parse).
 * `tornTailAllowed`: a journal's unterminated last line is what a kill mid-append leaves; the app
 * drops it on the next open.
 */
export function unparseableStoreFiles(dir: string, options: { tornTailAllowed?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const file of readdirSync(dir)) {
    if (file.includes('.corrupt-')) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    const fail = (what: string) => problems.push(`${file}: ${what}`);
    try {
      if (file.endsWith('.json')) {
        const v: unknown = JSON.parse(text);
        if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('not a JSON object');
      } else if (file.endsWith('.snapshot.jsonl')) {
        const lines = text.split('\n');
        if (lines.pop() !== '') fail('does not end with a newline');
        const header = JSON.parse(lines[0]) as { ids: string[] };
        const items = lines.slice(1).map((l) => JSON.parse(l) as { id: string });
        if (items.map((i) => i.id).join() !== header.ids.join()) fail('items do not match the header');
      } else if (file.endsWith('.journal')) {
        const lines = text.split('\n');
        const last = lines.pop() as string;
        if (last !== '' && !options.tornTailAllowed) fail('unterminated last line');
        for (const line of lines) {
          if (line.trim() === '') continue;
          const op = JSON.parse(line) as { op?: unknown };
          if (op.op !== 'put' && op.op !== 'del') fail(`not an op: ${line.slice(0, 60)}`);
        }
      }
    } catch (error) {
      fail(String(error));
    }
  }
  return problems;
}
