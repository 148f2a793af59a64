/**
 * Events for the desks (`call`, `bill`, `directory`). An event is a row in `events`, inserted in
 * the transaction of the change it reports, followed by `pg_notify` (delivered only on commit).
 * Every instance LISTENs and fans the new rows out to its own SSE clients; a client that
 * reconnects with Last-Event-ID reads what it missed from the table.
 *
 * Ids are taken under a transaction-level advisory lock held until commit, so ids become visible
 * in order: a reader that has seen id N will never later find a committed id below N. Callers
 * therefore append the event as the LAST statement of their transaction (the lock is short).
 */
import type { Db, Queryable } from './db/types';
import type { Role } from './auth/tokens';

export const EVENTS_CHANNEL = 'hub_events';
/** "evts" in ASCII; distinct from the migration lock. */
export const EVENTS_LOCK_KEY = 0x65767473;

export type EventType = 'call' | 'bill' | 'directory';

export interface HubEvent {
  id: number;
  type: EventType;
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

/** Takes the event-order lock; directory changes call it before allocating their revision. */
export async function lockEventOrder(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [EVENTS_LOCK_KEY]);
}

export async function appendEvent(tx: Queryable, type: EventType, data: Record<string, unknown>, audience: EventAudience = {}): Promise<number> {
  await lockEventOrder(tx);
  const r = await tx.query<{ id: number | string }>('INSERT INTO events (type, data, owner_id, staff_only) VALUES ($1, $2::jsonb, $3, $4) RETURNING id', [
    type,
    JSON.stringify(data),
    audience.ownerId ?? null,
    audience.staffOnly ?? false,
  ]);
  const id = Number(r.rows[0].id);
  await tx.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, String(id)]);
  return id;
}

export function isStaff(role: Role): boolean {
  return role === 'admin' || role === 'supervisor';
}

export function visibleTo(e: HubEvent, viewer: { id: number; role: Role }): boolean {
  if (isStaff(viewer.role)) return true;
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

export async function eventsAfter(db: Queryable, afterId: number, upTo: number | null, limit = PAGE): Promise<HubEvent[]> {
  const r = await db.query<EventRow>(
    `SELECT id, type, data, owner_id, staff_only FROM events
      WHERE id > $1 AND ($2::bigint IS NULL OR id <= $2::bigint) ORDER BY id LIMIT $3`,
    [afterId, upTo, limit],
  );
  return r.rows.map(toEvent);
}

export interface Subscriber {
  viewer: { id: number; role: Role };
  /** Highest id delivered (or skipped as invisible) to this subscriber. */
  lastId: number;
  send(e: HubEvent): void;
}

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
    // An event committed between the max() and LISTEN would have no notification: look once.
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
      for (;;) {
        const batch = await eventsAfter(this.db, this.cursor, null);
        for (const e of batch) {
          this.cursor = e.id;
          for (const s of this.subscribers) this.deliver(s, e);
        }
        if (batch.length < PAGE) break;
      }
    });
  }

  private deliver(s: Subscriber, e: HubEvent): void {
    if (e.id <= s.lastId) return;
    s.lastId = e.id;
    if (visibleTo(e, s.viewer)) s.send(e);
  }

  /**
   * Adds a subscriber. With `resumeAfter`, first replays what it missed (id > resumeAfter) from
   * the table; without, it starts at the live edge.
   */
  subscribe(viewer: Subscriber['viewer'], send: Subscriber['send'], resumeAfter: number | undefined): { subscriber: Subscriber; ready: Promise<void> } {
    const s: Subscriber = { viewer, lastId: Number.MAX_SAFE_INTEGER, send };
    const ready = this.enqueue(async () => {
      if (resumeAfter === undefined) {
        s.lastId = this.cursor;
      } else {
        s.lastId = Math.max(0, resumeAfter);
        for (;;) {
          const batch = await eventsAfter(this.db, s.lastId, this.cursor);
          for (const e of batch) this.deliver(s, e);
          if (batch.length < PAGE) break;
        }
        s.lastId = Math.max(s.lastId, this.cursor);
      }
      this.subscribers.add(s);
    });
    return { subscriber: s, ready };
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
