/**
 * Group commit for end-of-call bills. Yunxin may deliver many bills at once (the end of a shift,
 * a redelivery burst); storing each in its own statement costs a commit, a WAL flush and a round
 * trip per bill, on the hub and on the database. Instead, bills that arrive while a batch is being
 * written wait for the next batch, and each batch is ONE statement (`storeBills`): one commit, one
 * flush, for up to `maxBatch` bills.
 *
 * Durability is unchanged: `store()` resolves only after the statement holding its bill returned,
 * i.e. after COMMIT (autocommit), so the route still answers 200 only for a committed bill.
 *
 * Isolation is unchanged too: when a batch fails (one bill's value the database refuses, a lost
 * connection), each bill of it is stored again on its own, so a bad bill fails alone and every
 * other one gets the answer it would have got without batching.
 *
 * The same session twice in one batch is written once; the later copy is answered as the
 * duplicate it is once the first one is committed.
 */
import { storeBill, storeBills, type BillInput, type StoredBill } from './bills';
import type { Queryable } from './db/types';

interface Pending {
  input: BillInput;
  resolve(stored: StoredBill): void;
  reject(err: unknown): void;
}

export interface BillWriterOptions {
  /** Most bills per statement (default 200; bills are a few kB each). */
  maxBatch?: number;
  /**
   * Most raw bytes per statement (default 4 MiB; a bill over it still goes, alone): a burst of
   * large bills must not become one statement of hundreds of megabytes.
   */
  maxBatchBytes?: number;
  /**
   * Batches written at the same time (default 2): while one waits for its WAL flush the next is
   * already being filled and sent. Each holds one database connection.
   */
  maxInFlight?: number;
}

export class BillWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxBatchBytes: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly db: Queryable,
    /** Called after a batch that stored at least one new bill committed (pokes the event sequencer). */
    private readonly onStored: () => void,
    options: BillWriterOptions = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 200);
    this.maxBatchBytes = Math.max(1, options.maxBatchBytes ?? 4 * 1024 * 1024);
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 2);
  }

  /** Stores one bill; resolves once it is committed (or was already stored). */
  store(input: BillInput): Promise<StoredBill> {
    return new Promise<StoredBill>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    // One turn of the event loop: every request parsed in the same I/O phase joins this batch.
    setImmediate(() => {
      this.scheduled = false;
      if (this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
      const batch = this.queue.splice(0, this.batchLength());
      this.inFlight++;
      this.write(batch)
        // A bug in here must not leave senders waiting forever (settled ones ignore this).
        .catch((err: unknown) => batch.forEach((p) => p.reject(err)))
        .finally(() => {
          this.inFlight--;
          this.schedule();
        });
      // What is still queued, or arrives in the next turn, goes in a second batch while this one
      // waits for its commit (up to maxInFlight).
      this.schedule();
    });
  }

  /** How many queued bills the next batch takes: at least one, at most maxBatch and maxBatchBytes. */
  private batchLength(): number {
    let bytes = this.queue[0]!.input.raw.length;
    let n = 1;
    while (n < this.queue.length && n < this.maxBatch) {
      bytes += this.queue[n]!.input.raw.length;
      if (bytes > this.maxBatchBytes) break;
      n++;
    }
    return n;
  }

  private async write(batch: Pending[]): Promise<void> {
    // The first copy of a session is written; later copies in the same batch follow it.
    const leaders = new Map<string, Pending>();
    const followers: Pending[] = [];
    for (const p of batch) {
      if (leaders.has(p.input.bill.session)) followers.push(p);
      else leaders.set(p.input.bill.session, p);
    }
    const firsts = [...leaders.values()];
    let results: Array<{ ok: true; stored: StoredBill } | { ok: false; err: unknown }>;
    try {
      const stored = await storeBills(
        this.db,
        firsts.map((p) => p.input),
      );
      results = stored.map((s) => ({ ok: true, stored: s }));
    } catch (err) {
      if (firsts.length === 1) {
        results = [{ ok: false, err }];
      } else {
        // Nothing of the batch was stored (one statement): each bill again on its own.
        results = await Promise.all(
          firsts.map((p) =>
            storeBill(this.db, p.input).then(
              (stored) => ({ ok: true as const, stored }),
              (e: unknown) => ({ ok: false as const, err: e }),
            ),
          ),
        );
      }
    }
    if (results.some((r) => r.ok && !r.stored.duplicate)) this.onStored();
    firsts.forEach((p, i) => {
      const r = results[i]!;
      if (r.ok) p.resolve(r.stored);
      else p.reject(r.err);
    });
    for (const p of followers) {
      const r = results[firsts.indexOf(leaders.get(p.input.bill.session)!)]!;
      if (r.ok) p.resolve({ id: r.stored.id, duplicate: true, callId: null });
      else p.reject(r.err);
    }
  }
}
