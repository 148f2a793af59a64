/**
 * Data safety at start-up: every store file the app has (settings.json, vault.json, and each
 * collection's snapshot and journal — see src/main/stores/app-collections.ts) truncated,
 * zero-length or garbage. openNodeRuntime must start; a file it cannot fully read is kept aside
 * byte for byte (renamed or copied, never deleted) and `noticesList` says so; the app continues
 * with everything it could read, keeps working, and the repair holds on the next start.
 *
 * Cases that are not damage the app can see, or not data, are asserted as such:
 * - a zero-length journal is the normal state right after a compaction;
 * - a journal cut inside its last line looks exactly like a crash during the last append, a write
 *   that never returned: that torn line is dropped quietly (collection-store.ts, and
 *   tests/unit/stores/collection-store.test.ts "ignores a torn last journal line");
 * - the contacts' display-order cache is rebuilt from the stores, so a damaged one is not reported.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppNotice } from '../../../src/shared/domain';
import { openNodeRuntime, type NodeRuntime } from '../../../src/main/preview/node-runtime';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import {
  CACHE_FILES,
  COLLECTIONS,
  OWN_NUMBER,
  appContents,
  invoke,
  notices,
  populate,
  storeFiles,
  unparseableStoreFiles,
  type CollectionName,
  type Contents,
  type PopulatedData,
} from '../../support/app-data';

let pristine: string;
let populated: PopulatedData;
let dataDir: string;
const open: NodeRuntime[] = [];

beforeAll(async () => {
  pristine = mkdtempSync(join(tmpdir(), 'dispatch-pristine-'));
  populated = await populate(pristine);
});
afterAll(() => rmSync(pristine, { recursive: true, force: true }));
afterEach(async () => {
  for (const r of open.splice(0)) await r.core.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function start(): NodeRuntime {
  const runtime = openNodeRuntime({ dataDir, sandbox: createSandbox({ progress: { ringingMs: 50, answeredMs: 50 } }) });
  open.push(runtime);
  return runtime;
}
async function stop(runtime: NodeRuntime): Promise<void> {
  open.splice(open.indexOf(runtime), 1);
  await runtime.core.close();
}

/** Deterministic noise (a small LCG), with or without line breaks. */
function garbage(bytes: number, newlines: boolean, seed = 7): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = (x >> 16) & 0xff;
    if (!newlines && out[i] === 0x0a) out[i] = 0x0b;
    if (newlines && i % 37 === 36) out[i] = 0x0a;
  }
  return out;
}

type Damage = { name: string; spoil: (whole: Buffer) => Buffer };
const TRUNCATED: Damage = { name: 'truncated', spoil: (whole) => whole.subarray(0, Math.floor(whole.length * 0.6)) };
const ZERO: Damage = { name: 'zero-length', spoil: () => Buffer.alloc(0) };
const GARBAGE: Damage = { name: 'garbage (one line of binary noise)', spoil: () => garbage(300, false) };
const GARBAGE_LINES: Damage = { name: 'garbage (many lines of binary noise)', spoil: () => garbage(300, true) };

const union = (a: Contents, b: Contents): Contents => Object.fromEntries(COLLECTIONS.map((c) => [c, [...a[c], ...b[c]].sort()])) as Contents;
const everything = () => union(populated.inSnapshot, populated.inJournal);
/** Everything, except that collection `c` holds only `keep`. */
const allBut = (c: CollectionName, keep: string[]): Contents => ({ ...everything(), [c]: [...keep].sort() });

interface Case {
  file: string;
  damage: Damage;
  /** How the app reports it; null when it cannot tell (see the header comment). */
  notice: 'corrupt_file_moved' | 'damaged_file_copied' | null;
  expected: () => Contents;
  settingsLost?: boolean;
  vaultLost?: boolean;
}

