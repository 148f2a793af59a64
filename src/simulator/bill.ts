/**
 * The state of a simulated session at a given instant, shaped like Yunxin's end-of-call bill.
 * Everything is computed from elapsed time, so no timer is needed per session and an injected
 * clock steps a session through its life. What each phone does comes from the callee numbers
 * (scenarios.ts: busy, no answer, rejected, …).
 *
 * Field names and their confidence (see docs/yunxin-ecp.md, "End-of-call callback"):
 * - session, caller, callee, createtime (ms number), durationSec, initAccount (= callerAcc),
 *   starttime, status, legs[{endpoint, hangCause, endTime "yyyy-MM-dd HH:mm:ss"}]   [src: 抄送 sample]
 * - conference: members as a JSON array *encoded once more as a string*               [src: 抄送 sample]
 * - status 'SUCCESS' and hangCause 'NORMAL_CLEARING' / 'NO_USER_RESPONSE' words       [src: 抄送 sample]
 * - status 'RINGING' / 'ANSWERED' while the session lives; 'FAILED' when nobody called answered [inf]
 * - per-leg `status` 'RINGING' / 'ANSWERED' while that leg lives                      [inf]
 * - starttime as an ms number like createtime, present once answered                 [inf]
 * - endTime in Beijing time (UTC+8)                                                  [inf]
 * - member fields {endpoint, durationSec, hangCause, endTime}; host listed as a member [inf]
 * - conference `caller` (the host's number)                                          [inf]
 * - a call's durationSec is the callee's talk time; a conference's the members' summed [inf]
 * - hangCause 'ALLOTTED_TIMEOUT' when maxDur cut the call (FreeSWITCH's cause name)  [inf]
 * - a callback call whose caller never answered lists only the caller's leg           [inf]
 * The query answer reuses this exact shape [inf: queryBySession's obj is undocumented].
 */
import type { SimulatorProgress } from './types';
import type { SessionKind } from './params';
import { cutAt, planLegs, type LegPlan } from './scenarios';

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

export type BillStatus = 'RINGING' | 'ANSWERED' | 'SUCCESS' | 'FAILED';

interface Leg {
  endpoint: string;
  /** While the leg lives [inf]. */
  status?: 'RINGING' | 'ANSWERED';
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

/** A leg with maxDur applied: when it really ended and why (ms after creation). */
interface LegTimeline {
  endpoint: string;
  answerAt?: number;
  endAt: number;
  cause: string;
}

function timeline(s: SimSession, progress: SimulatorProgress): LegTimeline[] {
  const plans: LegPlan[] = planLegs(s.kind, s.caller, s.callees, progress.ringingMs, progress.answeredMs);
  const cut = cutAt(s.kind, plans, s.maxDur);
  if (cut === undefined) return plans;
  // Everyone still on the line when the budget runs out is cut, ringing or talking.
  return plans.map((l) => (l.endAt > cut ? { ...l, endAt: cut, cause: 'ALLOTTED_TIMEOUT' } : l));
}

export function sessionEndsAt(s: SimSession, progress: SimulatorProgress): number {
  return s.createdAt + Math.max(...timeline(s, progress).map((l) => l.endAt));
}

/** 'yyyy-MM-dd HH:mm:ss' in Beijing time, as the sample bill writes endTime. */
export function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

const talkMs = (l: LegTimeline, elapsed: number) => (l.answerAt === undefined ? 0 : Math.max(0, Math.min(elapsed, l.endAt) - l.answerAt));

function legAt(s: SimSession, l: LegTimeline, elapsed: number): Leg {
  if (elapsed >= l.endAt) return { endpoint: l.endpoint, hangCause: l.cause, endTime: beijingTime(s.createdAt + l.endAt) };
  return { endpoint: l.endpoint, status: l.answerAt !== undefined && elapsed >= l.answerAt ? 'ANSWERED' : 'RINGING' };
}

export function billAt(s: SimSession, progress: SimulatorProgress, atMs: number): Bill {
  const elapsed = atMs - s.createdAt;
  const legs = timeline(s, progress);
  const ended = elapsed >= Math.max(...legs.map((l) => l.endAt));
  // The caller of a call counts as answered only once the callee is (the bridge); a conference's host like anyone.
  const counted = s.kind === 'call' ? legs.filter((l) => l.endpoint !== s.caller) : legs;
  const firstAnswer = Math.min(...counted.map((l) => l.answerAt ?? Infinity));
  const calleeAnswered = legs.some((l) => l.endpoint !== s.caller && l.answerAt !== undefined && l.answerAt < l.endAt);
  const status: BillStatus = ended ? (calleeAnswered ? 'SUCCESS' : 'FAILED') : elapsed >= firstAnswer ? 'ANSWERED' : 'RINGING';
  const sec = (l: LegTimeline) => Math.ceil(talkMs(l, elapsed) / 1000);

  const bill: Bill = {
    session: s.session,
    caller: s.caller,
    initAccount: s.callerAcc,
    createtime: s.createdAt,
    durationSec: ended ? (s.kind === 'call' ? counted.reduce((n, l) => n + sec(l), 0) : legs.reduce((n, l) => n + sec(l), 0)) : 0,
    status,
  };
  if (Number.isFinite(firstAnswer) && elapsed >= firstAnswer) bill.starttime = s.createdAt + firstAnswer;
  if (s.kind === 'call') {
    bill.callee = s.callees[0];
    bill.legs = legs.map((l) => legAt(s, l, elapsed));
  } else {
    // Live members carry their talk time so far (whole seconds, rounded down) [inf].
    const members: Member[] = legs.map((l) => ({ ...legAt(s, l, elapsed), durationSec: elapsed >= l.endAt ? sec(l) : Math.floor(talkMs(l, elapsed) / 1000) }));
    bill.members = JSON.stringify(members);
  }
  return bill;
}
