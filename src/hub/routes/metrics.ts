/**
 * GET /metrics — Prometheus text. Unauthenticated like most scrape targets; it holds counts only
 * (no names, numbers or secrets). Restrict it at the reverse proxy when the hub faces the internet.
 */
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../context';

export function metricsRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/metrics', { config: { rateLimit: false }, schema: { response: { 200: { type: 'string' } } } }, async (_req, reply) => {
    ctx.metrics.sseClients.set(ctx.fanout.size);
    reply.header('Content-Type', ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
}