const CASES: Case[] = [
  ...[TRUNCATED, ZERO, GARBAGE, { name: 'JSON that is not an object', spoil: () => Buffer.from('[1,2,3]') }].flatMap((damage): Case[] => [
    { file: 'settings.json', damage, notice: 'corrupt_file_moved', expected: everything, settingsLost: true },
    { file: 'vault.json', damage, notice: 'corrupt_file_moved', expected: everything, vaultLost: true },
  ]),
  // A cache is not data: damaged, it is ignored (the contacts are read from their store) and rewritten.
  ...CACHE_FILES.flatMap((file) => [TRUNCATED, ZERO, GARBAGE].map((damage): Case => ({ file, damage, notice: null, expected: everything }))),
  ...COLLECTIONS.flatMap((c): Case[] => [
    // A snapshot is replaced atomically, so any flaw is damage: it is moved aside whole, the journal's records remain.
    ...[TRUNCATED, ZERO, GARBAGE, GARBAGE_LINES].map((damage): Case => ({
      file: `${c}.snapshot.jsonl`,
      damage,
      notice: 'corrupt_file_moved',
      expected: () => allBut(c, populated.inJournal[c]),
    })),
    { file: `${c}.journal`, damage: GARBAGE, notice: 'damaged_file_copied', expected: () => allBut(c, populated.inSnapshot[c]) },
    { file: `${c}.journal`, damage: GARBAGE_LINES, notice: 'damaged_file_copied', expected: () => allBut(c, populated.inSnapshot[c]) },
    // The dispatcher keeps every record of a damaged journal that can still be read.
    {
      file: `${c}.journal`,
      damage: {
        name: 'a garbage line before its last good line',
        spoil: (whole) => {
          const cut = whole.lastIndexOf(0x0a, whole.length - 2) + 1;
          return Buffer.concat([whole.subarray(0, cut), garbage(80, false), Buffer.from('\n'), whole.subarray(cut)]);
        },
      },
      notice: 'damaged_file_copied',
      expected: everything,
    },
    {
      file: `${c}.journal`,
      damage: { name: 'a garbage line after its good lines', spoil: (whole) => Buffer.concat([whole, garbage(80, false), Buffer.from('\n')]) },
      notice: 'damaged_file_copied',
      expected: everything,
    },
    { file: `${c}.journal`, damage: ZERO, notice: null, expected: () => allBut(c, populated.inSnapshot[c]) },
    {
      file: `${c}.journal`,
      damage: { name: 'cut inside its last line', spoil: (whole) => whole.subarray(0, whole.length - 10) },
      notice: null,
      expected: () => allBut(c, [...populated.inSnapshot[c], ...populated.inJournal[c].slice(0, -1)]),
    },
  ]),
];

describe('data safety: damaged store files at start-up', () => {
  it('the pristine folder has every store file, non-empty, and all of them parse', () => {
    for (const file of storeFiles(pristine)) expect(readFileSync(file).length, basename(file)).toBeGreaterThan(0);
    // A file the app writes that this suite does not know must be added to the cases below.
    const known = new Set([...storeFiles(pristine).map((f) => basename(f)), ...CACHE_FILES]);
    expect(readdirSync(pristine).filter((f) => !known.has(f))).toEqual([]);
    expect(unparseableStoreFiles(pristine)).toEqual([]);
  });

  it.each(CASES.map((c) => ({ ...c, label: `${c.file} ${c.damage.name}` })))('$label', async (c) => {
    dataDir = mkdtempSync(join(tmpdir(), 'dispatch-damaged-'));
    mkdirSync(dataDir, { recursive: true });
    for (const file of readdirSync(pristine)) copyFileSync(join(pristine, file), join(dataDir, file));
    const target = join(dataDir, c.file);
    const damaged = c.damage.spoil(readFileSync(target));
    writeFileSync(target, damaged);

    const runtime = start();

    // Told, with the damaged bytes kept aside exactly as they were.
    const listed = await notices(runtime);
    if (c.notice === null) {
      expect(listed).toEqual([]);
    } else {
      expect(listed).toHaveLength(1);
      const notice = listed[0] as AppNotice & { movedTo?: string; copiedTo?: string };
      expect(notice).toMatchObject({ kind: c.notice, file: target });
      const aside = notice.movedTo ?? notice.copiedTo ?? '';
      expect(basename(aside)).toMatch(/\.corrupt-/);
      expect(existsSync(aside)).toBe(true);
      expect(readFileSync(aside).equals(damaged)).toBe(true);
      if (c.notice === 'damaged_file_copied') expect(notice.skippedLines).toBeGreaterThan(0);
    }

    // Continues with what it could read.
    expect(await appContents(runtime)).toEqual(c.expected());
    const settings = (await invoke(runtime, 'settingsGet', {})).settings as { callerNumber: string };
    expect(settings.callerNumber).toBe(c.settingsLost ? '' : OWN_NUMBER);
    const account = (await invoke(runtime, 'accountStatus', {})).account as { configured: boolean };
    expect(account.configured).toBe(!c.vaultLost);

    // Keeps working: saves, settings, a call.
    expect(await invoke(runtime, 'contactSave', { contact: { name: 'After repair', numbers: [{ label: 'm', number: '13600136000' }] } })).toMatchObject({
      ok: true,
    });
    expect(await invoke(runtime, 'settingsSet', { callerNumber: OWN_NUMBER, mode: 'sandbox' })).toMatchObject({ ok: true });
    expect(await invoke(runtime, 'startCall', { callee: '13800000003' })).toMatchObject({ ok: true });
    await stop(runtime);

    // The repair holds: everything parses, the next start is clean and shows the same data.
    expect(unparseableStoreFiles(dataDir)).toEqual([]);
    const again = start();
    expect(await notices(again)).toEqual([]);
    const after = c.expected();
    after.contacts = [...after.contacts, 'After repair'].sort();
    after['call-log'] = [...after['call-log'], '13800000003'].sort();
    expect(await appContents(again)).toEqual(after);
  });
});
