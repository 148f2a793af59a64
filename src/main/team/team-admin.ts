/**
 * What a supervisor or an admin asks the hub from the desk: today's counts for the board (counted
 * by the hub over the whole day, in the centre's time zone) and, for an admin, the team's users
 * and the phone the hub rings first for each dispatcher. The hub checks the role; the desk only
 * words the answer.
 */
import { msg } from '../../shared/i18n';
import { failWith, success, type Failure, type Result } from '../../shared/result';
import type { TeamDayCounts, TeamUser } from '../../shared/team';
import type { TeamSession } from './team-session';

export interface TeamAdmin {
  todayCounts(): Promise<Result<{ counts: TeamDayCounts }>>;
  users(): Promise<Result<{ users: TeamUser[] }>>;
  /** Sets a user's phone; when it is the signed-in user's own, the status shows it at once. */
  setUserPhone(username: string, phone: string): Promise<Result<{ user: TeamUser }>>;
}

function offline(f: Failure): Failure {
  return f.code === 'network' || f.code === 'timeout' ? failWith(f.code, msg('team.err.offlineRead')) : f;
}

export function createTeamAdmin(deps: { session: TeamSession; onOwnPhone(phone: string): void }): TeamAdmin {
  function client() {
    const c = deps.session.client();
    return 'ok' in c ? (c.code === 'unauthorized' ? c : failWith('network', msg('team.err.offlineRead'))) : c;
  }
  const done = <T extends object>(r: Result<T>): Result<T> => {
    if (r.ok) return r;
    if (r.code === 'unauthorized') deps.session.expired();
    return offline(r);
  };

  return {
    async todayCounts() {
      const c = client();
      if ('ok' in c) return c;
      const r = done(await c.todayCounts());
      return r.ok ? success({ counts: r.counts }) : r;
    },
    async users() {
      const c = client();
      if ('ok' in c) return c;
      const r = done(await c.users());
      return r.ok ? success({ users: r.users }) : r;
    },
    async setUserPhone(username, phone) {
      const c = client();
      if ('ok' in c) return c;
      const r = done(await c.setUserPhone(username, phone));
      if (!r.ok) return r;
      if (r.user.username === deps.session.status().username) deps.onOwnPhone(r.user.phone);
      return success({ user: r.user });
    },
  };
}
