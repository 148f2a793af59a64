/** GET /api/audit — read-only. There is deliberately no route that updates or deletes audit rows. */
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../context';

export function auditRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get<{ Querystring: { limit?: number; before?: number; action?: string } }>(
    '/api/audit',
    {
      preHandler: ctx.requireRole('supervisor', 'admin'),
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 500 },
            before: { type: 'integer', minimum: 1 },
            action: { type: 'string', maxLength: 64 },
          },
        },
      },
    },
    async (req) => {
      const r = await ctx.db.query<{
        id: number | string;
        at: Date;
        actor: string;
        action: string;
        target: string | null;
        detail: unknown;
        address: string | null;
      }>(
        `SELECT id, at, actor, action, target, detail, address FROM audit
          WHERE ($1::bigint IS NULL OR id < $1::bigint) AND ($2::text IS NULL OR action = $2::text)
          ORDER BY id DESC LIMIT $3`,
        [req.query.before ?? null, req.query.action ?? null, req.query.limit ?? 100],
      );
      return {
        ok: true,
        items: r.rows.map((a) => ({
          id: Number(a.id),
          at: new Date(a.at).toISOString(),
          actor: a.actor,
          action: a.action,
          target: a.target,
          detail: a.detail,
          address: a.address,
        })),
      };
    },
  );
}
