/**
 * The call log in the data folder: the local CallLogSource (and SessionsSource). Every call and
 * conference attempt that reached the Yunxin client, successful or not, kept in the `call-log`
 * collection and capped so it never grows without bound (oldest pruned first).
 *
 * Revisions: each write (a new entry or a status change) takes the next value of a counter and
 * stamps it on the entry, so `list(since)` can answer "what changed after revision N" and the
 * renderer refreshes only that. The counter is not stored separately: it is the largest revision
 * among the stored entries. Pruning cannot lower it, because pruning only follows a new entry,
 * which carries the largest revision and is the newest, so it is never the one pruned.
 *
 * The log is a record, never a reason to lose a call result: a failed disk write is logged and the
 * entry lives on in memory (the next change writes it again).
 */
import type { CallLogEntry } from '../../../shared/domain';
import type { Logger } from '../../log';
import type { Collection } from '../../stores/collection-store';
import { FINAL_STATES, progressChanges, type CallLogSource, type SessionsSource } from '../call-log-source';

export const CALL_LOG_CAP = 10_000;

export interface LocalCallLogDeps {
  collection: Collection<CallLogEntry>;
  now(): number;
  log: Logger;
  /** Entries kept; tests pass a small one to see pruning. */
  cap?: number;
  /** Told of every entry written (created or changed), once it is in the log. */
  onChange?(entry: CallLogEntry): void;
}

function looksLikeEntry(item: unknown): item is CallLogEntry {
  const e = item as Partial<CallLogEntry> | null;
  return !!e && typeof e.createdAt === 'number' && typeof e.revision === 'number' && Array.isArray(e.parties);
}

export function localCallLog(deps: LocalCallLogDeps): CallLogSource & SessionsSource {
  const cap = Math.max(1, deps.cap ?? CALL_LOG_CAP);
  // Oldest first (creation order), so pruning takes from the front.
  const entries = new Map<string, CallLogEntry>(
    deps.collection
      .all()
      .filter(looksLikeEntry)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((e) => [e.id, e]),
  );
  let revision = 0;
  for (const e of entries.values()) revision = Math.max(revision, e.revision);
  prune();

  function persist(what: string, write: () => void): void {
    try {
      write();
    } catch (error) {
      deps.log.error('calllog.write_failed', { what, error: error instanceof Error ? error.message : String(error) });
    }
  }

  function prune(): void {
    const excess = entries.size - cap;
    if (excess <= 0) return;
    const oldest: string[] = [];
    for (const id of entries.keys()) {
      if (oldest.length >= excess) break;
      oldest.push(id);
    }
    for (const id of oldest) entries.delete(id);
    persist('prune', () => deps.collection.deleteMany(oldest));
  }

  function write(entry: CallLogEntry): void {
    entries.set(entry.id, entry);
    persist(entry.id, () => deps.collection.put(entry));
    deps.onChange?.(entry);
  }

  return {
    append(fresh) {
      const entry: CallLogEntry = { ...fresh, revision: ++revision };
      write(entry);
      prune();
      return entry;
    },

    update(id, progress) {
      const before = entries.get(id);
      if (!before) return undefined;
      if (!progressChanges(before, progress)) return before;
      const defined = Object.fromEntries(Object.entries(progress).filter(([, v]) => v !== undefined));
      // Re-inserted at its creation-order place: Map.set on an existing key keeps the position.
      const after: CallLogEntry = { ...before, ...defined, updatedAt: deps.now(), revision: ++revision };
      write(after);
      return after;
    },

    get: (id) => entries.get(id),

    list(sinceRevision) {
      const picked: CallLogEntry[] = [];
      for (const e of entries.values()) if (sinceRevision === undefined || e.revision > sinceRevision) picked.push(e);
      return { entries: picked.reverse(), revision };
    },

    inProgress() {
      const out: CallLogEntry[] = [];
      for (const e of entries.values()) if (e.session !== undefined && !FINAL_STATES.has(e.state)) out.push(e);
      return out;
    },
  };
}
