/**
 * Places calls and conferences with whichever account the current mode uses, and records every
 * attempt that reached the client in the call log (failures too: "I called and nothing happened"
 * needs the failure on record).
 *
 * Never retried: a start request that timed out may still have rung phones, so a retry could ring
 * them twice. A second identical request while the first is still in flight is answered `busy`
 * without touching the network (a double click, or Enter held down).
 */
import type { StartCallRequest, StartCallResponse, StartConfRequest, StartConfResponse } from '../../shared/contract';
import type { CallParty, PhoneNumber, Settings } from '../../shared/domain';
import { success } from '../../shared/result';
import { validateCallRequest, validateConfRequest } from '../../shared/validation';
import { resolveConferenceTime } from '../../shared/conference-time';
import { splitCallee, splitConference } from '../../shared/call-extension';
import type { Logger } from '../log';
import type { CallLogSource } from '../sources/call-log-source';
import { callLogEntryFor, type CallAttempt } from './call-log';
import { createInFlightGuard, legKeys } from './in-flight';
import type { ClientFor } from './client-factory';

export interface CallService {
  startCall(request: StartCallRequest): Promise<StartCallResponse>;
  startConf(request: StartConfRequest): Promise<StartConfResponse>;
}

export interface CallServiceDeps {
  settings: () => Settings;
  clientFor: ClientFor;
  callLog: CallLogSource;
  /** The contact name for a number (and the extension asked for), to name the parties in the log. */
  nameFor: (number: PhoneNumber, extension?: string) => string | undefined;
  now: () => number;
  log: Logger;
}

export function createCallService(deps: CallServiceDeps): CallService {
  const once = createInFlightGuard();

  const record = (attempt: CallAttempt) => deps.callLog.append(callLogEntryFor(attempt, deps.now()));

  const party = (number: PhoneNumber, extension?: string): CallParty => {
    const name = deps.nameFor(number, extension);
    return { number, ...(name === undefined ? {} : { name }), ...(extension ? { extension } : {}) };
  };

  return {
    async startCall(request) {
      const settings = deps.settings();
      // Only the main number is dialled; the extension goes into the log for the dispatcher.
      const { callee, extension } = splitCallee(request);
      const checked = validateCallRequest(
        {
          callerAcc: settings.callerAcc,
          caller: settings.callerNumber,
          callee,
          maxDur: request.maxDur ?? settings.defaultMaxDur,
        },
        { min: settings.maxDurMin, max: settings.maxDurMax },
      );
      if (!checked.ok) return checked;
      const { ok: _ok, ...call } = checked;
      return once(`call:${call.caller}:${call.callee}`, async () => {
        const c = await deps.clientFor(settings);
        if (!c.ok) return c;
        const startedAt = deps.now();
        const result = await c.client.startCall(call);
        deps.log.info('call.start', { mode: settings.mode, ok: result.ok, code: result.ok ? 200 : String(result.code) });
        const entry = record({
          kind: 'call',
          mode: settings.mode,
          caller: call.caller,
          parties: [party(call.callee, extension)],
          maxDur: call.maxDur,
          startedAt,
          outcome: result,
        });
        return result.ok ? success({ session: result.session, caller: call.caller, callee: call.callee, maxDur: call.maxDur, logId: entry.id }) : result;
      });
    },

    async startConf(request) {
      const settings = deps.settings();
      // maxDur counts every leg ([doc]): derived from the limit per person unless named outright.
      const calleeCount = Array.isArray(request.callees) ? request.callees.length : 0;
      const time = resolveConferenceTime({ maxDur: request.maxDur, perPersonSec: request.perPersonSec, calleeCount }, settings.confPerPersonSec, {
        min: settings.maxDurMin,
        max: settings.maxDurMax,
      });
      if ('ok' in time) return time;
      const { perPersonSec } = time;
      // Only main numbers are dialled; each leg's extension (named, or typed in the number) goes
      // with the request for the rules (two people at one switchboard) and into the log.
      const split = splitConference(request);
      const checked = validateConfRequest(
        { callerAcc: settings.callerAcc, caller: settings.callerNumber, callees: split.callees, extensions: split.extensions, maxDur: time.maxDur },
        time.range,
      );
      if (!checked.ok) return checked;
      const { ok: _ok, ...conf } = checked;
      return once(`conf:${conf.caller}:${legKeys(conf).sort().join(',')}`, async () => {
        const c = await deps.clientFor(settings);
        if (!c.ok) return c;
        const startedAt = deps.now();
        const result = await c.client.startConf(conf);
        deps.log.info('conf.start', {
          mode: settings.mode,
          ok: result.ok,
          code: result.ok ? 200 : String(result.code),
          callees: conf.callees.length,
          maxDur: conf.maxDur,
        });
        const entry = record({
          kind: 'conf',
          mode: settings.mode,
          caller: conf.caller,
          parties: conf.callees.map((n, i) => party(n, conf.extensions?.[i])),
          maxDur: conf.maxDur,
          perPersonSec,
          startedAt,
          outcome: result,
        });
        return result.ok
          ? success({
              session: result.session,
              caller: conf.caller,
              callees: conf.callees,
              maxDur: conf.maxDur,
              ...(perPersonSec !== undefined ? { perPersonSec } : {}),
              logId: entry.id,
            })
          : result;
      });
    },
  };
}
