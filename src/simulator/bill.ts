/**
 * The state of a simulated session at a given instant, shaped like Yunxin's end-of-call bill.
 * Everything is computed from elapsed time, so no timer is needed per session and an injected
 * clock steps a session through its life.
 *
 * Field names and their confidence (see docs/yunxin-ecp.md, "End-of-call callback"):
 * - session, caller, callee, createtime (ms number), durationSec, initAccount (= callerAcc),
 *   starttime, status, legs[{endpoint, hangCause, endTime "yyyy-MM-dd HH:mm:ss"}]   [src: 抄送 sample]
 * - conference: members as a JSON array *encoded once more as a string*               [src: 抄送 sample]
 * - status 'SUCCESS' and hangCause 'NORMAL_CLEARING' / 'NO_USER_RESPONSE' words       [src: 抄送 sample]
 * - status 'RINGING' / 'ANSWERED' while the session lives                            [inf]
 * - starttime as an ms number like createtime, present once answered                 [inf]
 * - endTime in Beijing time (UTC+8)                                                  [inf]
 * - member fields {endpoint, durationSec, hangCause, endTime}; host listed as a member [inf]
 * - conference `caller` (the host's number)                                          [inf]
 * - hangCause 'ALLOTTED_TIMEOUT' when maxDur cut the call (FreeSWITCH's cause name)  [inf]
 * The query answer reuses this exact shape [inf: queryBySession's obj is undocumented].
 */
import type { SimulatorProgress } from './types';
import type { SessionKind } from './params';

export interface SimSession {
  session: string;
  kind: SessionKind;
  appKey: string;
  callerAcc: string;
  caller: string;
  /** One for a call, up to eight for a conference. */
  callees: string[];
  maxDur: number;
  createdAt: number;
}

export type BillStatus = 'RINGING' | 'ANSWERED' | 'SUCCESS';

interface Leg {
  endpoint: string;
  hangCause?: string;
  endTime?: string;
}

interface Member extends Leg {
  durationSec: number;
}

export interface Bill {
  session: string;
  caller: string;
  initAccount: string;
  createtime: number;
  starttime?: number;
  durationSec: number;
  status: BillStatus;
  /** Single call only. */
  callee?: string;
  legs?: Leg[];
  /** Conference only: JSON of Member[]. */
  members?: string;
}

/** How long each leg stays answered: the configured time, cut by maxDur (for a conference, the sum of all legs). */
function answeredMsPerLeg(s: SimSession, progress: SimulatorProgress): { ms: number; cut: boolean } {
  const legs = s.kind === 'call' ? 1 : s.callees.length + 1;
  const cap = Math.floor((s.maxDur * 1000) / legs);
  return progress.answeredMs > cap ? { ms: cap, cut: true } : { ms: progress.answeredMs, cut: false };
}

export function sessionEndsAt(s: SimSession, progress: SimulatorProgress): number {
  return s.createdAt + progress.ringingMs + answeredMsPerLeg(s, progress).ms;
}

/** 'yyyy-MM-dd HH:mm:ss' in Beijing time, as the sample bill writes endTime. */
export function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function billAt(s: SimSession, progress: SimulatorProgress, atMs: number): Bill {
  const elapsed = atMs - s.createdAt;
  const answered = answeredMsPerLeg(s, progress);
  const status: BillStatus = elapsed < progress.ringingMs ? 'RINGING' : elapsed < progress.ringingMs + answered.ms ? 'ANSWERED' : 'SUCCESS';
  const ended = status === 'SUCCESS';
  const legSec = ended ? Math.ceil(answered.ms / 1000) : 0;
  const endpoints = [s.caller, ...s.callees];
  const end = ended ? { hangCause: answered.cut ? 'ALLOTTED_TIMEOUT' : 'NORMAL_CLEARING', endTime: beijingTime(sessionEndsAt(s, progress)) } : {};

  const bill: Bill = {
    session: s.session,
    caller: s.caller,
    initAccount: s.callerAcc,
    createtime: s.createdAt,
    durationSec: s.kind === 'call' ? legSec : legSec * endpoints.length,
    status,
  };
  if (status !== 'RINGING') bill.starttime = s.createdAt + progress.ringingMs;
  if (s.kind === 'call') {
    bill.callee = s.callees[0];
    bill.legs = endpoints.map((endpoint) => ({ endpoint, ...end }));
  } else {
    const members: Member[] = endpoints.map((endpoint) => ({ endpoint, durationSec: legSec, ...end }));
    bill.members = JSON.stringify(members);
  }
  return bill;
}
