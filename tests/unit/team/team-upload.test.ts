/**
 * "Upload my local contacts to the team": the desk's own book (kept from before it joined a team)
 * goes through the usual import preview, planned against the team's directory (duplicates are the
 * team's), and each row to the hub; another desk sees them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppEvent } from '../../../src/shared/contract';
import type { ContactRecord } from '../../../src/shared/domain';
import { startHubProcess, type HubProcess } from './support/hub-process';
import { openTeamDesk, type TeamDesk } from './support/team-desk';

let hub: HubProcess;
const desks: TeamDesk[] = [];

beforeAll(async () => {
  hub = await startHubProcess();
}, 90_000);

afterAll(async () => {
  for (const d of desks) await d.close();
  await hub?.stop();
});

const online = (e: AppEvent) => e.type === 'teamStatusChanged' && e.data.team.connection === 'online';

it('local contacts go to the team through the import preview; duplicates of the team are skipped', async () => {
  const pa = await hub.createUser('up_a', 'dispatcher', '13800138000');
  const pb = await hub.createUser('up_b', 'dispatcher', '13800138000');
  const a = openTeamDesk();
  const b = openTeamDesk();
  desks.push(a, b);
  // Before joining the team, desk A has its own book.
  for (const [name, number] of [
    ['本地甲', '13900000011'],
    ['本地乙', '13900000012'],
    ['团队也有', '13900000013'],
  ]) {
    expect(await a.call('contactSave', { contact: { name, numbers: [{ label: '手机', number }] } })).toMatchObject({ ok: true });
  }
  expect(await b.call('teamSignIn', { hubUrl: hub.url, username: 'up_b', password: pb })).toMatchObject({ ok: true });
  await b.until(online);
  expect(await b.call('contactSave', { contact: { name: '团队也有', numbers: [{ label: '', number: '13900000013' }] } })).toMatchObject({ ok: true });

  expect(await a.call('teamSignIn', { hubUrl: hub.url, username: 'up_a', password: pa })).toMatchObject({ ok: true });
  await a.until(online);
  const exported = (await a.call('teamLocalExport', {})) as { ok: boolean; csv: string; fileName: string };
  expect(exported.ok).toBe(true);
  expect(exported.csv).toContain('本地甲');
  // The team's copy, not the local book, is what the preview compares with.
  for (;;) {
    const list = (await a.call('contactsList', {})) as { contacts: ContactRecord[] };
    if (list.contacts.some((c) => c.name === '团队也有')) break;
    const seen = a.events.length;
    await a.until((e) => e.type === 'contactsChanged' && a.events.indexOf(e) >= seen);
  }
  const preview = (await a.call('contactsImportPreview', {
    fileName: exported.fileName,
    dataBase64: Buffer.from(exported.csv, 'utf8').toString('base64'),
    duplicate: 'skip',
  })) as { ok: boolean; preview: { importId: string; summary: { new: number; duplicate: number } } };
  expect(preview).toMatchObject({ ok: true, preview: { summary: { new: 2, duplicate: 1 } } });
  expect(await a.call('contactsImportApply', { importId: preview.preview.importId, duplicate: 'skip' })).toMatchObject({ ok: true, added: 2, skipped: 1 });

  for (;;) {
    const list = (await b.call('contactsList', {})) as { contacts: ContactRecord[] };
    const names = list.contacts.map((c) => c.name).sort();
    if (names.includes('本地甲') && names.includes('本地乙')) {
      expect(names.filter((n) => n === '团队也有')).toHaveLength(1);
      break;
    }
    const seen = b.events.length;
    await b.until((e) => e.type === 'contactsChanged' && b.events.indexOf(e) >= seen);
  }
});
