/**
 * Calls and conferences in team mode: the hub signs, sends and records them; the desk sends the
 * request once. Unreachable hub → an immediate failure, nothing queued, nothing retried. The
 * accepted call goes into the team log at once, so the strip has its entry before the hub's
 * `call` event (which only confirms it) and the `bill` event (which ends it).
 */
import type { StartCallRequest, StartCallResponse, StartConfRequest, StartConfResponse } from '../../shared/contract';
import type { Settings } from '../../shared/domain';
import { msg } from '../../shared/i18n';
import { MAX_DUR_DEFAULT_MAX, MAX_DUR_DEFAULT_MIN } from '../../shared/limits';
import { failWith, success, type Failure } from '../../shared/result';
import { validateCallRequest, validateConfRequest } from '../../shared/validation';
import type { Logger } from '../log';
import type { HubClient } from './hub-client';
import type { TeamCallLog } from './team-call-log';
import type { TeamSession } from './team-session';

/** The hub holds the accid; validation only needs a well-formed stand-in. */
const HUB_ACC = 'team';
/** The hub's own maxDur bounds (src/hub/calls.ts). */
const HUB_RANGE = { min: MAX_DUR_DEFAULT_MIN, max: MAX_DUR_DEFAULT_MAX };

export interface TeamCalls {
  startCall(request: StartCallRequest): Promise<StartCallResponse>;
  startConf(request: StartConfRequest): Promise<StartConfResponse>;
}

export function createTeamCalls(deps: { session: TeamSession; log: TeamCallLog; settings(): Settings; logger: Logger; now(): number }): TeamCalls {
  const inFlight = new Set<string>();

  function ready(): { client: HubClient; phone: string } | Failure {
    const client = deps.session.client();
    if ('ok' in client) return client;
    const phone = deps.session.status().phone ?? '';
    if (phone === '') return failWith('not_configured', msg('team.noPhone'));
    return { client, phone };
  }

  function afterFailure(f: Failure): Failure {
    if (f.code === 'unauthorized') deps.session.expired();
    return f;
  }

  async function once<T>(key: string, send: () => Promise<T | Failure>): Promise<T | Failure> {
    if (inFlight.has(key)) return failWith('busy', msg('callRule.inFlight'));
    inFlight.add(key);
    try {
      return await send();
    } finally {
      inFlight.delete(key);
    }
  }

  return {
    async startCall(request) {
      const r = ready();
      if ('ok' in r) return r;
      const maxDur = request.maxDur ?? deps.settings().defaultMaxDur;
      const checked = validateCallRequest({ callerAcc: HUB_ACC, caller: r.phone, callee: request.callee, maxDur }, HUB_RANGE);
      if (!checked.ok) return checked;
      return once(`call:${checked.callee}`, async () => {
        const placed = await r.client.startCall({ callee: checked.callee, maxDur });
        deps.logger.info('team.call.start', { ok: placed.ok, code: placed.ok ? 200 : String(placed.code) });
        if (!placed.ok) return afterFailure(placed);
        const entry = deps.log.placed({
          id: placed.id,
          kind: 'call',
          session: placed.session,
          dispatcher: deps.session.status().username ?? '',
          caller: checked.caller,
          callees: [checked.callee],
          maxDur,
          createdAt: new Date(deps.now()).toISOString(),
          result: { ok: true },
          bill: null,
        });
        return success({ session: placed.session, caller: checked.caller, callee: checked.callee, maxDur, logId: entry.id });
      });
    },
    async startConf(request) {
      const r = ready();
      if ('ok' in r) return r;
      const maxDur = request.maxDur ?? deps.settings().defaultMaxDur;
      const checked = validateConfRequest({ callerAcc: HUB_ACC, caller: r.phone, callees: request.callees, maxDur }, HUB_RANGE);
      if (!checked.ok) return checked;
      return once(`conf:${checked.callees.join(',')}`, async () => {
        const placed = await r.client.startConf({ callees: checked.callees, maxDur });
        deps.logger.info('team.conf.start', { ok: placed.ok, code: placed.ok ? 200 : String(placed.code) });
        if (!placed.ok) return afterFailure(placed);
        const entry = deps.log.placed({
          id: placed.id,
          kind: 'conference',
          session: placed.session,
          dispatcher: deps.session.status().username ?? '',
          caller: checked.caller,
          callees: checked.callees,
          maxDur,
          createdAt: new Date(deps.now()).toISOString(),
          result: { ok: true },
          bill: null,
        });
        return success({ session: placed.session, caller: checked.caller, callees: checked.callees, maxDur, logId: entry.id });
      });
    },
  };
}
