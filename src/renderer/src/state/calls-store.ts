/**
 * Calls, conferences and the call log. Main places calls, polls Yunxin for their status and
 * writes it into the call log; the renderer follows the log through main's `callUpdated` events
 * (state/events.ts → `applyEntry`). It reads the log itself only at start-up and when the event
 * stream says it may have missed something (`refreshLog`, `callLogList({ sinceRevision })`).
 *
 * Nothing is ever re-sent automatically: a start request that failed or timed out may still have
 * rung phones. Redial is always an explicit action.
 */
import { create } from 'zustand';
import type { CallLogEntry, CallParty, RosterMember } from '../../../shared/domain';
import { normalizePhone } from '../../../shared/phone';
import type { Failure } from '../../../shared/result';
import { invoke } from '../bridge';
import { itemsForOpenEntries, type StripItem } from '../lib/call-strip';
import { mergeLog } from '../lib/log-filter';
import { formatPhone } from '../lib/phone-format';
import { translate } from '../i18n';
import { currentLanguage } from './app-store';
import { showToast } from './toast-store';

/** An identical call within this long after the previous one started is taken for a double click. */
export const REPEAT_GUARD_MS = 2000;
const MAX_STRIP_ITEMS = 12;
/** Open log entries younger than this are put on the strip at start-up. */
const OPEN_ENTRY_MAX_AGE_MS = 2 * 3600_000;

export type StartOutcome = 'accepted' | 'failed' | 'ignored';

export interface CallsState {
  strip: StripItem[];
  /** Newest first. */
  log: CallLogEntry[];
  logById: ReadonlyMap<string, CallLogEntry>;
  revision: number | null;
  logStatus: 'idle' | 'loading' | 'ready' | 'error';
  logError: Failure | null;
  /**
   * A callback call: rings the dispatcher, then `number`. `explicit`: a deliberate repeat (a
   * redial, a confirmed conference), which the double-click guard lets through right after the
   * previous attempt (but not right after another explicit one: that is the same button
   * pressed twice); a request still in flight is never sent twice.
   */
  /** `extension`: shown on the strip and recorded in the log (main), never dialled. */
  startCall(target: { number: string; name?: string; extension?: string }, options?: { explicit?: boolean }): Promise<StartOutcome>;
  startConf(members: RosterMember[], options?: { explicit?: boolean; perPersonSec?: number }): Promise<StartOutcome>;
  dismiss(key: string): void;
  /** Reads what changed since the last read (everything the first time). */
  refreshLog(): Promise<void>;
  /** A log entry main reports created or changed; an older copy than the one shown is ignored. */
  applyEntry(entry: CallLogEntry): void;
  /** The log's source changed (signed in to or out of a team hub): read it again from scratch. */
  reloadLog(): Promise<void>;
}

// Module state rather than React state: a second click in the same frame must see the first.
const inFlight = new Set<string>();
const lastStart = new Map<string, number>();
/** When the last explicit start of each request was accepted. */
const lastExplicitStart = new Map<string, number>();
let refreshing: Promise<void> | null = null;
let refreshAgain = false;
let nextKey = 1;

function numberKey(raw: string): string {
  const p = normalizePhone(raw);
  return p.ok ? p.number : raw.trim();
}

/**
 * Claims a guard key. `in_flight`: the same request is being submitted (a double click, a held
 * Enter). `repeat`: it was started a moment ago, which is a double click too unless the
 * dispatcher explicitly asked to redial — and an explicit start right after another explicit
 * start of the same request is the redial button (or the confirmation) pressed twice: once a
 * fast server has answered the first press, nothing is in flight to stop the second.
 */
function claim(key: string, now: number, explicit: boolean): 'ok' | 'in_flight' | 'repeat' {
  if (inFlight.has(key)) return 'in_flight';
  const last = (explicit ? lastExplicitStart : lastStart).get(key);
  if (last !== undefined && now - last < REPEAT_GUARD_MS) return 'repeat';
  inFlight.add(key);
  lastStart.set(key, now);
  if (explicit) lastExplicitStart.set(key, now);
  return 'ok';
}

function claimed(key: string, explicit: boolean, number: string): boolean {
  const verdict = claim(key, Date.now(), explicit);
  if (verdict === 'repeat') {
    showToast({ message: { key: 'calls.repeatIgnored', params: { who: number } } });
  }
  return verdict === 'ok';
}

/**
 * The entries that are news: an event and a read can cross (the preview's event stream and its
 * requests are separate connections), so a copy no newer than the one shown is dropped.
 */
function newer(byId: ReadonlyMap<string, CallLogEntry>, entries: readonly CallLogEntry[]): CallLogEntry[] {
  return entries.filter((e) => {
    const shown = byId.get(e.id);
    return shown === undefined || shown.revision < e.revision;
  });
}

/** For tests: forget in-flight and recent requests. */
export function resetCallGuards(): void {
  inFlight.clear();
  lastStart.clear();
  lastExplicitStart.clear();
  refreshing = null;
  refreshAgain = false;
}

