/**
 * Gives committed events their public ids (see events.ts for why not at insert time).
 *
 * One batch = one short transaction: take the sequencer lock (an advisory lock held until COMMIT,
 * so batches of all instances run one at a time), number every committed row that has no id yet
 * from events_id_seq in `seq` order, NOTIFY the highest id, COMMIT. Because batches commit one
 * after another and each takes its ids after the previous one committed, ids become visible in
 * increasing order: a reader that has seen id N will never later find a committed id below N. A
 * writer that commits late (a lower `seq`, committed after higher ones were numbered) simply gets
 * a higher id in a later batch. Writers never wait for this lock; only sequencer batches do, and
 * one batch numbers everything committed meanwhile, so its fsync is shared by the whole burst.
 *
 * Triggers: `poke()` after a writer's COMMIT (coalesced: a burst becomes one or two batches), and
 * a sweep every `sweepMs` that numbers rows whose writer died between COMMIT and poke, or that
 * another instance left behind.
 */
import type { Db } from './db/types';
import { EVENTS_CHANNEL } from './events';

/** "seqr" in ASCII; distinct from the migration lock. */
export const SEQUENCER_LOCK_KEY = 0x73657172;
const BATCH = 5_000;

/** Numbers up to `limit` committed, unnumbered events; returns how many. */
export async function sequenceEvents(db: Db, limit = BATCH): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEQUENCER_LOCK_KEY]);
    // READ COMMITTED: this statement's snapshot is taken after the lock, so it sees every batch
    // committed before it. The inner ORDER BY … LIMIT is not flattened, so nextval runs in seq order.
    // The NOTIFY is part of the same statement (one round trip less per batch); inside the
    // batch's transaction it is delivered on COMMIT, never before the ids are visible.
    const r = await tx.query<{ n: number | string }>(
      `WITH numbered AS (
         UPDATE events e SET id = p.pos
           FROM (SELECT seq, nextval('events_id_seq') AS pos
                   FROM (SELECT seq FROM events WHERE id IS NULL ORDER BY seq LIMIT $1) pending) p
          WHERE e.seq = p.seq
         RETURNING e.id),
       top AS (SELECT max(id) AS max, count(*) AS n FROM numbered)
       SELECT n, CASE WHEN n > 0 THEN pg_notify($2, max::text) END AS notified FROM top`,
      [limit, EVENTS_CHANNEL],
    );
    return Number(r.rows[0]?.n ?? 0);
  });
}

export class EventSequencer {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
    private readonly sweepMs = 1_000,
    /** Called after a batch that numbered events committed (this instance's fan-out reads them without waiting for the NOTIFY). */
    private readonly onSequenced: () => void = () => {},
  ) {}

  /** Numbers anything left from before this start, then sweeps periodically. */
  start(): void {
    this.poke();
    if (this.sweepMs > 0) {
      this.timer = setInterval(() => void this.sweep(), this.sweepMs);
      this.timer.unref();
    }
  }

  /** Call after a transaction that appended events has committed. */
  poke(): void {
    if (this.closed) return;
    if (this.running) {
      // A batch is under way and may have taken its snapshot before that commit: run once more.
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        // A full batch means more may be waiting.
        for (;;) {
          const n = await sequenceEvents(this.db);
          if (n > 0) this.onSequenced();
          if (n < BATCH || this.closed) break;
        }
      } catch (err) {
        if (!this.closed) this.onError(err);
      }
    } while (this.again && !this.closed);
  }

  /** Cheap check first: an idle hub should not open a write transaction every second. */
  private async sweep(): Promise<void> {
    if (this.running || this.closed) return;
    try {
      const r = await this.db.query('SELECT 1 FROM events WHERE id IS NULL LIMIT 1');
      if (r.rows.length > 0) this.poke();
    } catch (err) {
      if (!this.closed) this.onError(err);
    }
  }

  /** Resolves when every poke so far has been served (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Finishes the batches already asked for (so a clean stop leaves nothing unnumbered), then stops. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.idle();
    this.closed = true;
  }
}
