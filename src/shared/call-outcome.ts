/**
 * One coherent result per call or conference, the same on the strip, in the log and in the CSV:
 * submitting → accepted → ringing → talking → ended (answered / not answered), or failed (not
 * accepted). Codes in, catalog keys out: the raw status, hang cause and error code stay beside the
 * words (details popover, CSV), never instead of them.
 */
import type { CallLeg, CallLogEntry } from './domain';
import { isMessageKey, msg, type Message } from './i18n';

export type OutcomePhase = 'submitting' | 'submitted' | 'ringing' | 'talking' | 'ended' | 'failed' | 'unknown';
export type EndResult = 'answered' | 'not_answered' | 'unknown';

export interface Outcome {
  phase: OutcomePhase;
  /** For `ended` only. */
  result?: EndResult;
  /** The short words ("已结束 · 未接通") and their one-line meaning. */
  words: Message;
  meaning: Message;
  /** Why it ended or failed, in words ("对方忙"), with its meaning; absent when unremarkable. */
  reason?: { words: Message; meaning: Message; code: string };
}

type EntryFacts = Pick<CallLogEntry, 'kind' | 'state' | 'caller' | 'parties' | 'status' | 'durationSec' | 'hangCause' | 'legs' | 'error'>;

/** A hang cause in words; an unknown cause keeps its code visible in the meaning. */
export function causeWords(cause: string): { words: Message; meaning: Message } {
  const key = `outcome.cause.${cause.toUpperCase()}`;
  const meaningKey = `${key}.meaning`;
  if (isMessageKey(key) && isMessageKey(meaningKey)) return { words: { key }, meaning: { key: meaningKey } };
  return { words: msg('outcome.cause.other'), meaning: msg('outcome.cause.other.meaning', { cause }) };
}

/** A server status word (`SUCCESS`, `FAILED`, …) in words. */
export function statusWords(status: string): { words: Message; meaning: Message } {
  const key = `outcome.status.${status.toUpperCase()}`;
  const meaningKey = `${key}.meaning`;
  if (isMessageKey(key) && isMessageKey(meaningKey)) return { words: { key }, meaning: { key: meaningKey } };
  return { words: msg('outcome.status.other'), meaning: msg('outcome.status.other.meaning', { status }) };
}

/** A failure code in words: a local code by name, a Yunxin code by number. */
export function failureCodeWords(code: number | string): { words: Message; meaning: Message } {
  if (typeof code === 'number' || /^\d+$/.test(code)) {
    return { words: msg('outcome.server', { code: String(code) }), meaning: msg('outcome.server.meaning', { code: String(code) }) };
  }
  const key = `outcome.local.${code}`;
  const meaningKey = `${key}.meaning`;
  if (isMessageKey(key) && isMessageKey(meaningKey)) return { words: { key }, meaning: { key: meaningKey } };
  return { words: msg('outcome.failed'), meaning: msg('yunxin.local.other', { code }) };
}

const phaseWords = (phase: Exclude<OutcomePhase, 'ended' | 'failed'>) =>
  ({
    submitting: { words: msg('outcome.phase.submitting'), meaning: msg('outcome.phase.submitting.meaning') },
    submitted: { words: msg('outcome.phase.submitted'), meaning: msg('outcome.phase.submitted.meaning') },
    ringing: { words: msg('outcome.phase.ringing'), meaning: msg('outcome.phase.ringing.meaning') },
    talking: { words: msg('outcome.phase.talking'), meaning: msg('outcome.phase.talking.meaning') },
    unknown: { words: msg('outcome.phase.unknown'), meaning: msg('outcome.phase.unknown.meaning') },
  })[phase];

/** The legs of the people called (not the dispatcher's own phone). */
export function calleeLegs(e: Pick<CallLogEntry, 'caller' | 'legs'>): CallLeg[] {
  return (e.legs ?? []).filter((l) => l.number !== e.caller);
}

export function callerLeg(e: Pick<CallLogEntry, 'caller' | 'legs'>): CallLeg | undefined {
  return (e.legs ?? []).find((l) => l.number === e.caller);
}

