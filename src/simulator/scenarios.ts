/**
 * What each phone does in a simulated session, chosen by the callee number's last three digits, so
 * a dispatcher can practise every outcome in the sandbox and a test can drive every path:
 *
 *   …901  busy                   the callee's line is busy            USER_BUSY
 *   …902  no answer              rings until the network gives up     NO_USER_RESPONSE
 *   …903  rejected               the callee declines the call         CALL_REJECTED
 *   …904  hangs up early         answers, then hangs up after a while NORMAL_CLEARING
 *   …905  caller unreachable     the dispatcher's own phone is off    SUBSCRIBER_ABSENT (caller leg)
 *   …906  callee unreachable     switched off / out of coverage       SUBSCRIBER_ABSENT
 *   other numbers                answer and talk until the end (or until maxDur cuts them)
 *
 * The cause words are FreeSWITCH's, which the one public bill sample uses (NORMAL_CLEARING,
 * NO_USER_RESPONSE) [src]; which cause the real platform gives for busy/rejected/off is [inf].
 * Documented in README ("Practising in the sandbox") and src/simulator/README.md.
 */

export type CalleeScenario = 'answer' | 'busy' | 'no_answer' | 'rejected' | 'early_hangup' | 'caller_unreachable' | 'unreachable';

const BY_SUFFIX: Readonly<Record<string, CalleeScenario>> = {
  '901': 'busy',
  '902': 'no_answer',
  '903': 'rejected',
  '904': 'early_hangup',
  '905': 'caller_unreachable',
  '906': 'unreachable',
};

/** The suffix table, for the README and the tests. */
export const SCENARIO_SUFFIXES: Readonly<Record<string, CalleeScenario>> = BY_SUFFIX;

export function scenarioFor(callee: string): CalleeScenario {
  return BY_SUFFIX[callee.slice(-3)] ?? 'answer';
}

/**
 * One leg's plan, in ms after the session was created: answered at `answerAt` (never, when absent),
 * gone at `endAt` with `cause` unless maxDur cuts it first.
 */
export interface LegPlan {
  endpoint: string;
  answerAt?: number;
  endAt: number;
  cause: string;
}

/** A leg that never connects ends this long after the session started, as a fraction of the ringing time. */
function calleePlan(endpoint: string, scenario: CalleeScenario, ringingMs: number, answeredMs: number): LegPlan {
  switch (scenario) {
    case 'busy':
      return { endpoint, endAt: Math.round(ringingMs / 4), cause: 'USER_BUSY' };
    case 'no_answer':
      return { endpoint, endAt: ringingMs * 2, cause: 'NO_USER_RESPONSE' };
    case 'rejected':
      return { endpoint, endAt: Math.round(ringingMs / 2), cause: 'CALL_REJECTED' };
    case 'unreachable':
      return { endpoint, endAt: Math.round(ringingMs / 4), cause: 'SUBSCRIBER_ABSENT' };
    case 'early_hangup':
      return { endpoint, answerAt: ringingMs, endAt: ringingMs + Math.max(1, Math.round(answeredMs / 4)), cause: 'NORMAL_CLEARING' };
    case 'caller_unreachable':
    case 'answer':
      return { endpoint, answerAt: ringingMs, endAt: ringingMs + answeredMs, cause: 'NORMAL_CLEARING' };
  }
}

/**
 * The legs of a session before maxDur is applied. A callback call rings the caller first and the
 * callee only once the caller answered: with the caller unreachable the callee is never rung (no
 * leg), and the caller's leg ends when the callee's does. A conference rings everyone at once; an
 * unreachable host does not stop the others talking [inf].
 */
export function planLegs(kind: 'call' | 'conf', caller: string, callees: readonly string[], ringingMs: number, answeredMs: number): LegPlan[] {
  const scenarios = callees.map(scenarioFor);
  const callerUnreachable = scenarios.includes('caller_unreachable');
  const callerGone: LegPlan = { endpoint: caller, endAt: Math.round(ringingMs / 2), cause: 'SUBSCRIBER_ABSENT' };
  if (kind === 'call') {
    if (callerUnreachable) return [callerGone];
    const callee = calleePlan(callees[0], scenarios[0], ringingMs, answeredMs);
    return [{ endpoint: caller, answerAt: ringingMs, endAt: callee.endAt, cause: 'NORMAL_CLEARING' }, callee];
  }
  const others = callees.map((c, i) => calleePlan(c, scenarios[i], ringingMs, answeredMs));
  const host: LegPlan = callerUnreachable ? callerGone : { endpoint: caller, answerAt: ringingMs, endAt: ringingMs + answeredMs, cause: 'NORMAL_CLEARING' };
  return [host, ...others];
}

/**
 * When maxDur cuts the session (ms after creation), or undefined when it does not. A call is cut
 * when the callee has talked maxDur; a conference when the talk time of all legs together reaches
 * maxDur ([doc] "会议时长计算规则是所有单路时长之和").
 */
export function cutAt(kind: 'call' | 'conf', legs: readonly LegPlan[], maxDurSec: number): number | undefined {
  const counted = kind === 'call' ? legs.slice(1) : legs;
  const talking = counted.filter((l): l is LegPlan & { answerAt: number } => l.answerAt !== undefined && l.endAt > l.answerAt);
  const budget = maxDurSec * 1000;
  // The used budget grows piecewise linearly between the legs' answer and end times.
  const points = [...new Set(talking.flatMap((l) => [l.answerAt, l.endAt]))].sort((a, b) => a - b);
  const usedAt = (t: number) => talking.reduce((sum, l) => sum + Math.max(0, Math.min(t, l.endAt) - l.answerAt), 0);
  for (let i = 1; i < points.length; i++) {
    const [from, to] = [points[i - 1], points[i]];
    const before = usedAt(from);
    const after = usedAt(to);
    if (after >= budget) {
      const active = talking.filter((l) => l.answerAt <= from && l.endAt >= to).length;
      return active === 0 ? to : from + Math.ceil((budget - before) / active);
    }
  }
  return undefined;
}
