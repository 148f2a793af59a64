/**
 * queryBySession answers `{"code":200,"obj":{…}}` but the fields of `obj` are undocumented, so
 * this mapping is a HYPOTHESIS kept in one place (adjust here when real answers are seen):
 *
 *   obj            — an object, or JSON text of one; fields looked up under several names.
 *   status word    — obj.status | obj.state | obj.callStatus, upper-cased, non-letters → '_':
 *     ringing  RINGING CALLING DIALING ALERTING INIT INITIATED CREATED PROCEEDING QUEUED WAITING STARTING
 *     answered ANSWERED ANSWER TALKING CONNECTED BRIDGED IN_PROGRESS INPROGRESS ONGOING ACTIVE ONLINE
 *     ended    SUCCESS SUCCEEDED FAILED FAIL FAILURE END ENDED FINISHED COMPLETED COMPLETE HANGUP
 *              HUNGUP HANG_UP CANCELLED CANCELED NO_ANSWER NOANSWER BUSY REJECTED TIMEOUT ERROR CLOSED
 *     (SUCCESS is "ended" because the end-of-call bill uses it as its final status.)
 *   no known word  — ended if obj.endTime is set, or every leg/member has an endTime or a
 *                    hangCause; otherwise 'unknown' (never guess "answered").
 *   durationSec    — obj.durationSec | obj.duration (number or numeric string).
 *   hangCause      — obj.hangCause, else the first leg/member cause that is not NORMAL_CLEARING,
 *                    else the first cause at all. legs[] and members may be arrays or JSON strings.
 *   startedAt      — obj.starttime | obj.startTime (ms number, or a date text like endTime).
 *
 * Per phone (legs[] of a call, members of a conference) — fields from the bill sample [src], the
 * rest [inf], mirrored by the simulator (src/simulator/bill.ts):
 *   number         — leg.endpoint | leg.callee | leg.number | leg.phone.
 *   state          — ended once it has an endTime or a hangCause; else its own status word
 *                    (ANSWERED… → talking, RINGING… → ringing) [inf]; else like the session.
 *   durationSec    — leg.durationSec | leg.duration (members carry it [src]). A call's legs do not
 *                    [src]: the callee's leg takes obj.durationSec once the call has ended [inf].
 *   answered       — talked > 0 s, or was seen talking; not answered when ended with 0 s or with a
 *                    no-answer cause (busy, no response, rejected, unreachable…); else unknown.
 *   endedAt        — leg.endTime "yyyy-MM-dd HH:mm:ss" read as Beijing time (UTC+8) [inf], or ms.
 *   endedAt of the session — the latest leg endTime (or obj.endTime).
 */
import type { LegStatus, SessionId, SessionState, SessionStatus, SessionType } from '../shared/domain';
import { asCount, asRecord, asRecordArray, asText, pick, type JsonRecord } from './jsonish';

const WORDS: Record<Exclude<SessionState, 'submitted' | 'unknown'>, readonly string[]> = {
  ringing: ['RINGING', 'CALLING', 'DIALING', 'ALERTING', 'INIT', 'INITIATED', 'CREATED', 'PROCEEDING', 'QUEUED', 'WAITING', 'STARTING'],
  answered: ['ANSWERED', 'ANSWER', 'TALKING', 'CONNECTED', 'BRIDGED', 'IN_PROGRESS', 'INPROGRESS', 'ONGOING', 'ACTIVE', 'ONLINE'],
  ended: [
    'SUCCESS',
    'SUCCEEDED',
    'FAILED',
    'FAIL',
    'FAILURE',
    'END',
    'ENDED',
    'FINISHED',
    'COMPLETED',
    'COMPLETE',
    'HANGUP',
    'HUNGUP',
    'HANG_UP',
    'CANCELLED',
    'CANCELED',
    'NO_ANSWER',
    'NOANSWER',
    'BUSY',
    'REJECTED',
    'TIMEOUT',
    'ERROR',
    'CLOSED',
  ],
};

export function stateFromWord(word: string | undefined): SessionState | undefined {
  if (!word) return undefined;
  const w = word
    .toUpperCase()
    .replace(/[^A-Z]+/g, '_')
    .replace(/^_|_$/g, '');
  for (const state of ['ringing', 'answered', 'ended'] as const) if (WORDS[state].includes(w)) return state;
  return undefined;
}

function participants(obj: JsonRecord): JsonRecord[] {
  return [...(asRecordArray(obj.legs) ?? []), ...(asRecordArray(obj.members) ?? [])];
}

function hangCauseOf(obj: JsonRecord, parts: JsonRecord[]): string | undefined {
  const own = asText(pick(obj, 'hangCause', 'hangupCause'));
  if (own) return own;
  const causes = parts.map((p) => asText(pick(p, 'hangCause', 'hangupCause'))).filter((c): c is string => !!c);
  return causes.find((c) => c.toUpperCase() !== 'NORMAL_CLEARING') ?? causes[0];
}