export const useCallsStore = create<CallsState>((set, get) => {
  /** Merges entries into the log; returns the state patch, empty when nothing was news. */
  const merged = (entries: readonly CallLogEntry[]): Partial<CallsState> => {
    const fresh = newer(get().logById, entries);
    if (fresh.length === 0) return {};
    const byId = new Map(get().logById);
    for (const e of fresh) byId.set(e.id, e);
    return { log: mergeLog(get().log, fresh), logById: byId };
  };

  const updateItem = (key: string, patch: Partial<StripItem>) => {
    set({ strip: get().strip.map((it) => (it.key === key ? { ...it, ...patch } : it)) });
  };

  const begin = (item: Omit<StripItem, 'key' | 'startedAt' | 'submitting'>): string => {
    const key = `s${nextKey++}`;
    const strip = [{ ...item, key, startedAt: Date.now(), submitting: true }, ...get().strip].slice(0, MAX_STRIP_ITEMS);
    set({ strip });
    return key;
  };

  // The log entry itself comes as a `callUpdated` event (in Electron before this answer).
  const finish = (key: string, patch: Partial<StripItem>): void => {
    updateItem(key, { ...patch, submitting: false });
  };

  return {
    strip: [],
    log: [],
    logById: new Map(),
    revision: null,
    logStatus: 'idle',
    logError: null,

    async startCall({ number, name, extension }, options) {
      const guard = `call:${numberKey(number)}`;
      const parsed = normalizePhone(number);
      if (!claimed(guard, options?.explicit === true, parsed.ok ? formatPhone(parsed.number) : number)) return 'ignored';
      const party: CallParty = { number: parsed.ok ? parsed.number : number.trim() };
      if (name) party.name = name;
      if (extension) party.extension = extension;
      const key = begin({ kind: 'call', parties: [party] });
      let r;
      try {
        r = await invoke('startCall', extension ? { callee: number, extension } : { callee: number });
      } finally {
        inFlight.delete(guard);
      }
      if (!r.ok) {
        finish(key, { failure: r });
        return 'failed';
      }
      finish(key, {
        logId: r.logId,
        session: r.session,
        maxDur: r.maxDur,
        parties: [{ ...party, number: r.callee }],
      });
      return 'accepted';
    },

    async startConf(members, options) {
      const numbers = members.map((m) => m.number);
      // Only main numbers are dialled; each leg's extension goes beside it, '' for none.
      const extensions = members.map((m) => m.extension ?? '');
      const withExtensions = extensions.some((e) => e !== '');
      const guard = `conf:${members
        .map((m) => (m.extension ? `${numberKey(m.number)}#${m.extension}` : numberKey(m.number)))
        .sort()
        .join(',')}`;
      if (!claimed(guard, options?.explicit === true, numbers.map((n) => formatPhone(numberKey(n))).join(translate(currentLanguage(), 'common.listSeparator'))))
        return 'ignored';
      const parties: CallParty[] = members.map((m) => ({
        number: m.number,
        ...(m.name ? { name: m.name } : {}),
        ...(m.extension ? { extension: m.extension } : {}),
      }));
      const key = begin({ kind: 'conf', parties });
      let r;
      try {
        r = await invoke('startConf', {
          callees: numbers,
          ...(withExtensions ? { extensions } : {}),
          ...(options?.perPersonSec !== undefined ? { perPersonSec: options.perPersonSec } : {}),
        });
      } finally {
        inFlight.delete(guard);
      }
      if (!r.ok) {
        finish(key, { failure: r });
        return 'failed';
      }
      finish(key, { logId: r.logId, session: r.session, maxDur: r.maxDur, perPersonSec: r.perPersonSec });
      return 'accepted';
    },

    dismiss(key) {
      set({ strip: get().strip.filter((it) => it.key !== key) });
    },

    async refreshLog() {
      if (refreshing) {
        // Coalesce: one more round after the current one picks up whatever changed meanwhile.
        refreshAgain = true;
        return refreshing;
      }
      const run = async () => {
        do {
          refreshAgain = false;
          const { revision } = get();
          if (revision === null && get().logStatus !== 'ready') set({ logStatus: 'loading' });
          const r = await invoke('callLogList', revision === null ? {} : { sinceRevision: revision });
          if (!r.ok) {
            if (get().logStatus !== 'ready') set({ logStatus: 'error', logError: r });
            return;
          }
          const first = get().revision === null;
          // `revision` moves with reads only: events may skip entries (a dropped stream), so the
          // next read after one must still start from the last read.
          const patch: Partial<CallsState> = { revision: r.revision, logStatus: 'ready', logError: null, ...merged(r.entries) };
          const log = patch.log ?? get().log;
          if (first) {
            // Calls still in progress (the app was restarted mid-call) get their strip item back.
            const known = new Set(
              get()
                .strip.map((it) => it.logId)
                .filter((id): id is string => !!id),
            );
            const open = itemsForOpenEntries(log, known, Date.now(), OPEN_ENTRY_MAX_AGE_MS);
            if (open.length) patch.strip = [...get().strip, ...open].slice(0, MAX_STRIP_ITEMS);
          }
          set(patch);
        } while (refreshAgain);
      };
      refreshing = run().finally(() => {
        refreshing = null;
      });
      await refreshing;
    },

    applyEntry(entry) {
      const patch = merged([entry]);
      if (patch.log) set(patch);
    },

    async reloadLog() {
      set({ log: [], logById: new Map(), revision: null, logStatus: 'idle' });
      await get().refreshLog();
    },
  };
});
