/** The conference being built survives a restart: main keeps it apart from the settings. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { openTestCore, type TestCore } from '../../support/test-core';

let dataDir: string;
let t: TestCore;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-draft-'));
  t = openTestCore(dataDir, { sandbox: createSandbox() });
});
afterEach(async () => {
  await t.core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('roster draft', () => {
  it('is empty at first, and what was set is there after a restart', async () => {
    expect(await t.call('rosterDraftGet', {})).toEqual({ ok: true, members: [] });
    const members = [
      { name: '张三', number: '13800138000' },
      { name: '', number: '010 6552 9988' },
    ];
    expect(await t.call('rosterDraftSet', { members })).toMatchObject({ ok: true, members });
    await t.core.close();
    t = openTestCore(dataDir, { sandbox: createSandbox() });
    expect(await t.call('rosterDraftGet', {})).toEqual({ ok: true, members });
  });

  it('is not touched by a settings change, and settings are not touched by it', async () => {
    await t.call('rosterDraftSet', { members: [{ name: 'a', number: '13800138000' }] });
    await t.call('settingsSet', { confPerPersonSec: 300 });
    expect(await t.call('rosterDraftGet', {})).toMatchObject({ members: [{ name: 'a', number: '13800138000' }] });
    expect(await t.call('settingsGet', {})).toMatchObject({ settings: { confPerPersonSec: 300 } });
  });

  it('refuses more than eight members with a shape error, keeping the last good draft', async () => {
    await t.call('rosterDraftSet', { members: [{ name: 'a', number: '13800138000' }] });
    const nine = Array.from({ length: 9 }, (_, i) => ({ name: '', number: `1380013800${i}` }));
    expect(await t.call('rosterDraftSet', { members: nine })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await t.call('rosterDraftGet', {})).toMatchObject({ members: [{ name: 'a', number: '13800138000' }] });
  });
});
