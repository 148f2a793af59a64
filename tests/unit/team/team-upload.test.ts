/**
 * "Upload my local contacts to the team": the desk's own book (kept from before it joined a team)
 * goes through the usual import preview, planned against the team's directory (duplicates are the
 * team's), and each row to the hub; another desk sees them.
 */
import { expect, it } from 'vitest';
import type { ContactRecord } from '../../../src/shared/domain';
import { openTeamDesk } from './support/team-desk';
import { online, teamSuite } from './support/team-suite';

const suite = teamSuite();
const desks = suite.desks;

it('local contacts go to the team through the import preview; duplicates of the team are skipped', async () => {
  const pa = await suite.hub.createUser('up_a', 'dispatcher', '13800138000');
  const pb = await suite.hub.createUser('up_b', 'dispatcher', '13800138000');
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
  expect(await b.call('teamSignIn', { hubUrl: suite.hub.url, username: 'up_b', password: pb })).toMatchObject({ ok: true });
  await b.until(online);
  expect(await b.call('contactSave', { contact: { name: '团队也有', numbers: [{ label: '', number: '13900000013' }] } })).toMatchObject({ ok: true });

  expect(await a.call('teamSignIn', { hubUrl: suite.hub.url, username: 'up_a', password: pa })).toMatchObject({ ok: true });
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

it('an upload interrupted by the hub going away lands whole or not at all; uploaded again it lands once', async () => {
  const N = 3000;
  const password = await suite.hub.createUser('up_cut', 'dispatcher', '13800138000');
  const a = openTeamDesk();
  desks.push(a);
  // A local book of N contacts, from before joining the team.
  const csv = ['姓名,手机', ...Array.from({ length: N }, (_, i) => `断点${String(i).padStart(5, '0')},1360${String(i).padStart(7, '0')}`)].join('\n');
  const local = (await a.call('contactsImportPreview', {
    fileName: 'book.csv',
    dataBase64: Buffer.from(csv, 'utf8').toString('base64'),
    duplicate: 'skip',
  })) as {
    ok: boolean;
    preview: { importId: string; summary: { new: number } };
  };
  expect(local).toMatchObject({ ok: true, preview: { summary: { new: N } } });
  expect(await a.call('contactsImportApply', { importId: local.preview.importId, duplicate: 'skip' })).toMatchObject({ ok: true, added: N });

  expect(await a.call('teamSignIn', { hubUrl: suite.hub.url, username: 'up_cut', password })).toMatchObject({ ok: true });
  await a.until(online);
  const exported = (await a.call('teamLocalExport', {})) as { ok: boolean; csv: string; fileName: string };
  const upload = async () => {
    const preview = (await a.call('contactsImportPreview', {
      fileName: exported.fileName,
      dataBase64: Buffer.from(exported.csv, 'utf8').toString('base64'),
      duplicate: 'skip',
    })) as { ok: boolean; preview: { importId: string; summary: { new: number; duplicate: number } } };
    expect(preview.ok).toBe(true);
    return { preview: preview.preview, applying: a.call('contactsImportApply', { importId: preview.preview.importId, duplicate: 'skip' }) };
  };
  const onHub = async () => {
    const r = await fetch(`${suite.hub.url}/api/contacts`, { headers: { authorization: `Bearer ${await suite.hub.adminToken()}` } });
    return ((await r.json()) as { items: Array<{ name: string }> }).items.filter((i) => i.name.startsWith('断点')).length;
  };

  // The hub is killed as soon as the upload has gone out (an upload sent row by row: after 50 rows).
  const first = await upload();
  expect(first.preview.summary.new).toBe(N);
  const sentOut = () =>
    a.net.sent.some((line) => line.startsWith('POST /api/directory/import')) || a.net.sent.filter((line) => line === 'POST /api/contacts').length >= 50;
  await new Promise<void>((resolve) => {
    const check = () => (sentOut() ? resolve() : setImmediate(check));
    check();
  });
  await suite.hub.kill();
  const cut = (await first.applying) as { ok: boolean; code?: string; message?: string };
  await suite.hub.restart();
  const landed = await onHub();
  // Never a part of the rows.
  expect([0, N]).toContain(landed);
  if (!cut.ok) expect(cut.message).toMatch(/中断|interrupted/);

  // Back online, the same file again: the preview is against the team's copy, so what did land shows as duplicates.
  await a.until((e) => online(e) && a.events.indexOf(e) > a.events.findIndex(online));
  for (;;) {
    const list = (await a.call('contactsList', {})) as { contacts: ContactRecord[] };
    if (list.contacts.filter((c) => c.name.startsWith('断点')).length === landed) break;
    const seen = a.events.length;
    await a.until((e) => e.type === 'contactsChanged' && a.events.indexOf(e) >= seen);
  }
  const second = await upload();
  expect(second.preview.summary).toMatchObject({ new: N - landed, duplicate: landed });
  expect(await second.applying).toMatchObject({ ok: true });
  expect(await onHub()).toBe(N);
}, 120_000);
