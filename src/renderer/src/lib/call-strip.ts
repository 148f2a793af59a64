/**
 * The call strip: one item per call or conference the dispatcher started (or found in progress
 * at start-up), its state derived from the call log that main keeps up to date.
 */
import { outcomeOf, submittingOutcome, type Outcome } from '../../../shared/call-outcome';
import type { CallLeg, CallLogEntry, CallParty, PhoneNumber, SessionId, SessionType } from '../../../shared/domain';
import type { Failure, FailureWords } from '../../../shared/result';

export type StripState = 'submitting' | 'submitted' | 'ringing' | 'answered' | 'ended' | 'failed' | 'unknown';

export interface StripItem {
  /** Local id (the log id once known is kept separately). */
  key: string;
  kind: SessionType;
  parties: CallParty[];
  startedAt: number;
  /** True until startCall/startConf answered. */
  submitting: boolean;
  logId?: string;
  session?: SessionId;
  maxDur?: number;
  perPersonSec?: number;
  /** The start request failed (nothing rang, or main could not tell). */
  failure?: Failure;
}

export interface StripView {
  key: string;
  kind: SessionType;
  state: StripState;
  parties: CallParty[];
  session?: SessionId;
  status?: string;
  durationSec?: number;
  hangCause?: string;
  /** What went wrong: the code and the failure's words (see failureText). */
  error?: { code: string; words: FailureWords };
  startedAt: number;
  /** ended/failed: nothing more will happen. */
  final: boolean;
  /** The one result in words, the same as the log's and the export's. */
  outcome: Outcome;
  /** Per phone, once the server listed them; `caller` tells the dispatcher's own leg apart. */
  legs?: CallLeg[];
  caller?: PhoneNumber;
  maxDur?: number;
  perPersonSec?: number;
  /** A conference's wall-clock length once ended (not the legs summed). */
  wallSec?: number;
}

export const FINAL_STATES: ReadonlySet<string> = new Set(['ended', 'failed']);

export function deriveStripView(item: StripItem, entry: CallLogEntry | undefined): StripView {
  const base = { key: item.key, kind: item.kind, startedAt: item.startedAt };
  if (item.submitting) {
    return { ...base, state: 'submitting', parties: item.parties, final: false, outcome: submittingOutcome() };
  }
  if (item.failure) {
    const f = item.failure;
    return {
      ...base,
      state: 'failed',
      parties: entry?.parties.length ? mergeNames(entry.parties, item.parties) : item.parties,
      error: { code: String(f.code), words: f },
      final: true,
      outcome: outcomeOf({ kind: item.kind, state: 'failed', caller: '', parties: item.parties, error: { code: f.code, message: f.message } }),
    };
  }
  if (!entry) {
    return {
      ...base,
      state: 'submitted',
      parties: item.parties,
      session: item.session,
      final: false,
      outcome: outcomeOf({ kind: item.kind, state: 'submitted', caller: '', parties: item.parties }),
      maxDur: item.maxDur,
      perPersonSec: item.perPersonSec,
    };
  }
  const state: StripState = entry.state;
  return {
    ...base,
    state,
    parties: mergeNames(entry.parties, item.parties),
    session: entry.session ?? item.session,
    status: entry.status,
    durationSec: entry.durationSec,
    hangCause: entry.hangCause,
    error: entry.error ? { code: String(entry.error.code), words: entry.error } : undefined,
    final: FINAL_STATES.has(state),
    outcome: outcomeOf(entry),
    legs: entry.legs,
    caller: entry.caller,
    maxDur: entry.maxDur,
    perPersonSec: entry.perPersonSec ?? item.perPersonSec,
    wallSec: entry.wallSec,
  };
}

/** The log's parties, with the names and extensions we knew locally where main had none. */
function mergeNames(fromLog: CallParty[], local: CallParty[]): CallParty[] {
  if (local.length === 0) return fromLog;
  const byNumber = new Map(local.map((p) => [p.number, p] as const));
  // Same legs in the same order: matched by position, since one main number may be two legs
  // (two extensions at one switchboard); otherwise by number.
  const aligned = local.length === fromLog.length && local.every((p, i) => p.number === fromLog[i].number);
  return fromLog.map((p, i) => {
    const known = aligned ? local[i] : byNumber.get(p.number);
    if (!known) return p;
    const name = p.name || known.name;
    const extension = p.extension || known.extension;
    return { ...p, ...(name ? { name } : {}), ...(extension ? { extension } : {}) };
  });
}

/** Strip items for log entries still in progress (after a restart, or started elsewhere). */
export function itemsForOpenEntries(entries: readonly CallLogEntry[], known: ReadonlySet<string>, now: number, maxAgeMs: number): StripItem[] {
  const out: StripItem[] = [];
  for (const e of entries) {
    if (FINAL_STATES.has(e.state) || known.has(e.id)) continue;
    if (now - e.createdAt > maxAgeMs) continue;
    out.push({
      key: `log:${e.id}`,
      kind: e.kind,
      parties: e.parties,
      startedAt: e.createdAt,
      submitting: false,
      logId: e.id,
      session: e.session,
      maxDur: e.maxDur,
      perPersonSec: e.perPersonSec,
    });
  }
  return out;
}
