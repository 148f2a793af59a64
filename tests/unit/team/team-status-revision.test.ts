/**
 * The status the window shows carries a revision, so an answer and an event that cross on the way
 * to the window cannot undo a newer state (the renderer keeps the higher revision). A window left
 * open while main restarts (the browser preview) must still take the new process's statuses.
 */
import { expect, it } from 'vitest';
import { createTeamSession } from '../../../src/main/team/team-session';
import type { TeamVault } from '../../../src/main/team/team-vault';
import type { TeamStatus } from '../../../src/shared/team';
import { createLogger } from '../../../src/main/log';

const identity = { hubUrl: 'http://127.0.0.1:9', username: 'rev', role: 'dispatcher' as const, phone: '13800138000', hubMode: 'sandbox' as const };

function vault(): TeamVault {
  let phone = identity.phone;
  return {
    canStore: () => null,
    save: async () => ({ ok: true }),
    identity: () => ({ ...identity, phone }),
    setPhone: (p) => ((phone = p), { ok: true }),
    token: async () => null,
    clear: () => ({ ok: true }),
    backend: 'test',
    backendSecure: true,
  };
}

function session(now: () => number, seen: TeamStatus[]) {
  return createTeamSession({ vault: vault(), log: createLogger(), onStatus: (s) => seen.push(s), onEvent: () => {}, onOnline: () => {}, now });
}

it('every change has a higher revision, and a restarted main starts above the old one', async () => {
  const seen: TeamStatus[] = [];
  let clock = 1_000_000;
  const first = session(() => clock, seen);
  await first.start(); // no token: expired
  first.phoneChanged('13900139000');
  const revisions = seen.map((s) => s.revision);
  expect(revisions.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < revisions.length; i++) expect(revisions[i]).toBeGreaterThan(revisions[i - 1]);
  await first.close();

  clock += 1000; // main restarted a second later
  const again: TeamStatus[] = [];
  const second = session(() => clock, again);
  expect(second.status().revision).toBeGreaterThan(revisions[revisions.length - 1]);
  await second.close();
});
