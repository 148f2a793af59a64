/**
 * GET /api/events — Server-Sent Events. Each event has an `id:` line (the events table id); a
 * client reconnecting with `Last-Event-ID` (header, or `?lastEventId=` for clients that cannot set
 * headers) first receives every visible event it missed, then the live feed. When what it missed
 * cannot be replayed (pruned after HUB_EVENT_RETENTION_HOURS, or an id this database never gave)
 * it receives one `resync` event instead (`data.reason`: `events_pruned` | `unknown_event_id`;
 * its id is the live edge): reload the lists, then keep following the stream. A heartbeat comment
 * keeps proxies from closing an idle stream and re-checks the token, so a logged-out or disabled
 * user's stream ends within one heartbeat.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { userForToken } from '../auth/tokens';
import { userOf, type HubContext } from '../context';
import { formatSseFrame } from '../../shared/sse-frames';
import type { HubEvent } from '../events';

export const HEARTBEAT_MS = 20_000;

/** Each event is formatted once, however many streams it goes to (200 desks: 1 stringify, not 200). */
const frames = new WeakMap<HubEvent, string>();
function frameOf(e: HubEvent): string {
  let frame = frames.get(e);
  if (frame === undefined) {
    frame = formatSseFrame({ id: e.id, event: e.type, data: JSON.stringify({ id: e.id, type: e.type, ...e.data }) });
    frames.set(e, frame);
  }
  return frame;
}

function resumeId(header: string | string[] | undefined, query: string | undefined): number | undefined {
  const raw = (Array.isArray(header) ? header[0] : header) ?? query;
  if (raw === undefined || !/^\d{1,15}$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

export function eventRoutes(app: FastifyInstance, ctx: HubContext, options: { heartbeatMs?: number } = {}): void {
  // A stream never ends by itself, and server.close() waits for every open response: without
  // this a client that does not hang up holds the hub's shutdown forever. Ending the streams
  // first is also what a restart wants — clients reconnect with Last-Event-ID and miss nothing.
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get<{ Querystring: { lastEventId?: string } }>(
    '/api/events',
    {
      preHandler: ctx.requireRole(),
      config: { rateLimit: false },
      schema: { querystring: { type: 'object', additionalProperties: false, properties: { lastEventId: { type: 'string', maxLength: 20 } } } },
    },
    async (req, reply) => {
      const user = userOf(req);
      const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        // nginx: do not buffer the stream.
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 3000\n\n');

      const send = (e: HubEvent) => {
        res.write(frameOf(e));
      };
      const { subscriber, ready } = ctx.fanout.subscribe({ id: user.id, role: user.role }, send, resumeId(req.headers['last-event-id'], req.query.lastEventId));
      ctx.metrics.sseClients.inc();

      let closed = false;
      const heartbeat = setInterval(() => {
        void userForToken(ctx.db, token)
          .then((still) => {
            if (!still) res.end();
            else res.write(': keep-alive\n\n');
          })
          .catch(() => undefined);
      }, options.heartbeatMs ?? HEARTBEAT_MS);
      const cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        ctx.fanout.unsubscribe(subscriber);
        ctx.metrics.sseClients.dec();
      };
      open.add(res);
      res.on('close', () => {
        open.delete(res);
        cleanup();
      });
      await ready;
      // Tells tests and clients the catch-up is done and the live feed follows.
      if (!closed) res.write(': ready\n\n');
    },
  );
}
