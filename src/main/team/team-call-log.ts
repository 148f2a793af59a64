/**
 * The call log in team mode: the hub's call list (calls joined with their bills), kept in memory
 * and followed through the hub's `call` and `bill` events. Each entry carries the dispatcher and,
 * once the bill arrived, its final state (duration, who hung up, each leg's cause). The entries
 * look like the local log's, so the log tab, the strip, redial and CSV export work unchanged.
 */
import type { CallLeg, CallLogEntry, CallParty, PhoneNumber } from '../../shared/domain';
import { isStaffRole, type TeamRole } from '../../shared/team';
import type { HubCall, HubClient } from './hub-client';

/** Entries kept and read from the hub at a time (the hub lists at most 200 per page). */
const PAGE = 200;

export interface TeamCallLog {
  list(sinceRevision?: number): { entries: CallLogEntry[]; revision: number };
  get(id: string): CallLogEntry | undefined;
  /**
   * A call the hub just accepted: on screen before its event arrives. `extensions`: by position in
   * the callees, the extension the dispatcher asked for ('' for none); the hub does not keep it, so
   * this log keeps it for the entry.
   */
  placed(call: HubCall, extensions?: readonly string[]): CallLogEntry;
  /** Re-reads the hub's newest calls; resolves to whether it could. */
  refresh(client: HubClient, role: TeamRole | undefined): Promise<boolean>;
  /** Forgets everything (sign-out, another user). */
  clear(): void;
}

export const hubLogId = (id: number) => `hub-${id}`;

function hangCauseOf(call: HubCall): string | undefined {
  const legs = call.bill?.legs ?? [];
  // The callee's leg says why the call ended; the first cause found otherwise.
  const callee = legs.find((l) => l.number !== null && call.callees.includes(l.number) && l.hangCause);
  return (callee ?? legs.find((l) => l.hangCause))?.hangCause ?? undefined;
}

export function entryFromHub(
  call: HubCall,
  nameFor: (n: PhoneNumber, extension?: string) => string | undefined,
  updatedAt: number,
  extensions: readonly string[] = [],
): Omit<CallLogEntry, 'revision'> {
  // By position: one main number may be two legs (two extensions at one switchboard).
  const parties: CallParty[] = call.callees.map((number, i) => {
    const extension = extensions[i] || undefined;
    const name = nameFor(number, extension);
    return { number, ...(name === undefined ? {} : { name }), ...(extension ? { extension } : {}) };
  });
  const base = {
    id: hubLogId(call.id),
    kind: call.kind === 'conference' ? ('conf' as const) : ('call' as const),
    createdAt: Date.parse(call.createdAt),
    updatedAt,
    mode: 'team' as const,
    dispatcher: call.dispatcher,
    caller: call.caller,
    parties,
    maxDur: typeof call.maxDur === 'number' ? call.maxDur : 0,
  };
  if (call.result.code === 'sending') {
    // The hub recorded the request but not Yunxin's answer (it stopped meanwhile): it may have rung.
    return { ...base, state: 'unknown' };
  }
  if (!call.result.ok) {
    return { ...base, state: 'failed', error: { code: call.result.code ?? 'unknown', message: call.result.message ?? '' } };
  }
  const session = call.session ?? undefined;
  if (!call.bill) return { ...base, session, state: 'submitted' };
  // The bill comes at the end: every leg has ended. It does not say whether a leg was answered.
  const legs = call.bill.legs
    .filter((l) => l.number !== null)
    .map((l): CallLeg => {
      const endedAt = l.endedAt ? Date.parse(l.endedAt) : NaN;
      return {
        number: l.number as string,
        state: 'ended',
        ...(l.hangCause ? { hangCause: l.hangCause } : {}),
        ...(Number.isFinite(endedAt) ? { endedAt } : {}),
      };
    });
  const hangCause = hangCauseOf(call);
  return {
    ...base,
    session,
    state: 'ended',
    ...(call.bill.status !== null ? { status: call.bill.status } : {}),
    ...(call.bill.durationSec !== null ? { durationSec: call.bill.durationSec } : {}),
    ...(hangCause ? { hangCause } : {}),
    legs,
  };
}

/** The entry without the fields that change on every write, to tell whether anything changed. */
const fingerprint = (e: Omit<CallLogEntry, 'revision'>) => JSON.stringify({ ...e, updatedAt: 0 });

export function createTeamCallLog(deps: {
  now(): number;
  nameFor(n: PhoneNumber, extension?: string): string | undefined;
  onChange(entry: CallLogEntry): void;
}): TeamCallLog {
  const entries = new Map<string, CallLogEntry>();
  // Extensions of the calls placed from this desk, by entry id: a re-read from the hub keeps them.
  const extensionsById = new Map<string, readonly string[]>();
  let revision = 0;

  function store(next: Omit<CallLogEntry, 'revision'>): CallLogEntry {
    const shown = entries.get(next.id);
    if (shown && fingerprint(shown) === fingerprint(next)) return shown;
    // A bill is final: an older read that crossed it must not take it back.
    if (shown && shown.state === 'ended' && next.state !== 'ended') return shown;
    revision += 1;
    const entry: CallLogEntry = { ...next, revision };
    entries.set(entry.id, entry);
    deps.onChange(entry);
    return entry;
  }

  function prune() {
    if (entries.size <= PAGE * 5) return;
    const oldest = [...entries.values()].sort((a, b) => a.createdAt - b.createdAt).slice(0, entries.size - PAGE * 5);
    for (const e of oldest) {
      entries.delete(e.id);
      extensionsById.delete(e.id);
    }
  }

  return {
    list(sinceRevision) {
      const all = [...entries.values()].filter((e) => sinceRevision === undefined || e.revision > sinceRevision);
      all.sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
      return { entries: all, revision };
    },
    get: (id) => entries.get(id),
    placed(call, extensions) {
      if (extensions && extensions.some((e) => e !== '')) extensionsById.set(hubLogId(call.id), extensions);
      return store(entryFromHub(call, deps.nameFor, deps.now(), extensionsById.get(hubLogId(call.id))));
    },
    async refresh(client, role) {
      const r = await client.calls({ limit: PAGE, mine: !isStaffRole(role) });
      if (!r.ok) return false;
      const at = deps.now();
      for (const call of r.items) store(entryFromHub(call, deps.nameFor, at, extensionsById.get(hubLogId(call.id))));
      prune();
      return true;
    },
    clear() {
      entries.clear();
      extensionsById.clear();
    },
  };
}