function looksEnded(obj: JsonRecord, parts: JsonRecord[]): boolean {
  if (asText(pick(obj, 'endTime', 'endtime', 'end_time'))) return true;
  return parts.length > 0 && parts.every((p) => asText(pick(p, 'endTime', 'endtime', 'hangCause', 'hangupCause')) !== undefined);
}

/** Causes that say the phone was never answered (FreeSWITCH names, which the bill sample uses) [inf]. */
const NOT_ANSWERED_CAUSES: ReadonlySet<string> = new Set([
  'NO_USER_RESPONSE',
  'NO_ANSWER',
  'USER_BUSY',
  'CALL_REJECTED',
  'SUBSCRIBER_ABSENT',
  'UNALLOCATED_NUMBER',
  'INVALID_NUMBER_FORMAT',
  'NUMBER_CHANGED',
  'DESTINATION_OUT_OF_ORDER',
  'ORIGINATOR_CANCEL',
  'NO_ROUTE_DESTINATION',
  'USER_NOT_REGISTERED',
]);

/** 'yyyy-MM-dd HH:mm:ss' in Beijing time [inf], or an ms number; undefined for anything else. */
export function beijingTimeMs(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  const text = asText(v);
  if (!text) return undefined;
  if (/^\d{12,14}$/.test(text)) return Number(text);
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h - 8, mi, se);
  return Number.isFinite(ms) ? ms : undefined;
}

function legOf(p: JsonRecord, sessionState: SessionState, type: SessionType, obj: JsonRecord, isCaller: boolean): LegStatus | undefined {
  const number = asText(pick(p, 'endpoint', 'callee', 'number', 'phone'));
  if (!number) return undefined;
  const hangCause = asText(pick(p, 'hangCause', 'hangupCause'));
  const endedAt = beijingTimeMs(pick(p, 'endTime', 'endtime', 'end_time'));
  const own = stateFromWord(asText(pick(p, 'status', 'state')));
  const state: LegStatus['state'] =
    hangCause !== undefined || endedAt !== undefined || sessionState === 'ended' || own === 'ended'
      ? 'ended'
      : own === 'answered'
        ? 'talking'
        : own === 'ringing'
          ? 'ringing'
          : sessionState === 'answered'
            ? 'talking'
            : 'ringing';
  let durationSec = asCount(pick(p, 'durationSec', 'duration'));
  // A call's legs carry no duration [src]: the bill's durationSec is the callee's talk time [inf].
  const noAnswerCause = hangCause !== undefined && NOT_ANSWERED_CAUSES.has(hangCause.toUpperCase());
  if (durationSec === undefined && type === 'call' && !isCaller && state === 'ended' && !noAnswerCause)
    durationSec = asCount(pick(obj, 'durationSec', 'duration'));
  const leg: LegStatus = { number, state };
  const answered =
    state === 'talking' || (durationSec !== undefined && durationSec > 0)
      ? true
      : state === 'ended' && (noAnswerCause || durationSec === 0)
        ? false
        : undefined;
  if (answered !== undefined) leg.answered = answered;
  if (durationSec !== undefined) leg.durationSec = durationSec;
  if (hangCause !== undefined) leg.hangCause = hangCause;
  if (endedAt !== undefined) leg.endedAt = endedAt;
  return leg;
}

/** Never throws, whatever `obj` is. */
export function toSessionStatus(session: SessionId, type: SessionType, rawObj: unknown): SessionStatus {
  const obj = asRecord(rawObj) ?? {};
  const parts = participants(obj);
  const status = asText(pick(obj, 'status', 'state', 'callStatus'));
  const state = stateFromWord(status) ?? (looksEnded(obj, parts) ? 'ended' : 'unknown');
  const result: SessionStatus = { session, type, state };
  if (status !== undefined) result.status = status;
  const durationSec = asCount(pick(obj, 'durationSec', 'duration'));
  if (durationSec !== undefined) result.durationSec = durationSec;
  const hangCause = hangCauseOf(obj, parts);
  if (hangCause !== undefined) result.hangCause = hangCause;
  const caller = asText(pick(obj, 'caller'));
  const legs = parts
    .map((p, i) => legOf(p, state, type, obj, caller !== undefined ? asText(pick(p, 'endpoint')) === caller : i === 0))
    .filter((l): l is LegStatus => !!l);
  if (legs.length > 0) result.legs = legs;
  const startedAt = beijingTimeMs(pick(obj, 'starttime', 'startTime'));
  if (startedAt !== undefined) result.startedAt = startedAt;
  const ends = [beijingTimeMs(pick(obj, 'endTime', 'endtime')), ...legs.map((l) => l.endedAt)].filter((t): t is number => t !== undefined);
  if (state === 'ended' && ends.length > 0) result.endedAt = Math.max(...ends);
  return result;
}
