/** The core emits the contract's events where things change: the call log, the contact list, notices. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent, OperationName } from '../../../src/shared/contract';
import { createDispatchCore, type DispatchCore } from '../../../src/main/core';
import { invokeOperation } from '../../../src/main/ipc/operations';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { openConfStore } from '../../../src/main/stores/conf-store';
import { createNoticeBoard } from '../../../src/main/stores/notice-board';
import { createFakeCipher } from '../../support/fake-cipher';
import { createMemoryLog } from '../../support/memory-log';

let dataDir: string;
let core: DispatchCore;
let events: AppEvent[];
const log = createMemoryLog();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are read field by field; each test checks the shape it reads
const call = (name: OperationName, payload: unknown) => invokeOperation(core.handlers, name, payload, { trusted: true }, log) as Promise<any>;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-events-'));
  core = createDispatchCore({
    settingsStore: openConfStore({ cwd: dataDir, name: 'settings' }).store,
    vaultStore: openConfStore({ cwd: dataDir, name: 'vault' }).store,
    cipher: createFakeCipher(),
    log,
    dataDir,
    sandbox: createSandbox({ progress: { ringingMs: 50, answeredMs: 50 } }),
    timeoutMs: 2000,
  });
  events = [];
  core.subscribe((e) => events.push(e));
});

afterEach(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('core events', () => {
  it('a dial link or hotkey text becomes one dialRequested event and places no call', async () => {
    core.desktop.dialRequests.fromLink('tel:+86-138-0013-8000', 'link');
    core.desktop.dialRequests.fromText('not a number', 'hotkey');
    const dials = events.filter((e): e is Extract<AppEvent, { type: 'dialRequested' }> => e.type === 'dialRequested');
    expect(dials.map((e) => e.data.source)).toEqual(['link', 'hotkey']);
    expect(dials[0].data.phone).toMatchObject({ ok: true, number: '13800138000' });
    expect(dials[1].data.phone.ok).toBe(false);
    expect(events.some((e) => e.type === 'callUpdated')).toBe(false);
  });

  it('callUpdated carries the log entry of a placed call, as a read returns it', async () => {
    await call('settingsSet', { callerNumber: '13900139000' });
    const placed = await call('startCall', { callee: '13800138000' });
    expect(placed.ok).toBe(true);
    const updates = events.filter((e) => e.type === 'callUpdated');
    expect(updates).toHaveLength(1);
    const { entry } = (updates[0] as Extract<AppEvent, { type: 'callUpdated' }>).data;
    expect(entry).toMatchObject({ id: placed.logId, session: placed.session, state: 'submitted' });
    // The event carries what a read would return.
    const listed = await call('callLogList', {});
    expect(listed.entries[0]).toEqual(entry);
  });

  it('contactsChanged carries the revision contactsList answers with, and the edit reports the step it made', async () => {
    // The first read builds the display order (a change of its own): count from after it.
    const before = await call('contactsList', { limit: 1 });
    events.length = 0;
    const saved = await call('contactSave', { contact: { name: '张三', numbers: [{ label: '', number: '13800138000' }] } });
    expect(saved.ok).toBe(true);
    const changes = events.filter((e) => e.type === 'contactsChanged').map((e) => (e.data as { revision: number }).revision);
    const after = await call('contactsList', { limit: 1 });
    expect(changes).toEqual([after.revision]);
    expect(saved.listRevision).toEqual({ before: before.revision, after: after.revision });

    // A path that is not the window's own edit (an import) announces its change too.
    const csv = Buffer.from('姓名,电话\r\n李四,13700137000\r\n').toString('base64');
    const preview = await call('contactsImportPreview', { fileName: 'a.csv', dataBase64: csv, duplicate: 'skip' });
    events.length = 0;
    expect(await call('contactsImportApply', { importId: preview.preview.importId, duplicate: 'skip' })).toMatchObject({ ok: true, added: 1 });
    const imported = await call('contactsList', { limit: 1 });
    expect(events).toEqual([{ type: 'contactsChanged', data: { revision: imported.revision } }]);
  });

  it('a failed edit reports no revision step', async () => {
    await call('contactsList', { limit: 1 });
    events.length = 0;
    const r = await call('contactSave', { contact: { name: '', numbers: [] } });
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('listRevision');
    expect(events.filter((e) => e.type === 'contactsChanged')).toEqual([]);
  });
});

describe('notice board', () => {
  it('reports each notice that makes it onto the board, once', () => {
    const added: unknown[] = [];
    const board = createNoticeBoard(
      () => 5,
      (n) => added.push(n),
    );
    const notice = { kind: 'corrupt_file_moved' as const, file: '/d/settings.json', movedTo: '/d/settings.corrupt-1.json' };
    board.add(notice);
    board.add(notice);
    expect(added).toEqual([{ ...notice, at: 5 }]);
    expect(board.list()).toEqual(added);
  });
});
