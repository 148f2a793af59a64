/**
 * The shared directory through two desks' real cores and a real hub: an edit on one desk reaches
 * the other through the hub's events; an edit made on an old revision comes back as a conflict
 * with both versions; offline, edits are refused (nothing changes) while the local copy stays
 * readable; the copy survives a restart of the desk.
 */
import { describe, expect, it } from 'vitest';
import type { ContactRecord } from '../../../src/shared/domain';
import { openTeamDesk, type TeamDesk } from './support/team-desk';
import { online, teamSuite } from './support/team-suite';

const suite = teamSuite();
const desks = suite.desks;

async function signedInDesk(username: string, dataDir?: string): Promise<TeamDesk> {
  const password = await suite.hub.createUser(username, 'dispatcher', '13800138000').catch(() => `pw-${username}-long-enough`);
  const d = openTeamDesk({ dataDir });
  desks.push(d);
  expect(await d.call('teamSignIn', { hubUrl: suite.hub.url, username, password })).toMatchObject({ ok: true });
  await d.until(online);
  return d;
}

async function contacts(d: TeamDesk): Promise<ContactRecord[]> {
  const r = (await d.call('contactsList', {})) as { ok: boolean; contacts: ContactRecord[] };
  expect(r.ok).toBe(true);
  return r.contacts;
}

async function listed(d: TeamDesk, predicate: (c: ContactRecord[]) => boolean): Promise<ContactRecord[]> {
  for (;;) {
    const list = await contacts(d);
    if (predicate(list)) return list;
    const seen = d.events.length;
    await d.until((e) => e.type === 'contactsChanged' && d.events.indexOf(e) >= seen);
  }
}

