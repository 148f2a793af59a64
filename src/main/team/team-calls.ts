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
import { resolveConferenceTime } from '../../shared/conference-time';
import { splitCallee, splitConference } from '../../shared/call-extension';
import { createInFlightGuard, legKeys } from '../calls/in-flight';
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
  const once = createInFlightGuard();

  function ready(): { client: HubClient; phone: string } | Failure {
    const client = deps.session.client();
    if ('ok' in client) return client;
    const phone = deps.session.status().phone ?? '';
    if (phone === '') return failWith('not_configured', msg('team.noPhone'));
    return { client, phone };
  }

  /** Sends once to the hub; an accepted request goes into the team log at once. */
  async function place(
    kind: 'call' | 'conference',
    client: HubClient,
    caller: string,
    callees: string[],
    maxDur: number,
    extensions?: readonly string[],
  ): Promise<{ session: string; logId: string } | Failure> {
    const placed =
      kind === 'call'
        ? await client.startCall({ callee: callees[0], maxDur })
        : await client.startConf({ callees, maxDur, ...(extensions ? { extensions } : {}) });
    deps.logger.info(kind === 'call' ? 'team.call.start' : 'team.conf.start', { ok: placed.ok, code: placed.ok ? 200 : String(placed.code) });
    if (!placed.ok) {
      if (placed.code === 'unauthorized') deps.session.expired();
      return placed;
    }
    const entry = deps.log.placed(
      {
        id: placed.id,
        kind,
        session: placed.session,
        dispatcher: deps.session.status().username ?? '',
        caller,
        callees,
        maxDur,
        createdAt: new Date(deps.now()).toISOString(),
        result: { ok: true },
        bill: null,
      },
      extensions,
    );
    return { session: placed.session, logId: entry.id };
  }

  return {
    async startCall(request) {
      const r = ready();
      if ('ok' in r) return r;
      const maxDur = request.maxDur ?? deps.settings().defaultMaxDur;
      // The hub dials the main number only; the extension stays on this desk's log entry.
      const { callee, extension } = splitCallee(request);
      const checked = validateCallRequest({ callerAcc: HUB_ACC, caller: r.phone, callee, maxDur }, HUB_RANGE);
      if (!checked.ok) return checked;
      return once(`call:${checked.callee}`, async () => {
        const placed = await place('call', r.client, checked.caller, [checked.callee], maxDur, extension ? [extension] : undefined);
        if ('ok' in placed) return placed;
        return success({ session: placed.session, caller: checked.caller, callee: checked.callee, maxDur, logId: placed.logId });
      });
    },
    async startConf(request) {
      const r = ready();
      if ('ok' in r) return r;
      // The same time rule as with the desk's own account: a limit per person times the legs.
      const calleeCount = Array.isArray(request.callees) ? request.callees.length : 0;
      const time = resolveConferenceTime(
        { maxDur: request.maxDur, perPersonSec: request.perPersonSec, calleeCount },
        deps.settings().confPerPersonSec,
        HUB_RANGE,
      );
      if ('ok' in time) return time;
      // Only main numbers go to the hub; an extension typed in a number is split off like one named beside it.
      const split = splitConference(request);
      const checked = validateConfRequest(
        { callerAcc: HUB_ACC, caller: r.phone, callees: split.callees, extensions: split.extensions, maxDur: time.maxDur },
        time.range,
      );
      if (!checked.ok) return checked;
      const { maxDur, perPersonSec } = time;
      return once(`conf:${legKeys(checked).sort().join(',')}`, async () => {
        // The hub gets the extensions for its own check of the rules; it dials main numbers only.
        const placed = await place('conference', r.client, checked.caller, checked.callees, maxDur, checked.extensions);
        if ('ok' in placed) return placed;
        return success({
          session: placed.session,
          caller: checked.caller,
          callees: checked.callees,
          maxDur,
          ...(perPersonSec !== undefined ? { perPersonSec } : {}),
          logId: placed.logId,
        });
      });
    },
  };
}
