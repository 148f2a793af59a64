/**
 * The core on in-memory sources: contacts, groups, rosters, calls and their log all work, and the
 * data folder receives none of the local collections' files — the services reach their data only
 * through the interfaces. (The services' full tests run on these sources in the
 * `services-on-memory-sources` project.)
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { createMemoryData, openMemorySources, type MemoryData } from '../../support/memory-sources';
import { openTestCore } from '../../support/test-core';

let dataDir: string;
let data: MemoryData;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-memory-'));
  data = createMemoryData();
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

it('serves every data operation from the sources it is given, writing no collection files', async () => {
  const t = openTestCore(dataDir, { sandbox: createSandbox(), openSources: (options) => openMemorySources(data, options) });
  expect(data.open).toBe(1);
  await t.call('settingsSet', { callerNumber: '13900139000' });
  const group = await t.call('groupSave', { group: { name: '抢修一班' } });
  expect(group).toMatchObject({ ok: true });
  const saved = await t.call('contactSave', {
    contact: { name: '张三', numbers: [{ label: '', number: '13800138000' }], groupIds: [(group.group as { id: string }).id] },
  });
  expect(saved).toMatchObject({ ok: true });
  expect(await t.call('rosterSave', { roster: { name: '早会', members: [{ name: '张三', number: '13800138000' }] } })).toMatchObject({ ok: true });
  expect(await t.call('startCall', { callee: '13800138000' })).toMatchObject({ ok: true });

  expect([...data.contacts.values()].map((c) => c.name)).toEqual(['张三']);
  expect(data.groups.size).toBe(1);
  expect(data.rosters.size).toBe(1);
  // The log names the callee through the contacts source.
  expect([...data.callLog.values()].map((e) => e.parties)).toEqual([[{ number: '13800138000', name: '张三' }]]);
  expect(await t.call('contactsList', {})).toMatchObject({ ok: true, total: 1, revision: data.contactsRevision });

  await t.core.close();
  expect(data.open).toBe(0);
  const files = readdirSync(dataDir);
  expect(files.filter((f) => /^(contacts|groups|rosters|call-log)\./.test(f))).toEqual([]);
});
