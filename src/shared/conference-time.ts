/**
 * Conference time. The vendor counts a conference's maxDur as the sum of all legs ([doc] seed:
 * "会议时长计算规则是所有单路时长之和"), so a single number means little to a dispatcher: 600 s for
 * eight people is about a minute. The dispatcher sets a limit per person instead, and the app sends
 * maxDur = limit × legs (every callee plus the caller, who is a leg too).
 */
import type { CallLeg } from './domain';
import { MAX_CONFERENCE_CALLEES } from './limits';
import { msg } from './i18n';
import { failWith, type Failure } from './result';

/** 10 minutes each unless the dispatcher chose otherwise. */
export const CONF_PER_PERSON_DEFAULT_SEC = 600;
/** When the strip warns that the cut is near. */
export const CONF_WARNING_SEC = 60;

/** The legs maxDur is spread over: every callee plus the host. */
export function conferenceLegs(callees: number): number {
  return callees + 1;
}

export function conferenceMaxDur(perPersonSec: number, callees: number): number {
  return perPersonSec * conferenceLegs(callees);
}

/** The per-person limit is a call's length for each person: the same range as a call's maxDur. */
export function validatePerPersonLimit(v: unknown, range: { min: number; max: number }): Failure | null {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < range.min || v > range.max) {
    return failWith('invalid_input', msg('conftime.invalid', { min: Math.ceil(range.min / 60), max: Math.floor(range.max / 60) }), {
      field: 'confPerPersonSec',
    });
  }
  return null;
}

/** The total maxDur a conference of up to eight may carry when it is derived from a valid per-person limit. */
export function conferenceMaxDurCap(rangeMax: number): number {
  return conferenceMaxDur(rangeMax, MAX_CONFERENCE_CALLEES);
}

/**
 * Seconds left before maxDur cuts the conference, estimated from the legs on the line: the budget
 * not yet used, shared by the legs talking now. Undefined while nobody talks (nothing is being
 * used, so nothing can be said about the end) [inf: the platform's exact accounting is undocumented].
 */
export function conferenceSecondsLeft(maxDurSec: number, legs: readonly CallLeg[], now: number): number | undefined {
  let usedMs = 0;
  let talking = 0;
  for (const leg of legs) {
    if (leg.answeredAt === undefined) {
      usedMs += (leg.durationSec ?? 0) * 1000;
      continue;
    }
    const end = leg.state === 'ended' ? (leg.endedAt ?? leg.answeredAt + (leg.durationSec ?? 0) * 1000) : now;
    usedMs += Math.max(0, end - leg.answeredAt);
    if (leg.state === 'talking') talking++;
  }
  if (talking === 0) return undefined;
  return Math.max(0, Math.round((maxDurSec * 1000 - usedMs) / talking / 1000));
}

export interface ConferenceTime {
  /** What is sent: the total over every leg. */
  maxDur: number;
  /** The limit per person it came from; undefined when the caller named maxDur outright. */
  perPersonSec?: number;
  /** The range the total is validated against. */
  range: { min: number; max: number };
}

/**
 * A conference request's time, the same way on every path (own account, team desk, hub): a limit
 * per person (asked for, else the default) times the legs, unless a total maxDur is named outright.
 * Naming both is refused: it is not clear which one the dispatcher meant.
 */
export function resolveConferenceTime(
  request: { maxDur?: number; perPersonSec?: number; calleeCount: number },
  defaultPerPersonSec: number,
  range: { min: number; max: number },
): ConferenceTime | Failure {
  if (request.maxDur !== undefined && request.perPersonSec !== undefined) {
    return failWith('invalid_input', msg('input.malformed'), { field: 'perPersonSec' });
  }
  if (request.maxDur !== undefined) return { maxDur: request.maxDur, range };
  const perPersonSec = request.perPersonSec ?? defaultPerPersonSec;
  const refused = validatePerPersonLimit(perPersonSec, range);
  if (refused) return refused;
  return {
    maxDur: conferenceMaxDur(perPersonSec, request.calleeCount),
    perPersonSec,
    range: { min: range.min, max: conferenceMaxDurCap(range.max) },
  };
}
