import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../context';

const health = {
  type: 'object',
  required: ['ok', 'db', 'mode'],
  properties: { ok: { type: 'boolean' }, db: { type: 'string' }, mode: { type: 'string' } },
} as const;

export function healthRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: {
        response: {
          '2xx': health,
          503: health,
        },
      },
    },
    async (_req, reply) => {
      // A hub that cannot reach its database is not healthy: the load balancer should skip it.
      try {
        await ctx.db.query('SELECT 1');
      } catch {
        return reply.code(503).send({ ok: false, db: ctx.db.kind, mode: ctx.config.mode });
      }
      return { ok: true, db: ctx.db.kind, mode: ctx.config.mode };
    },
  );
}
