/**
 * What one status answer adds to a call log entry: the session's state and words as before, plus
 * each phone's leg and the times a conference's wall-clock length is measured between.
 *
 * A leg's `answeredAt` is not in any answer: it is estimated the first time a leg is seen talking
 * (the answer's time minus the leg's talk time so far) and then kept, so the countdown on the strip
 * has a fixed point and an unchanged leg does not rewrite the log on every poll.
 */
import type { CallLeg, CallLogEntry, SessionStatus } from '../../shared/domain';
import type { SessionProgress } from '../sources/call-log-source';

export function progressFrom(entry: CallLogEntry, status: SessionStatus, now: number): SessionProgress {
  const { state, status: word, durationSec, hangCause } = status;
  // An answer we cannot read says nothing about the state: keep the last known one and keep
  // asking (the deadline still ends it). 'unknown' in the log means "we stopped finding out".
  const progress: SessionProgress = { state: state === 'unknown' ? undefined : state, status: word, durationSec, hangCause };
  if (status.legs) {
    const before = new Map((entry.legs ?? []).map((l) => [l.number, l] as const));
    progress.legs = status.legs.map((leg): CallLeg => {
      const known = before.get(leg.number)?.answeredAt;
      if (known !== undefined) return { ...leg, answeredAt: known };
      if (leg.state === 'talking') return { ...leg, answeredAt: now - (leg.durationSec ?? 0) * 1000 };
      // Ended before we saw it talk: its end minus its talk time, when both are known.
      if (leg.answered && leg.endedAt !== undefined && leg.durationSec !== undefined) return { ...leg, answeredAt: leg.endedAt - leg.durationSec * 1000 };
      return { ...leg };
    });
  }
  const answeredAt = status.startedAt ?? entry.answeredAt ?? firstAnswer(progress.legs);
  if (answeredAt !== undefined) progress.answeredAt = answeredAt;
  if (state === 'ended') {
    if (status.endedAt !== undefined) progress.endedAt = status.endedAt;
    const wallSec = wallClockSec(entry, answeredAt, status.endedAt, progress.legs);
    if (wallSec !== undefined) progress.wallSec = wallSec;
  }
  return progress;
}

function firstAnswer(legs: readonly CallLeg[] | undefined): number | undefined {
  const times = (legs ?? []).map((l) => l.answeredAt).filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

/**
 * A conference's length as the dispatcher lived it: from the first answer to the last hang-up.
 * Without both times, the longest leg is the best lower bound; a call's is its own duration.
 */
function wallClockSec(
  entry: CallLogEntry,
  answeredAt: number | undefined,
  endedAt: number | undefined,
  legs: readonly CallLeg[] | undefined,
): number | undefined {
  if (entry.kind === 'call') return undefined;
  if (answeredAt !== undefined && endedAt !== undefined && endedAt >= answeredAt) return Math.round((endedAt - answeredAt) / 1000);
  const longest = Math.max(-1, ...(legs ?? []).map((l) => l.durationSec ?? -1));
  return longest >= 0 ? longest : undefined;
}
