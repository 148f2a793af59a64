/**
 * The Yunxin account settings an admin may change (production mode): the AppSecret (sealed with
 * AES-256-GCM before it touches the database) and callerAcc. No route ever returns the secret;
 * GET says only whether one is set and where it comes from.
 */
import type { FastifyInstance } from 'fastify';
import { msg } from '../../shared/i18n';
import { validateCallerAcc } from '../../shared/validation';
import { appendAudit } from '../audit';
import { fail, userOf, type HubContext } from '../context';
import { seal } from '../secret-box';
import { YUNXIN_SETTINGS_KEY, type StoredYunxinSettings } from '../yunxin-access';

export function settingsRoutes(app: FastifyInstance, ctx: HubContext): void {
  const admin = ctx.requireRole('admin');

  app.get('/api/settings/yunxin', { preHandler: admin, schema: { querystring: { type: 'object', additionalProperties: false, properties: {} } } }, async () => {
    const r = await ctx.db.query<{ value: StoredYunxinSettings }>('SELECT value FROM settings WHERE key = $1', [YUNXIN_SETTINGS_KEY]);
    const stored = r.rows[0]?.value ?? {};
    const env = ctx.config.yunxin;
    return {
      ok: true,
      mode: ctx.config.mode,
      appKey: env ? `${env.appKey.slice(0, 4)}…${env.appKey.slice(-4)}` : null,
      baseUrl: env?.baseUrl ?? null,
      callerAcc: env?.callerAcc ?? stored.callerAcc ?? null,
      secretSource: env?.appSecret ? 'environment' : stored.secret ? 'stored' : 'none',
      callbackUrl: ctx.config.publicUrl ? `${ctx.config.publicUrl}/yunxin/callback` : null,
    };
  });

  app.put<{ Body: { appSecret?: string; callerAcc?: string } }>(
    '/api/settings/yunxin',
    {
      preHandler: admin,
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: { appSecret: { type: 'string', minLength: 1, maxLength: 128 }, callerAcc: { type: 'string', maxLength: 64 } },
        },
      },
    },
    async (req, reply) => {
      const user = userOf(req);
      if (ctx.config.mode !== 'production') return fail(reply, 409, 'sandbox', msg('hub.settings.sandbox'));
      if (req.body.appSecret !== undefined && !ctx.config.secretKey) {
        return fail(reply, 503, 'no_secret_key', msg('hub.settings.noSecretKey'));
      }
      if (req.body.callerAcc !== undefined) {
        const problem = validateCallerAcc(req.body.callerAcc);
        if (problem) return reply.code(400).send(problem);
      }
      await ctx.db.transaction(async (tx) => {
        const r = await tx.query<{ value: StoredYunxinSettings }>('SELECT value FROM settings WHERE key = $1 FOR UPDATE', [YUNXIN_SETTINGS_KEY]);
        const next: StoredYunxinSettings = { ...(r.rows[0]?.value ?? {}) };
        if (req.body.callerAcc !== undefined) next.callerAcc = req.body.callerAcc;
        if (req.body.appSecret !== undefined && ctx.config.secretKey) next.secret = seal(ctx.config.secretKey, req.body.appSecret);
        await tx.query(
          `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb)
           ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
          [YUNXIN_SETTINGS_KEY, JSON.stringify(next)],
        );
        const changed = Object.keys(req.body);
        await appendAudit(tx, { actor: user.username, action: 'settings.yunxin', detail: { changed }, address: req.ip });
      });
      ctx.yunxin.forget();
      return { ok: true };
    },
  );
}
