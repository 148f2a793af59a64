/**
 * One real hub process per test file and the desks the file opens, all stopped after the file.
 * The hub is started in beforeAll (PGlite takes seconds on a busy machine), so read `suite.hub`
 * inside tests, not at module level.
 */
import { afterAll, beforeAll } from 'vitest';
import type { AppEvent } from '../../../../src/shared/contract';
import { startHubProcess, type HubProcess } from './hub-process';
import { openTeamDesk, type TeamDesk } from './team-desk';

export interface TeamSuite {
  readonly hub: HubProcess;
  /** Closed after the file; a test that replaces a desk may edit the list. */
  readonly desks: TeamDesk[];
  openDesk(options?: Parameters<typeof openTeamDesk>[0]): TeamDesk;
}

export const online = (e: AppEvent): boolean => e.type === 'teamStatusChanged' && e.data.team.connection === 'online';

export function teamSuite(env?: Record<string, string>): TeamSuite {
  let hub: HubProcess | undefined;
  const desks: TeamDesk[] = [];
  beforeAll(async () => {
    hub = await startHubProcess(env);
  }, 90_000);
  afterAll(async () => {
    for (const d of desks) await d.close();
    await hub?.stop();
  });
  return {
    get hub() {
      if (!hub) throw new Error('the hub starts in beforeAll: use suite.hub inside a test');
      return hub;
    },
    desks,
    openDesk(options) {
      const d = openTeamDesk(options);
      desks.push(d);
      return d;
    },
  };
}
