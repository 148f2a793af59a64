/** The call log as the renderer reaches it: what is recorded, how parties are named, the cap, revisions. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../../../src/shared/domain';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { PATHS, startSimulator, type Simulator } from '../../../src/simulator';
import { openTestCore, type TestCore } from '../../support/test-core';

const APP_KEY = 'prodappkey000000000000000000aa01';
const APP_SECRET = 'prodsecret00000000000000000000b2';

let dataDir: string;
let prod: Simulator;
let t: TestCore;
let clock: number;

const open = (extra: Parameters<typeof openTestCore>[1] extends infer O ? Partial<O> : never = {}) =>
  openTestCore(dataDir, { sandbox: createSandbox(), now: () => clock, ...extra });

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-calllog-'));
  clock = 1_700_000_000_000;
  prod = await startSimulator({ accounts: [{ appKey: APP_KEY, appSecret: APP_SECRET, accids: ['ops_desk'] }] });
  t = open();
  await t.call('settingsSet', { callerNumber: '13900139000' });
});
afterEach(async () => {
  await t.core.close();
  await prod.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const entries = async (sinceRevision?: number) => {
  const r = await t.call('callLogList', sinceRevision === undefined ? {} : { sinceRevision });
  expect(r).toMatchObject({ ok: true });
  return r as unknown as { entries: CallLogEntry[]; revision: number };
};
const goProduction = async () => {
  await t.call('settingsSet', { callerAcc: 'ops_desk' });
  expect(await t.call('accountSave', { appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: prod.url })).toMatchObject({ ok: true });
};

describe('call log', () => {
  it('records an accepted call with its session, naming the callee from the contacts', async () => {
    await t.call('contactSave', { contact: { name: '张三', numbers: [{ label: '', number: '13800138000' }] } });
    const placed = await t.call('startCall', { callee: '+86 138 0013 8000', maxDur: 120 });
    expect(placed).toMatchObject({ ok: true });
    const {
      entries: [entry],
      revision,
    } = await entries();
    expect(entry).toEqual({
      id: placed.logId,
      kind: 'call',
      createdAt: clock,
      updatedAt: clock,
      mode: 'sandbox',
      caller: '13900139000',
      parties: [{ number: '13800138000', name: '张三' }],
      maxDur: 120,
      session: placed.session,
      state: 'submitted',
      revision: 1,
    });
    expect(revision).toBe(1);
  });

  it('records a conference, naming the parties that are contacts', async () => {
    await t.call('contactSave', { contact: { name: '李四', numbers: [{ label: '', number: '13700137000' }] } });
    const placed = await t.call('startConf', { callees: ['13800138000', '137 0013 7000'] });
    expect(placed).toMatchObject({ ok: true });
    const {
      entries: [entry],
    } = await entries();
    expect(entry).toMatchObject({
      id: placed.logId,
      kind: 'conf',
      session: placed.session,
      parties: [{ number: '13800138000' }, { number: '13700137000', name: '李四' }],
      state: 'submitted',
    });
    expect(entry.parties[0]).not.toHaveProperty('name');
  });

  it('records a failed attempt with the failure the dispatcher saw', async () => {
    await goProduction();
    prod.faults.set({ kind: 'http503', path: PATHS.startCall });
    const failed = await t.call('startCall', { callee: '13800138000' });
    expect(failed).toMatchObject({ ok: false });
    const {
      entries: [entry],
    } = await entries();
    expect(entry).toMatchObject({ mode: 'production', state: 'failed', parties: [{ number: '13800138000' }] });
    expect(entry.session).toBeUndefined();
    expect(entry.error).toEqual({ code: failed.code, message: failed.message, detail: failed.detail });
  });

  it('records a server refusal of a conference too', async () => {
    await goProduction();
    prod.faults.set({ kind: 'code', code: 403, desc: 'no permission', path: PATHS.startConf });
    const failed = await t.call('startConf', { callees: ['13800138000'] });
    expect(failed).toMatchObject({ ok: false, code: 403 });
    expect((await entries()).entries).toMatchObject([{ kind: 'conf', state: 'failed', error: { code: 403 } }]);
  });

  it('does not record attempts that never reached the client', async () => {
    // Invalid input, and busy (a double click).
    expect(await t.call('startCall', { callee: '12345' })).toMatchObject({ ok: false, code: 'invalid_input' });
    const both = await Promise.all([t.call('startCall', { callee: '13800138000' }), t.call('startCall', { callee: '13800138000' })]);
    expect(both.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['busy', 'ok']);
    // No credentials.
    await t.call('settingsSet', { mode: 'production' });
    expect(await t.call('startCall', { callee: '13700137000' })).toMatchObject({ ok: false, code: 'not_configured' });
    expect((await entries()).entries).toHaveLength(1);
  });

  it('keeps only the newest N entries, also after a restart, and its revision keeps rising', async () => {
    await t.core.close();
    t = open({ callLogCap: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock += 1000;
      ids.push((await t.call('startCall', { callee: `1380013800${i}` })).logId as string);
    }
    const now = await entries();
    expect(now.entries.map((e) => e.id)).toEqual(ids.slice(2).reverse());
    expect(now.revision).toBe(5);

    await t.core.close();
    t = open({ callLogCap: 3 });
    const reopened = await entries();
    expect(reopened.entries.map((e) => e.id)).toEqual(ids.slice(2).reverse());
    expect(reopened.revision).toBe(5);
    const next = await t.call('startCall', { callee: '13700137000' });
    const after = await entries(5);
    expect(after.entries.map((e) => e.id)).toEqual([next.logId]);
    expect(after.entries[0].revision).toBe(6);
    expect((await entries()).entries).toHaveLength(3);
  });

  it('lists only what changed after a revision, including status updates', async () => {
    const first = await t.call('startCall', { callee: '13800138000' });
    const { revision: r1 } = await entries();
    expect((await entries(r1)).entries).toEqual([]);

    const second = await t.call('startCall', { callee: '13700137000' });
    const changed = await entries(r1);
    expect(changed.entries.map((e) => e.id)).toEqual([second.logId]);
    expect(changed.revision).toBe(r1 + 1);

    // A status answer for the first call makes it "changed" again.
    await t.rounds.tick();
    const polled = await entries(changed.revision);
    expect(polled.entries.map((e) => e.id).sort()).toEqual([first.logId, second.logId].sort());
    expect(polled.entries.every((e) => e.state === 'ringing' && e.revision > changed.revision)).toBe(true);
    // Nothing new to say: no new revision.
    const quiet = polled.revision;
    expect((await entries(quiet)).entries).toEqual([]);
  });

  it('rejects a negative or fractional revision', async () => {
    expect(await t.call('callLogList', { sinceRevision: -1 })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await t.call('callLogList', { sinceRevision: 1.5 })).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});
