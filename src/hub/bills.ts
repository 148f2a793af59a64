/**
 * Storing an end-of-call bill: one row per session (deliveries are at-least-once, so the same
 * bill again changes nothing), the raw body kept next to the parsed fields, and a `bill` event
 * for the desks in the same statement.
 */
import { createHash } from 'node:crypto';
import type { CallbackBill } from '../yunxin';
import type { Queryable } from './db/types';

/** "yyyy-MM-dd HH:mm:ss" in Beijing time (as the bill writes endTime) → ISO, or undefined. */
export function beijingToIso(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export interface BillLeg {
  number: string | null;
  hangCause: string | null;
  endedAt: string | null;
}

/** Legs of a single call, or the members of a conference (doubly encoded in the bill). */
export function legsOf(bill: CallbackBill): BillLeg[] {
  const legs =
    bill.legs.length > 0
      ? bill.legs.map((l) => ({ endpoint: l.endpoint, hangCause: l.hangCause, endTime: l.endTime }))
      : bill.members.map((m) => ({
          endpoint: typeof m.endpoint === 'string' ? m.endpoint : undefined,
          hangCause: typeof m.hangCause === 'string' ? m.hangCause : undefined,
          endTime: typeof m.endTime === 'string' ? m.endTime : undefined,
        }));
  return legs.map((l) => ({ number: l.endpoint ?? null, hangCause: l.hangCause ?? null, endedAt: beijingToIso(l.endTime) ?? null }));
}

export function endedAtOf(legs: BillLeg[]): string | null {
  const times = legs
    .map((l) => l.endedAt)
    .filter((t): t is string => t !== null)
    .sort();
  return times.length > 0 ? times[times.length - 1] : null;
}

export interface StoredBill {
  id: number;
  duplicate: boolean;
  callId: number | null;
}

/** One bill as it goes into the database: the verified raw body and its md5. */
export interface BillInput {
  bill: CallbackBill;
  raw: Buffer;
  /** md5 of `raw` in lower-case hex (the verified MD5 header); computed when absent. */
  rawMd5?: string;
}

/** The column values of one bill, in the order of the bills table's insert. May throw (a start time no Date can hold). */
function billRow({ bill, raw, rawMd5 }: BillInput): [string, string, string | null, number | null, string | null, string | null, string, string, string] {
  const legs = legsOf(bill);
  const parsed = {
    type: bill.type,
    status: bill.status ?? null,
    durationSec: bill.durationSec ?? null,
    caller: bill.caller ?? null,
    callee: bill.callee ?? null,
    initAccount: bill.initAccount ?? null,
    createtime: bill.createtime ?? null,
    starttime: bill.starttime ?? null,
    legs,
    bill: bill.raw,
  };
  const startedAt = bill.starttime !== undefined ? new Date(bill.starttime).toISOString() : null;
  return [
    bill.session,
    bill.type === 'conf' ? 'conference' : 'call',
    bill.status ?? null,
    bill.durationSec ?? null,
    startedAt,
    endedAtOf(legs),
    JSON.stringify(parsed),
    raw.toString('utf8'),
    rawMd5 ?? createHash('md5').update(raw).digest('hex'),
  ];
}

/**
 * Stores a bill and its `bill` event in ONE statement, so it commits on its own (no BEGIN/COMMIT
 * round trips). The caller pokes the event sequencer after it returns: the row is committed by
 * then. The callback route goes through BillWriter (bill-writer.ts), which stores concurrent bills
 * with `storeBills` and falls back to this one bill at a time when a batch fails.
 */
export async function storeBill(db: Queryable, input: BillInput): Promise<StoredBill> {
  // A bill that matches no call (placed elsewhere with the same account, or ahead of its call row)
  // is for supervisors only; a matched one also goes to the dispatcher who placed the call.
  // Data-modifying CTEs run exactly once whether or not the final SELECT reads them.
  const r = await db.query<{ bill_id: number | string; call_id: number | string | null }>(
    `WITH stored AS (
       INSERT INTO bills (session, kind, status, duration_sec, started_at, ended_at, parsed, raw, raw_md5)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)
       ON CONFLICT (session) DO NOTHING RETURNING id
     ), matched AS (
       SELECT id, user_id FROM calls WHERE session = $1 ORDER BY id LIMIT 1
     ), event AS (
       INSERT INTO events (type, data, owner_id, staff_only)
       SELECT 'bill',
              jsonb_build_object('billId', stored.id, 'session', $1::text, 'callId', matched.id, 'status', $3::text, 'durationSec', $4::integer),
              matched.user_id, matched.id IS NULL
         FROM stored LEFT JOIN matched ON true
     )
     SELECT stored.id AS bill_id, matched.id AS call_id FROM stored LEFT JOIN matched ON true`,
    billRow(input),
  );
  const row = r.rows[0];
  if (!row) {
    const existing = await db.query<{ id: number | string }>('SELECT id FROM bills WHERE session = $1', [input.bill.session]);
    return { id: Number(existing.rows[0]?.id ?? 0), duplicate: true, callId: null };
  }
  return { id: Number(row.bill_id), duplicate: false, callId: row.call_id === null ? null : Number(row.call_id) };
}

/**
 * Stores several bills (distinct sessions) and their events in ONE statement, i.e. one commit and
 * one WAL flush for all of them (group commit). Same rows and events as `storeBill` one by one; a
 * session already stored is a duplicate. All or nothing: when the statement fails, no bill of the
 * batch is stored. Results in the order of `inputs`.
 */
export async function storeBills(db: Queryable, inputs: readonly BillInput[]): Promise<StoredBill[]> {
  const rows = inputs.map(billRow);
  // One VALUES row of placeholders per bill ($1…$9, $10…$18, …): every value still goes in as a
  // parameter, none is escaped into the text. The events go in bill id order, so their `seq` (and
  // later their public ids) follow the bills.
  const values = rows.map((_, r) => `(${Array.from({ length: 9 }, (_c, c) => `$${r * 9 + c + 1}`).join(', ')})`).join(',\n       ');
  const r = await db.query<{ session: string; bill_id: number | string; call_id: number | string | null }>(
    `WITH input (session, kind, status, duration_sec, started_at, ended_at, parsed, raw, raw_md5) AS (
       VALUES ${values}
     ), stored AS (
       INSERT INTO bills (session, kind, status, duration_sec, started_at, ended_at, parsed, raw, raw_md5)
       SELECT session::text, kind::text, status::text, duration_sec::integer, started_at::timestamptz, ended_at::text, parsed::jsonb, raw::text, raw_md5::text
         FROM input
       ON CONFLICT (session) DO NOTHING RETURNING id, session, status, duration_sec
     ), matched AS (
       SELECT DISTINCT ON (session) session, id, user_id FROM calls
        WHERE session IN (SELECT session FROM stored) ORDER BY session, id
     ), event AS (
       INSERT INTO events (type, data, owner_id, staff_only)
       SELECT 'bill',
              jsonb_build_object('billId', stored.id, 'session', stored.session, 'callId', matched.id, 'status', stored.status, 'durationSec', stored.duration_sec),
              matched.user_id, matched.id IS NULL
         FROM stored LEFT JOIN matched ON matched.session = stored.session ORDER BY stored.id
     )
     SELECT stored.session, stored.id AS bill_id, matched.id AS call_id FROM stored LEFT JOIN matched ON matched.session = stored.session`,
    rows.flat(),
  );
  const inserted = new Map(r.rows.map((row) => [row.session, row]));
  const duplicates = inputs.filter((i) => !inserted.has(i.bill.session)).map((i) => i.bill.session);
  const existing = new Map<string, number>();
  if (duplicates.length > 0) {
    // Rare (a redelivery): the ids of rows stored earlier, read after this statement committed.
    const d = await db.query<{ id: number | string; session: string }>('SELECT id, session FROM bills WHERE session = ANY($1::text[])', [duplicates]);
    for (const row of d.rows) existing.set(row.session, Number(row.id));
  }
  return inputs.map((i) => {
    const row = inserted.get(i.bill.session);
    if (!row) return { id: existing.get(i.bill.session) ?? 0, duplicate: true, callId: null };
    return { id: Number(row.bill_id), duplicate: false, callId: row.call_id === null ? null : Number(row.call_id) };
  });
}
