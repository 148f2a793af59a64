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
 */
import type { SessionId, SessionState, SessionStatus, SessionType } from '../shared/domain';
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
  return result;
}
