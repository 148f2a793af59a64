/** Saved conference rosters: they must be startable as a conference later. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactRecord, Roster } from '../../../src/shared/domain';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { openTestCore, type TestCore } from '../../support/test-core';

let dataDir: string;
let t: TestCore;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-rosters-'));
  t = openTestCore(dataDir, { sandbox: createSandbox() });
  await t.call('settingsSet', { callerNumber: '13900139000' });
});
afterEach(async () => {
  await t.core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const member = (n: number, extra: Record<string, unknown> = {}) => ({ name: `成员${n}`, number: `1380013800${n}`, ...extra });
const saveRoster = (roster: Record<string, unknown>) => t.call('rosterSave', { roster });

describe('rosters', () => {
  it('saves a roster with numbers normalised, and edits it in place', async () => {
    const r = await saveRoster({ name: ' 早会 ', members: [{ name: ' 张三 ', number: '+86 138 0013 8000' }, member(1)] });
    expect(r).toMatchObject({
      ok: true,
      roster: {
        name: '早会',
        members: [
          { name: '张三', number: '13800138000' },
          { name: '成员1', number: '13800138001' },
        ],
      },
    });
    const roster = r.roster as Roster;
    const edited = await saveRoster({ id: roster.id, name: '晚会', members: [member(2)] });
    expect(edited).toMatchObject({ ok: true, roster: { id: roster.id, name: '晚会', createdAt: roster.createdAt } });
    expect((await t.call('contactsList', {})).rosters).toEqual([edited.roster]);
  });

  it('takes 8 members and refuses 9 or none, naming the limit', async () => {
    const eight = Array.from({ length: 8 }, (_, i) => member(i));
    expect(await saveRoster({ name: '满员', members: eight })).toMatchObject({ ok: true });
    const nine = await saveRoster({ name: '超员', members: [...eight, { name: '', number: '13700137000' }] });
    expect(nine).toMatchObject({ ok: false, code: 'invalid_input', field: 'members' });
    expect(nine.message).toMatch(/at most 8/);
    expect(await saveRoster({ name: '空', members: [] })).toMatchObject({ ok: false, field: 'members' });
    // Far too many is refused at the request shape.
    expect(await saveRoster({ name: 'x', members: Array.from({ length: 33 }, (_, i) => member(i % 10)) })).toMatchObject({ ok: false });
  });

  it('refuses the same number twice, however it is spelled', async () => {
    const r = await saveRoster({ name: '重复', members: [member(1), { name: 'again', number: '138 0013 8001' }] });
    expect(r).toMatchObject({ ok: false, field: 'members[1].number' });
    expect(r.message).toMatch(/same number as member 1/);
  });

  it("refuses the dispatcher's own number: the host is rung anyway", async () => {
    const r = await saveRoster({ name: '自己', members: [member(1), { name: 'me', number: '139-0013-9000' }] });
    expect(r).toMatchObject({ ok: false, field: 'members[1].number' });
    expect(r.message).toMatch(/your own number/);
  });

  it('refuses a bad number with its position, and a missing name', async () => {
    expect(await saveRoster({ name: '坏号', members: [member(1), { name: '', number: '12345' }] })).toMatchObject({
      ok: false,
      field: 'members[1].number',
    });
    expect(await saveRoster({ name: ' ', members: [member(1)] })).toMatchObject({ ok: false, field: 'name' });
  });

  it('keeps a link to an existing contact and drops one to a contact that does not exist', async () => {
    const contact = (await t.call('contactSave', { contact: { name: '张三', numbers: [{ label: '', number: '13800138000' }] } })).contact as ContactRecord;
    const r = await saveRoster({
      name: '链接',
      members: [
        { contactId: contact.id, name: '张三', number: '13800138000' },
        { contactId: 'deleted-contact', name: '李四', number: '13700137000' },
      ],
    });
    expect((r.roster as Roster).members).toEqual([
      { contactId: contact.id, name: '张三', number: '13800138000' },
      { name: '李四', number: '13700137000' },
    ]);
  });

  it('deletes a roster', async () => {
    const roster = (await saveRoster({ name: '临时', members: [member(1)] })).roster as Roster;
    expect(await t.call('rosterDelete', { id: roster.id })).toEqual({ ok: true, deleted: true });
    expect(await t.call('rosterDelete', { id: roster.id })).toEqual({ ok: true, deleted: false });
    expect((await t.call('contactsList', {})).rosters).toEqual([]);
  });
});
