/**
 * Events for the desks (`call`, `bill`, `directory`, `user`: an admin changed that user's phone or role). An event is a row in `events`, inserted in
 * the transaction of the change it reports. Its public id (the SSE `id:`, what a client sends
 * back as Last-Event-ID) is NOT taken there: ids taken inside writers' transactions become
 * visible in commit order, not id order, and the lock that used to prevent that serialised every
 * commit behind one fsync. Instead the sequencer (event-sequencer.ts) numbers committed rows after
 * the fact, one batch at a time, and announces the new ids with NOTIFY. Every instance LISTENs
 * and fans the numbered rows out to its own SSE clients; a client that reconnects with
 * Last-Event-ID reads what it missed from the table.
 *
 * A writer must call `EventSequencer.poke()` after its transaction commits (the periodic sweep
 * numbers anything left behind, e.g. by a crash between COMMIT and the poke).
 */
import type { Db, Queryable } from './db/types';
import type { Role } from './auth/tokens';

export const EVENTS_CHANNEL = 'hub_events';

export type EventType = 'call' | 'bill' | 'directory' | 'user';

export interface HubEvent {
  id: number;
  type: EventType | 'resync';
  data: Record<string, unknown>;
  ownerId: number | null;
  staffOnly: boolean;
}

export interface EventAudience {
  /** Only this user (and staff) sees it; null = everyone. */
  ownerId?: number | null;
  /** Supervisors and admins only. */
  staffOnly?: boolean;
}

/**
 * Records an event in `tx` (no lock, no NOTIFY: a NOTIFY in the writer's transaction would
 * serialise commits again, PostgreSQL holds its notify-queue lock through COMMIT). The event gets
 * its id once committed and sequenced.
 */
export async function appendEvent(tx: Queryable, type: EventType, data: Record<string, unknown>, audience: EventAudience = {}): Promise<void> {
  await tx.query('INSERT INTO events (type, data, owner_id, staff_only) VALUES ($1, $2::jsonb, $3, $4)', [
    type,
    JSON.stringify(data),
    audience.ownerId ?? null,
    audience.staffOnly ?? false,
  ]);
}

export function isStaff(role: Role): boolean {
  return role === 'admin' || role === 'supervisor';
}

export function visibleTo(e: HubEvent, viewer: { id: number; role: Role }): boolean {
  if (e.type === 'resync' || isStaff(viewer.role)) return true;
  return !e.staffOnly && (e.ownerId === null || e.ownerId === viewer.id);
}

interface EventRow {
  id: number | string;
  type: EventType;
  data: Record<string, unknown>;
  owner_id: number | string | null;
  staff_only: boolean;
}

const PAGE = 500;

function toEvent(r: EventRow): HubEvent {
  return { id: Number(r.id), type: r.type, data: r.data, ownerId: r.owner_id === null ? null : Number(r.owner_id), staffOnly: r.staff_only };
}

/** Sequenced events with afterId < id <= upTo (upTo null = no bound), in id order. */
export async function eventsAfter(db: Queryable, afterId: number, upTo: number | null, limit = PAGE): Promise<HubEvent[]> {
  const r = await db.query<EventRow>(
    `SELECT id, type, data, owner_id, staff_only FROM events
      WHERE id > $1 AND ($2::bigint IS NULL OR id <= $2::bigint) ORDER BY id LIMIT $3`,
    [afterId, upTo, limit],
  );
  return r.rows.map(toEvent);
}

/** Every event with an id at or below this was pruned (0 = nothing pruned yet). */
export async function prunedThrough(db: Queryable): Promise<number> {
  const r = await db.query<{ pruned_through: number | string }>('SELECT pruned_through FROM event_horizon');
  return Number(r.rows[0]?.pruned_through ?? 0);
}

export interface Subscriber {
  viewer: { id: number; role: Role };
  /** Highest id delivered (or skipped as invisible) to this subscriber. */
  lastId: number;
  send(e: HubEvent): void;
}

/**
 * Why a resuming client cannot be given exactly what it missed: the events after its id were
 * pruned, or the id is one this database never handed out (restored or replaced database).
 */
export type ResyncReason = 'events_pruned' | 'unknown_event_id';

