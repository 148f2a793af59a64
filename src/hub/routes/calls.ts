/** Placing calls and conferences, the call list (bills joined by session) and the raw bills. */
import type { FastifyInstance } from 'fastify';
import { CONTACT_EXTENSION_MAX } from '../../shared/contact-limits';
import { MAX_CONFERENCE_CALLEES } from '../../shared/limits';
import { placeCall, type PlaceInput } from '../calls';
import { userOf, type HubContext } from '../context';
import { isStaff } from '../events';

const maxDur = { type: 'integer', minimum: 1, maximum: 86_400 } as const;
const number = { type: 'string', minLength: 1, maxLength: 64 } as const;
const extension = { type: 'string', pattern: `^\\d{0,${CONTACT_EXTENSION_MAX}}$` } as const;
const LIST_MAX = 200;

interface CallRow {
  id: number | string;
  kind: 'call' | 'conference';
  session: string | null;
  dispatcher: string;
  caller: string;
  callees: string[];
  max_dur: number | null;
  created_at: Date;
  state: 'sending' | 'done';
  ok: boolean | null;
  code: string | null;
  message: string | null;
  b_status: string | null;
  b_duration: number | null;
  b_started: Date | null;
  b_ended: string | null;
  b_parsed: { legs?: unknown[] } | null;
}

function codeOut(code: string | null): string | number | undefined {
  if (code === null) return undefined;
  return /^\d+$/.test(code) ? Number(code) : code;
}

function toItem(r: CallRow) {
  const result =
    r.state === 'sending'
      ? { ok: false, code: 'sending', message: 'Sent to Yunxin, no answer recorded yet (if the hub stopped meanwhile, the call may have rung).' }
      : r.ok
        ? { ok: true }
        : { ok: false, code: codeOut(r.code), message: r.message ?? '' };
  const bill =
    r.b_parsed === null
      ? null
      : {
          status: r.b_status,
          durationSec: r.b_duration,
          startedAt: r.b_started ? new Date(r.b_started).toISOString() : null,
          endedAt: r.b_ended,
          legs: Array.isArray(r.b_parsed.legs) ? r.b_parsed.legs : [],
        };
  return {
    id: Number(r.id),
    kind: r.kind,
    session: r.session,
    dispatcher: r.dispatcher,
    caller: r.caller,
    callees: r.callees,
    maxDur: r.max_dur,
    createdAt: new Date(r.created_at).toISOString(),
    result,
    bill,
  };
}

export function callRoutes(app: FastifyInstance, ctx: HubContext): void {
  const { db } = ctx;
  // Every role may call (a supervisor or admin needs a phone, like a dispatcher).
  const caller = ctx.requireRole();

  async function place(input: PlaceInput, req: Parameters<typeof userOf>[0], reply: import('fastify').FastifyReply) {
    const { httpStatus, ...result } = await placeCall(ctx, userOf(req), input, req.ip);
    return reply.code(result.ok ? 200 : (httpStatus ?? 400)).send(result);
  }

  app.post<{ Body: { callee: string; maxDur?: number } }>(
    '/api/calls',
    {
      preHandler: caller,
      schema: { body: { type: 'object', required: ['callee'], additionalProperties: false, properties: { callee: number, maxDur } } },
    },
    (req, reply) => place({ kind: 'call', callees: [req.body.callee], maxDur: req.body.maxDur }, req, reply),
  );

  app.post<{ Body: { callees: string[]; extensions?: string[]; maxDur?: number } }>(
    '/api/conferences',
    {
      preHandler: caller,
      schema: {
        body: {
          type: 'object',
          required: ['callees'],
          additionalProperties: false,
          // One more than allowed passes the schema so the shared rule words the refusal.
          properties: {
            callees: { type: 'array', maxItems: MAX_CONFERENCE_CALLEES + 1, items: number },
            // By position in callees, '' for none: two people at one switchboard are two legs.
            extensions: { type: 'array', maxItems: MAX_CONFERENCE_CALLEES + 1, items: extension },
            maxDur,
          },
        },
      },
    },
    (req, reply) =>
      place(
        { kind: 'conference', callees: req.body.callees, ...(req.body.extensions ? { extensions: req.body.extensions } : {}), maxDur: req.body.maxDur },
        req,
        reply,
      ),
  );

  app.get<{ Querystring: { limit?: number; before?: number; mine?: boolean } }>(
    '/api/calls',
    {
      preHandler: ctx.requireRole(),
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: { type: 'integer', minimum: 1, maximum: LIST_MAX }, before: { type: 'integer', minimum: 1 }, mine: { type: 'boolean' } },
        },
      },
    },
    async (req) => {
      const user = userOf(req);
      // Dispatchers see their own calls whatever they ask; staff see everyone's unless mine=true.
      const onlyUser = !isStaff(user.role) || req.query.mine === true ? user.id : null;
      const r = await db.query<CallRow>(
        `SELECT c.id, c.kind, c.session, c.dispatcher, c.caller, c.callees, c.max_dur, c.created_at, c.state, c.ok, c.code, c.message,
                b.status AS b_status, b.duration_sec AS b_duration, b.started_at AS b_started, b.ended_at AS b_ended, b.parsed AS b_parsed
           FROM calls c LEFT JOIN bills b ON b.session = c.session
          WHERE ($1::bigint IS NULL OR c.user_id = $1::bigint) AND ($2::bigint IS NULL OR c.id < $2::bigint)
          ORDER BY c.id DESC LIMIT $3`,
        [onlyUser, req.query.before ?? null, req.query.limit ?? 50],
      );
      return { ok: true, items: r.rows.map(toItem) };
    },
  );

  app.get<{ Querystring: { limit?: number; before?: number; session?: string } }>(
    '/api/bills',
    {
      preHandler: ctx.requireRole('supervisor', 'admin'),
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: LIST_MAX },
            before: { type: 'integer', minimum: 1 },
            session: { type: 'string', minLength: 1, maxLength: 256 },
          },
        },
      },
    },
    async (req) => {
      const r = await db.query<{
        id: number | string;
        session: string;
        kind: string;
        status: string | null;
        duration_sec: number | null;
        parsed: unknown;
        raw: string;
        received_at: Date;
        call_id: number | string | null;
      }>(
        `SELECT b.id, b.session, b.kind, b.status, b.duration_sec, b.parsed, b.raw, b.received_at,
                (SELECT c.id FROM calls c WHERE c.session = b.session ORDER BY c.id LIMIT 1) AS call_id
           FROM bills b
          WHERE ($1::text IS NULL OR b.session = $1::text) AND ($2::bigint IS NULL OR b.id < $2::bigint)
          ORDER BY b.id DESC LIMIT $3`,
        [req.query.session ?? null, req.query.before ?? null, req.query.limit ?? 50],
      );
      return {
        ok: true,
        items: r.rows.map((b) => ({
          id: Number(b.id),
          session: b.session,
          kind: b.kind,
          status: b.status,
          durationSec: b.duration_sec,
          callId: b.call_id === null ? null : Number(b.call_id),
          receivedAt: new Date(b.received_at).toISOString(),
          parsed: b.parsed,
          raw: b.raw,
        })),
      };
    },
  );
}