/** Whether anyone called answered, from the legs first, then the bill's totals. */
export function endResult(e: EntryFacts): EndResult {
  const legs = calleeLegs(e);
  if (legs.some((l) => l.answered === true)) return 'answered';
  const everyoneKnown = legs.length > 0 && legs.length >= e.parties.length && legs.every((l) => l.answered === false);
  if (everyoneKnown) return 'not_answered';
  // A callback call whose caller never answered rang nobody: the callee has no leg [inf].
  const caller = callerLeg(e);
  if (caller?.answered === false && legs.length === 0) return 'not_answered';
  if (e.durationSec !== undefined) return e.durationSec > 0 ? 'answered' : 'not_answered';
  if (e.status?.toUpperCase() === 'FAILED') return 'not_answered';
  return 'unknown';
}

/** Why a session ended, when that is worth saying: the first remarkable cause (callee's, then the caller's). */
function endReason(e: EntryFacts, result: EndResult): Outcome['reason'] {
  const remarkable = (c: string | undefined) => !!c && c.toUpperCase() !== 'NORMAL_CLEARING' && c.toUpperCase() !== 'NORMAL_UNSPECIFIED';
  const caller = callerLeg(e);
  if (caller && caller.answered === false && remarkable(caller.hangCause) && calleeLegs(e).length === 0) {
    const w = causeWords(caller.hangCause as string);
    return { words: msg('outcome.reasonCaller', { reason: w.words }), meaning: w.meaning, code: caller.hangCause as string };
  }
  const cut = (e.legs ?? []).find((l) => l.hangCause?.toUpperCase() === 'ALLOTTED_TIMEOUT');
  const cause = cut?.hangCause ?? calleeLegs(e).find((l) => remarkable(l.hangCause))?.hangCause ?? (remarkable(e.hangCause) ? e.hangCause : undefined);
  if (cause) return { ...causeWords(cause), code: cause };
  if (result === 'answered' && e.hangCause) return { ...causeWords(e.hangCause), code: e.hangCause };
  return undefined;
}

/** The outcome of a log entry (`submitting` is the strip's own state before main answered). */
export function outcomeOf(e: EntryFacts): Outcome {
  if (e.state === 'failed' || e.error) {
    const code = e.error?.code ?? 'internal';
    const w = failureCodeWords(code);
    return { phase: 'failed', words: msg('outcome.failed'), meaning: w.meaning, reason: { ...w, code: String(code) } };
  }
  if (e.state === 'ended') {
    const result = endResult(e);
    const words =
      result === 'answered'
        ? { words: msg('outcome.ended.answered'), meaning: msg('outcome.ended.answered.meaning') }
        : result === 'not_answered'
          ? { words: msg('outcome.ended.notAnswered'), meaning: msg('outcome.ended.notAnswered.meaning') }
          : { words: msg('outcome.ended.plain'), meaning: msg('outcome.ended.plain.meaning') };
    const reason = endReason(e, result);
    return reason ? { phase: 'ended', result, ...words, reason } : { phase: 'ended', result, ...words };
  }
  const phase: Exclude<OutcomePhase, 'ended' | 'failed'> = e.state === 'answered' ? 'talking' : e.state;
  return { phase, ...phaseWords(phase) };
}

export function submittingOutcome(): Outcome {
  return { phase: 'submitting', ...phaseWords('submitting') };
}

export type LegView =
  | { kind: 'not_rung' }
  | { kind: 'waiting' }
  | { kind: 'ringing' }
  | { kind: 'talking'; since?: number }
  | { kind: 'answered'; durationSec?: number; cause?: string }
  | { kind: 'not_answered'; cause?: string }
  | { kind: 'ended'; cause?: string };

/** One person's status: their leg if the server listed one, else what the session's state implies. */
export function legView(e: Pick<CallLogEntry, 'kind' | 'state' | 'caller' | 'legs'>, number: string): LegView {
  const leg = (e.legs ?? []).find((l) => l.number === number);
  if (!leg) {
    const caller = callerLeg(e);
    if (e.kind === 'call' && number !== e.caller && caller?.state === 'ended' && caller.answered === false) return { kind: 'not_rung' };
    return { kind: 'waiting' };
  }
  if (leg.state === 'ringing') return { kind: 'ringing' };
  if (leg.state === 'talking') return { kind: 'talking', since: leg.answeredAt };
  if (leg.answered === true) return { kind: 'answered', durationSec: leg.durationSec, cause: leg.hangCause };
  if (leg.answered === false) return { kind: 'not_answered', cause: leg.hangCause };
  return { kind: 'ended', cause: leg.hangCause };
}