/**
 * One per instance: one LISTEN, one cursor over the events table, many local subscribers. All
 * reads run on one promise chain so a resuming subscriber's catch-up and the live feed never
 * interleave (no event is sent twice or skipped).
 */
export class EventFanout {
  private cursor = 0;
  private readonly subscribers = new Set<Subscriber>();
  private chain: Promise<void> = Promise.resolve();
  private pumpQueued = false;
  private stopListening?: () => Promise<void>;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
  ) {}

  async start(): Promise<void> {
    const r = await this.db.query<{ max: number | string | null }>('SELECT max(id) AS max FROM events');
    this.cursor = Number(r.rows[0]?.max ?? 0);
    this.stopListening = await this.db.listen(EVENTS_CHANNEL, () => this.poke());
    // An event sequenced between the max() and LISTEN would have no notification: look once.
    this.poke();
  }

  get size(): number {
    return this.subscribers.size;
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.chain.then(work).catch((err) => this.onError(err));
    this.chain = next;
    return next;
  }

  /** Coalesces a burst of notifications into one read. */
  poke(): void {
    if (this.pumpQueued || this.closed) return;
    this.pumpQueued = true;
    void this.enqueue(async () => {
      this.pumpQueued = false;
      await this.pump();
    });
  }

  private deliver(s: Subscriber, e: HubEvent): void {
    if (e.id <= s.lastId) return;
    s.lastId = e.id;
    if (visibleTo(e, s.viewer)) s.send(e);
  }

  /**
   * Adds a subscriber. With `resumeAfter`, first replays what it missed (id > resumeAfter) from
   * the table; without, it starts at the live edge. When what it missed cannot be replayed
   * exactly (pruned, or an id from the future), it gets one `resync` event carrying the live
   * edge as its id instead: reload the lists, then follow the live feed from there.
   */
  subscribe(viewer: Subscriber['viewer'], send: Subscriber['send'], resumeAfter: number | undefined): { subscriber: Subscriber; ready: Promise<void> } {
    const s: Subscriber = { viewer, lastId: Number.MAX_SAFE_INTEGER, send };
    const ready = this.enqueue(async () => {
      if (resumeAfter !== undefined && resumeAfter > this.cursor) {
        // Not an id this database handed out (yet): the events the client saw are not ours.
        await this.pump();
        if (resumeAfter > this.cursor) return this.resync(s, 'unknown_event_id');
      }
      if (resumeAfter === undefined) {
        s.lastId = this.cursor;
      } else {
        // Known gap: no point replaying the part that is left.
        if (resumeAfter < (await prunedThrough(this.db))) return this.resync(s, 'events_pruned');
        s.lastId = Math.max(0, resumeAfter);
        for (;;) {
          const batch = await eventsAfter(this.db, s.lastId, this.cursor);
          for (const e of batch) this.deliver(s, e);
          if (batch.length < PAGE) break;
        }
        s.lastId = Math.max(s.lastId, this.cursor);
        // Checked again AFTER the replay: a prune that ran during it has moved the horizon past
        // resumeAfter by now (it only grows), so no gap goes unnoticed. A prune after the replay
        // causes a resync that was not strictly needed — harmless.
        if (resumeAfter < (await prunedThrough(this.db))) return this.resync(s, 'events_pruned');
      }
      this.subscribers.add(s);
    });
    return { subscriber: s, ready };
  }

  /** Reads up to the live edge now (inside the chain). */
  private async pump(): Promise<void> {
    for (;;) {
      const batch = await eventsAfter(this.db, this.cursor, null);
      for (const e of batch) {
        this.cursor = e.id;
        for (const sub of this.subscribers) this.deliver(sub, e);
      }
      if (batch.length < PAGE) break;
    }
  }

  private resync(s: Subscriber, reason: ResyncReason): void {
    s.lastId = this.cursor;
    s.send({ id: this.cursor, type: 'resync', data: { reason }, ownerId: null, staffOnly: false });
    this.subscribers.add(s);
  }

  unsubscribe(s: Subscriber): void {
    this.subscribers.delete(s);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
    await this.stopListening?.();
    await this.chain;
  }
}
