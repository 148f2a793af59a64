/**
 * POST /yunxin/callback — Yunxin's end-of-call bill (抄送, eventType 10). The only unauthenticated
 * write, so it is protected by the signature over the RAW body bytes (src/yunxin/callback.ts),
 * a CurTime window (config.callbackWindowMs either way of the hub's clock; CurTime is in ms
 * here) and a body cap (1 MiB). A 200 is sent only after the bill's row is committed; the same
 * bill again gets a 200 and is stored once. A rejection stores no bill: it gets a 4xx, a counter,
 * a log line and an audit row — none of which carry the body (it holds phone numbers).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkCallback, parseCallbackBill } from '../../yunxin';
import { appendAudit } from '../audit';
import type { HubContext } from '../context';

type Reason = 'bad_signature' | 'stale_time' | 'unparsable' | 'too_large' | 'bad_request' | 'not_configured';

const STATUS: Record<Reason, number> = {
  bad_signature: 401,
  stale_time: 401,
  unparsable: 400,
  too_large: 413,
  bad_request: 400,
  // Not a 4xx: the bill is fine, the hub is not ready; Yunxin may deliver it again later.
  not_configured: 503,
};

export const CALLBACK_PATH = '/yunxin/callback';

export function callbackRoutes(app: FastifyInstance, ctx: HubContext): void {
  async function reject(req: FastifyRequest, reply: FastifyReply, reason: Reason, bytes: number): Promise<FastifyReply> {
    ctx.metrics.billsRejected.inc({ reason });
    ctx.log.warn({ reason, bytes, address: req.ip }, 'callback rejected');
    try {
      await ctx.db.transaction((tx) => appendAudit(tx, { actor: 'yunxin', action: 'callback.rejected', detail: { reason, bytes }, address: req.ip }));
    } catch (err) {
      ctx.log.error({ err }, 'could not audit a rejected callback');
    }
    return reply.code(STATUS[reason]).send({ ok: false, code: reason, message: `callback rejected: ${reason}` });
  }

  void app.register(async (scope) => {
    // The signature covers the exact bytes: keep them as a Buffer, whatever the Content-Type says.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ctx.config.callbackBodyLimit }, (_req, body, done) => done(null, body));
    scope.setErrorHandler(async (err: { statusCode?: number; code?: string }, req, reply) => {
      const tooLarge = err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
      const declared = Number(req.headers['content-length'] ?? 0);
      if (!tooLarge && (err.statusCode ?? 500) >= 500) ctx.log.error({ err }, 'callback failed');
      if (!tooLarge && (err.statusCode ?? 500) >= 500) return reply.code(500).send({ ok: false, code: 'internal', message: 'internal error' });
      return reject(req, reply, tooLarge ? 'too_large' : 'bad_request', Number.isFinite(declared) ? declared : 0);
    });

    scope.post(
      CALLBACK_PATH,
      {
        config: { rateLimit: false },
        schema: {
          headers: {
            type: 'object',
            properties: { curtime: { type: 'string' }, md5: { type: 'string' }, checksum: { type: 'string' } },
          },
          response: {
            200: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' }, duplicate: { type: 'boolean' }, session: { type: 'string' } } },
          },
        },
      },
      async (req, reply) => {
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const secret = await ctx.yunxin.callbackSecret();
        if (!secret) return reject(req, reply, 'not_configured', raw.length);
        // The shared rules (src/yunxin/callback.ts), on the hub's clock and limits: size before hashing,
        // then the CurTime window (a stale bill is reported as stale), then the signature.
        const verdict = checkCallback({
          appSecret: secret,
          headers: req.headers,
          rawBody: raw,
          now: ctx.now(),
          windowMs: ctx.config.callbackWindowMs,
          maxBodyBytes: ctx.config.callbackBodyLimit,
        });
        if (!verdict.ok) {
          const reason = verdict.reason === 'stale' ? 'stale_time' : verdict.reason === 'too_large' ? 'too_large' : 'bad_signature';
          return reject(req, reply, reason, raw.length);
        }
        const parsed = parseCallbackBill(raw);
        if (!parsed.ok) return reject(req, reply, 'unparsable', raw.length);
        // checkCallback proved the MD5 header is md5(raw): store it instead of hashing the bill again.
        const md5 = String(req.headers.md5).trim().toLowerCase();
        // Resolves once the batch holding this bill committed: only now may Yunxin hear 200. The
        // writer pokes the event sequencer, so the bill's event gets its id next.
        const stored = await ctx.bills.store({ bill: parsed.bill, raw, rawMd5: /^[0-9a-f]{32}$/.test(md5) ? md5 : undefined });
        ctx.metrics.billsAccepted.inc({ duplicate: String(stored.duplicate) });
        return { ok: true, duplicate: stored.duplicate, session: parsed.bill.session };
      },
    );
  });
}
