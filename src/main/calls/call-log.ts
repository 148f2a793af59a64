/**
 * What the call log records of an attempt that reached the Yunxin client, successful or not
 * ("I called and nothing happened" needs the failure on record). Where the entries are kept, and
 * how they are numbered and capped, is the CallLogSource's business (../sources).
 */
import { randomUUID } from 'node:crypto';
import type { CallParty, Mode, PhoneNumber, SessionId, SessionType } from '../../shared/domain';
import type { Failure } from '../../shared/result';
import type { NewCallLogEntry } from '../sources/call-log-source';

export interface CallAttempt {
  kind: SessionType;
  mode: Mode;
  caller: PhoneNumber;
  parties: CallParty[];
  maxDur: number;
  perPersonSec?: number;
  /** When the request was sent (the entry's createdAt). */
  startedAt: number;
  outcome: { ok: true; session: SessionId } | Failure;
}

export function callLogEntryFor(attempt: CallAttempt, now: number): NewCallLogEntry {
  const { outcome } = attempt;
  const entry: NewCallLogEntry = {
    id: randomUUID(),
    kind: attempt.kind,
    createdAt: attempt.startedAt,
    updatedAt: now,
    mode: attempt.mode,
    caller: attempt.caller,
    parties: attempt.parties,
    maxDur: attempt.maxDur,
    ...(attempt.perPersonSec !== undefined ? { perPersonSec: attempt.perPersonSec } : {}),
    state: outcome.ok ? 'submitted' : 'failed',
  };
  if (outcome.ok) entry.session = outcome.session;
  else entry.error = { code: outcome.code, message: outcome.message, ...(outcome.detail ? { detail: outcome.detail } : {}) };
  return entry;
}
