/**
 * Today's counts and the dispatchers' phones from the desk, against a real hub process: the
 * board's counts are the hub's (its time zone, every call of the day); an admin sets a
 * dispatcher's phone from the desk and the hub rings it for that dispatcher's next call; the hub
 * refuses the same from a dispatcher's desk.
 */
import { expect, it } from 'vitest';
import type { TeamDayCounts, TeamStatus, TeamUser } from '../../../src/shared/team';
import { api } from './support/hub-process';
import { openTeamDesk, type TeamDesk } from './support/team-desk';
import { online, teamSuite } from './support/team-suite';

const suite = teamSuite();
const desks = suite.desks;

async function desk(username: string, password: string): Promise<TeamDesk> {
  const d = openTeamDesk();
  desks.push(d);
  expect(await d.call('teamSignIn', { hubUrl: suite.hub.url, username, password })).toMatchObject({ ok: true });
  await d.until(online);
  return d;
}

it("the board's counts come from the hub; a dispatcher's desk gets only their own", async () => {
  const sup = await desk('adm_sup', await suite.hub.createUser('adm_sup', 'supervisor', '13800138010'));
  const disp = await desk('adm_disp', await suite.hub.createUser('adm_disp', 'dispatcher', '13800138011'));
  const placed = await disp.call('startCall', { callee: '13900139001' });
  expect(placed).toMatchObject({ ok: true });
  const counts = (await sup.call('teamTodayCounts', {})) as { ok: boolean; counts: TeamDayCounts };
  expect(counts).toMatchObject({ ok: true, counts: { timeZone: 'Asia/Shanghai', calls: 1 } });
  expect(counts.counts.byDispatcher).toEqual([expect.objectContaining({ dispatcher: 'adm_disp', calls: 1 })]);
  const own = (await disp.call('teamTodayCounts', {})) as { ok: boolean; counts: TeamDayCounts };
  expect(own.counts.byDispatcher.map((r) => r.dispatcher)).toEqual(['adm_disp']);
});

it('an admin sets a dispatcher’s phone from the desk; the hub rings it for their next call; a dispatcher may not', async () => {
  const admin = await desk('adm_admin', await suite.hub.createUser('adm_admin', 'admin', '13800138020'));
  const dispPassword = await suite.hub.createUser('adm_d2', 'dispatcher', '13800138021');
  const disp = await desk('adm_d2', dispPassword);

  const users = (await admin.call('teamUsers', {})) as { ok: boolean; users: TeamUser[] };
  expect(users.ok).toBe(true);
  expect(users.users.find((u) => u.username === 'adm_d2')).toEqual({ username: 'adm_d2', role: 'dispatcher', phone: '13800138021', disabled: false });
  // Nothing secret in the list.
  expect(JSON.stringify(users)).not.toMatch(/password|token|hash/i);

  expect(await admin.call('teamUserPhoneSet', { username: 'adm_d2', phone: '12345' })).toMatchObject({ ok: false, code: 'invalid_input' });
  const set = (await admin.call('teamUserPhoneSet', { username: 'adm_d2', phone: '139 0013 9022' })) as { ok: boolean; user: TeamUser };
  expect(set).toMatchObject({ ok: true, user: { username: 'adm_d2', phone: '13900139022' } });
  // The dispatcher's desk shows the new phone through the hub's `user` event, with no reconnect.
  await disp.until((e) => e.type === 'teamStatusChanged' && e.data.team.phone === '13900139022');

  // The dispatcher's own desk may not change anyone's phone, its own included.
  expect(await disp.call('teamUserPhoneSet', { username: 'adm_d2', phone: '13900139023' })).toMatchObject({ ok: false, code: 'forbidden' });
  expect(await disp.call('teamUsers', {})).toMatchObject({ ok: false, code: 'forbidden' });

  // The hub rings the new phone for the dispatcher's next call.
  expect(await disp.call('startCall', { callee: '13900139002' })).toMatchObject({ ok: true });
  const calls = await api(suite.hub.url, 'GET', '/api/calls?limit=10', await suite.hub.adminToken());
  const last = (calls.body.items as Array<{ dispatcher: string; caller: string }>).find((c) => c.dispatcher === 'adm_d2');
  expect(last?.caller).toBe('13900139022');

  // The admin's own phone: the desk's status shows the new one at once.
  const mine = (await admin.call('teamUserPhoneSet', { username: 'adm_admin', phone: '13900139024' })) as { ok: boolean; team: TeamStatus };
  expect(mine).toMatchObject({ ok: true, team: { phone: '13900139024' } });
});
