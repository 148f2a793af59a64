/**
 * How the report counts one call-log entry: by the shared rules (src/shared/call-outcome), so the
 * strip, the log, its export and the reports say the same thing about the same call. Apart from
 * report.ts, which the contract's schemas import and which must stay free of the catalog.
 */
import { outcomeOf as sharedOutcome } from '../call-outcome';
import type { ReportOutcome } from './report';

type ReportFacts = Parameters<typeof sharedOutcome>[0];

/**
 * An attempt's result for counting, by the shared rules (src/shared/call-outcome): the strip, the
 * log, its export and the reports say the same thing about the same call. Someone still talking
 * counts as answered; an end whose result could not be learned counts as open, as the log shows it.
 */
export function reportOutcome(e: ReportFacts): ReportOutcome {
  const o = sharedOutcome(e);
  if (o.phase === 'failed') return 'failed';
  if (o.phase === 'talking') return 'answered';
  if (o.phase !== 'ended') return 'open';
  return o.result === 'answered' ? 'answered' : o.result === 'not_answered' ? 'notAnswered' : 'open';
}

/**
 * The hang cause an ended attempt is counted under: the reason the log row gives (a leg cut at
 * the time limit, a callee who was busy), else the session's own cause. Raw codes: words come
 * from the same catalog keys when a table is built.
 */
export function reportHangCause(e: ReportFacts): string | undefined {
  const o = sharedOutcome(e);
  if (o.phase === 'ended' && o.reason) return o.reason.code;
  return e.hangCause || undefined;
}