describe('one shared directory', () => {
  it('a contact added on desk A appears on desk B through the hub; an edit on an old revision is a conflict with both versions', async () => {
    const a = await signedInDesk('dir_a');
    const b = await signedInDesk('dir_b');
    const saved = (await a.call('contactSave', { contact: { name: '李四', numbers: [{ label: '手机', number: '139 0000 0001' }] } })) as {
      ok: boolean;
      contact: ContactRecord;
    };
    expect(saved).toMatchObject({ ok: true, contact: { name: '李四', numbers: [{ number: '13900000001' }] } });
    const onB = await listed(b, (l) => l.some((c) => c.id === saved.contact.id));
    const seenByB = onB.find((c) => c.id === saved.contact.id)!;
    expect(seenByB.teamRevision).toBe(saved.contact.teamRevision);

    // A edits; B, still on the old revision, edits too: B gets a conflict with A's version.
    expect(
      await a.call('contactSave', { contact: { id: seenByB.id, name: '李四（A）', numbers: seenByB.numbers, baseRevision: seenByB.teamRevision } }),
    ).toMatchObject({ ok: true });
    const conflict = await b.call('contactSave', {
      contact: { id: seenByB.id, name: '李四（B）', numbers: seenByB.numbers, baseRevision: seenByB.teamRevision },
    });
    expect(conflict).toMatchObject({ ok: false, code: 'conflict', conflict: { by: 'dir_a', theirs: { name: '李四（A）' } } });
    // Keeping B's version: saved on the revision B has now seen.
    const theirs = (conflict as { conflict: { revision: number } }).conflict.revision;
    expect(await b.call('contactSave', { contact: { id: seenByB.id, name: '李四（B）', numbers: seenByB.numbers, baseRevision: theirs } })).toMatchObject({
      ok: true,
    });
    await listed(a, (l) => l.some((c) => c.id === seenByB.id && c.name === '李四（B）'));

    // Groups and rosters are shared the same way; a deleted contact disappears on the other desk.
    const group = (await a.call('groupSave', { group: { name: '抢修一班' } })) as { ok: boolean; group: { id: string } };
    expect(group.ok).toBe(true);
    expect(await a.call('contactsDelete', { ids: [seenByB.id] })).toMatchObject({ ok: true });
    await listed(b, (l) => !l.some((c) => c.id === seenByB.id));
    const list = (await b.call('contactsList', {})) as { groups: { name: string }[] };
    expect(list.groups.map((g) => g.name)).toContain('抢修一班');
  });

  it('a contact number with an extension and a roster member with one reach the other desk with the extension', async () => {
    const a = await signedInDesk('dir_ext_a');
    const b = await signedInDesk('dir_ext_b');
    const saved = (await a.call('contactSave', { contact: { name: '王经理', numbers: [{ label: '办公室', number: '010-62234302-396' }] } })) as {
      ok: boolean;
      contact: ContactRecord;
    };
    expect(saved).toMatchObject({ ok: true, contact: { numbers: [{ number: '01062234302', extension: '396' }] } });
    const onB = await listed(b, (l) => l.some((c) => c.id === saved.contact.id));
    expect(onB.find((c) => c.id === saved.contact.id)?.numbers).toEqual([{ label: '办公室', number: '01062234302', extension: '396' }]);

    const members = [
      { contactId: saved.contact.id, name: '王经理', number: '01062234302', extension: '396' },
      { name: '', number: '010-62234302-401' },
    ];
    const roster = (await a.call('rosterSave', { roster: { name: '总机会', members } })) as { ok: boolean; roster: { id: string } };
    expect(roster.ok).toBe(true);
    for (;;) {
      const list = (await b.call('contactsList', {})) as { rosters: { id: string; members: unknown[] }[] };
      const there = list.rosters.find((r) => r.id === roster.roster.id);
      if (there) {
        expect(there.members).toEqual([
          { contactId: saved.contact.id, name: '王经理', number: '01062234302', extension: '396' },
          { name: '', number: '01062234302', extension: '401' },
        ]);
        break;
      }
      const seen = b.events.length;
      await b.until((e) => e.type === 'contactsChanged' && b.events.indexOf(e) >= seen);
    }
  });

  it('offline: the copy stays readable, edits are refused with a message and nothing changes; the copy survives a restart', async () => {
    const a = await signedInDesk('dir_off');
    expect(await a.call('contactSave', { contact: { name: '王五', numbers: [{ label: '', number: '13900000002' }] } })).toMatchObject({ ok: true });
    const before = await contacts(a);
    a.net.cut();
    await a.until((e) => e.type === 'teamStatusChanged' && e.data.team.connection === 'offline');
    const refused = await a.call('contactSave', { contact: { name: '赵六', numbers: [{ label: '', number: '13900000003' }] } });
    expect(refused).toMatchObject({ ok: false, detail: { key: 'team.err.offline' } });
    expect(await a.call('groupSave', { group: { name: '夜班' } })).toMatchObject({ ok: false, detail: { key: 'team.err.offline' } });
    expect(await contacts(a)).toEqual(before);

    // A restart while the hub is away: the copy is read from disk.
    const dir = a.dataDir;
    await a.core.close();
    desks.splice(desks.indexOf(a), 1);
    const again = openTeamDesk({ dataDir: dir });
    desks.push(again);
    again.net.cut();
    const reopened = await contacts(again);
    expect(reopened.map((c) => c.name)).toEqual(before.map((c) => c.name));
  });

  it('undo of a delete brings the same contact (same id) back on the hub, and on the other desk', async () => {
    const a = await signedInDesk('undo_a');
    const b = await signedInDesk('undo_b');
    const saved = (await a.call('contactSave', { contact: { name: '撤销测试', numbers: [{ label: '', number: '13900000077' }] } })) as {
      ok: boolean;
      contact: ContactRecord;
    };
    expect(saved.ok).toBe(true);
    const id = saved.contact.id;
    await listed(b, (l) => l.some((c) => c.id === id));
    const deleted = (await a.call('contactsDelete', { ids: [id] })) as { ok: boolean; deleted: unknown[] };
    expect(deleted.ok).toBe(true);
    await listed(b, (l) => !l.some((c) => c.id === id));
    const restored = (await a.call('contactsRestore', { contacts: deleted.deleted })) as { ok: boolean; contacts: ContactRecord[] };
    expect(restored).toMatchObject({ ok: true, contacts: [{ id, name: '撤销测试' }] });
    // The hub holds the contact under its old id, once; desk B sees it come back under that id.
    const onHub = await fetch(`${suite.hub.url}/api/contacts`, { headers: { authorization: `Bearer ${await suite.hub.adminToken()}` } });
    const items = ((await onHub.json()) as { items: Array<{ id: string; name: string }> }).items.filter((i) => i.name === '撤销测试');
    expect(items.map((i) => i.id)).toEqual([id]);
    const onB = await listed(b, (l) => l.some((c) => c.id === id));
    expect(onB.filter((c) => c.name === '撤销测试')).toHaveLength(1);
    expect((await contacts(a)).filter((c) => c.name === '撤销测试').map((c) => c.id)).toEqual([id]);
  });
});
