/** Sign-in, sign-out, the current user, and user administration (admin only). */
import type { FastifyInstance } from 'fastify';
import { msg } from '../../shared/i18n';
import { appendEvent } from '../events';
import { appendAudit } from '../audit';
import { dummyPasswordHash, hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from '../auth/passwords';
import { clearUserFailures, recordFailure, throttledFor } from '../auth/throttle';
import { issueToken, revokeAllTokens, revokeToken, ROLES, type Role } from '../auth/tokens';
import { fail, userOf, type HubContext } from '../context';
import { canonicalUsername, checkUserFields, type DbUserRow, findUser, listUsers, toUser, USERNAME_PATTERN } from '../users';

const userSchema = {
  type: 'object',
  required: ['username', 'role', 'phone'],
  properties: {
    username: { type: 'string' },
    role: { type: 'string' },
    phone: { type: 'string' },
    disabled: { type: 'boolean' },
    createdAt: { type: 'string' },
  },
} as const;

const okSchema = { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } } as const;

export function authRoutes(app: FastifyInstance, ctx: HubContext): void {
  const { db } = ctx;

  app.post<{ Body: { username: string; password: string } }>(
    '/api/login',
    {
      // Per-address request cap on top of the per-user/per-address failure throttle below.
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: PASSWORD_MAX } },
        },
        response: {
          200: {
            type: 'object',
            required: ['ok', 'token', 'user'],
            properties: {
              ok: { type: 'boolean' },
              token: { type: 'string' },
              expiresAt: { type: 'string' },
              user: { type: 'object', properties: { username: { type: 'string' }, role: { type: 'string' }, phone: { type: 'string' } } },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const username = canonicalUsername(req.body.username);
      const address = req.ip;
      const wait = await throttledFor(db, username, address);
      if (wait > 0) {
        reply.header('Retry-After', String(wait));
        return fail(reply, 429, 'throttled', msg('hub.login.throttled', { seconds: wait }), { retryAfterSeconds: wait });
      }
      const user = await findUser(db, username);
      // A missing user costs one scrypt too, so response time does not reveal which names exist.
      const ok = await verifyPassword(req.body.password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !ok || user.disabled) {
        await db.transaction(async (tx) => {
          await recordFailure(tx, username, address);
          await appendAudit(tx, {
            actor: username,
            action: 'login.failed',
            address,
            detail: { reason: !user ? 'unknown_user' : user.disabled ? 'disabled' : 'bad_password' },
          });
        });
        // Only someone who knows the password learns that the account is disabled: they can act on it.
        if (user && ok && user.disabled) return fail(reply, 403, 'disabled', msg('hub.login.disabled'));
        return fail(reply, 401, 'unauthorized', msg('hub.login.failed'));
      }
      const issued = await db.transaction(async (tx) => {
        await clearUserFailures(tx, username);
        const t = await issueToken(tx, user.id, ctx.config.tokenTtlMs);
        await appendAudit(tx, { actor: user.username, action: 'login', address });
        return t;
      });
      return {
        ok: true,
        token: issued.token,
        expiresAt: issued.expiresAt.toISOString(),
        user: { username: user.username, role: user.role, phone: user.phone },
      };
    },
  );

  app.post('/api/logout', { preHandler: ctx.requireRole(), schema: { response: { 200: okSchema } } }, async (req) => {
    const user = userOf(req);
    await db.transaction(async (tx) => {
      await revokeToken(tx, user.tokenHash);
      await appendAudit(tx, { actor: user.username, action: 'logout', address: req.ip });
    });
    return { ok: true };
  });

  app.get(
    '/api/me',
    {
      preHandler: ctx.requireRole(),
      schema: {
        response: {
          200: {
            type: 'object',
            required: ['ok', 'user'],
            properties: {
              ok: { type: 'boolean' },
              user: { type: 'object', properties: { username: { type: 'string' }, role: { type: 'string' }, phone: { type: 'string' } } },
              mode: { type: 'string' },
            },
          },
        },
      },
    },
    async (req) => {
      const u = userOf(req);
      return { ok: true, user: { username: u.username, role: u.role, phone: u.phone }, mode: ctx.config.mode };
    },
  );

  app.get(
    '/api/users',
    {
      preHandler: ctx.requireRole('admin'),
      schema: { response: { 200: { type: 'object', properties: { ok: { type: 'boolean' }, items: { type: 'array', items: userSchema } } } } },
    },
    async () => ({ ok: true, items: await listUsers(db) }),
  );

  app.post<{ Body: { username: string; password: string; role: Role; phone?: string } }>(
    '/api/users',
    {
      preHandler: ctx.requireRole('admin'),
      schema: {
        body: {
          type: 'object',
          required: ['username', 'password', 'role'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', pattern: USERNAME_PATTERN },
            password: { type: 'string', maxLength: PASSWORD_MAX },
            role: { type: 'string', enum: [...ROLES] },
            phone: { type: 'string', maxLength: 64 },
          },
        },
      },
    },
    async (req, reply) => {
      const admin = userOf(req);
      const username = canonicalUsername(req.body.username);
      const fields = checkUserFields(req.body, PASSWORD_MIN);
      if (!fields.ok) return reply.code(400).send(fields);
      const hash = await hashPassword(req.body.password);
      const created = await db.transaction(async (tx) => {
        const r = await tx.query<DbUserRow>(
          `INSERT INTO users (username, password_hash, role, phone) VALUES ($1, $2, $3, $4)
           ON CONFLICT (username) DO NOTHING RETURNING *`,
          [username, hash, req.body.role, fields.phone ?? ''],
        );
        if (r.rows.length === 0) return undefined;
        await appendAudit(tx, { actor: admin.username, action: 'user.create', target: username, detail: { role: req.body.role }, address: req.ip });
        return toUser(r.rows[0]);
      });
      if (!created) return fail(reply, 409, 'exists', msg('hub.user.exists', { username }));
      return reply.code(201).send({ ok: true, user: created });
    },
  );

  app.patch<{ Params: { username: string }; Body: { role?: Role; phone?: string; disabled?: boolean; password?: string } }>(
    '/api/users/:username',
    {
      preHandler: ctx.requireRole('admin'),
      schema: {
        params: { type: 'object', required: ['username'], properties: { username: { type: 'string', pattern: USERNAME_PATTERN } } },
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            role: { type: 'string', enum: [...ROLES] },
            phone: { type: 'string', maxLength: 64 },
            disabled: { type: 'boolean' },
            password: { type: 'string', maxLength: PASSWORD_MAX },
          },
        },
      },
    },
    async (req, reply) => {
      const admin = userOf(req);
      const username = canonicalUsername(req.params.username);
      const b = req.body;
      const fields = checkUserFields(b, PASSWORD_MIN);
      if (!fields.ok) return reply.code(400).send(fields);
      const phone = fields.phone;
      // An admin locking themselves out (or demoting the last admin) would need a database edit to undo.
      if (username === admin.username && (b.disabled === true || (b.role !== undefined && b.role !== 'admin'))) {
        return fail(reply, 409, 'self_lockout', msg('hub.user.selfLockout'));
      }
      const hash = b.password !== undefined ? await hashPassword(b.password) : undefined;
      const updated = await db.transaction(async (tx) => {
        const r = await tx.query<DbUserRow>(
          `UPDATE users SET
             role = COALESCE($2, role), phone = COALESCE($3, phone), disabled = COALESCE($4, disabled),
             password_hash = COALESCE($5, password_hash), updated_at = now()
           WHERE username = $1 RETURNING *`,
          [username, b.role ?? null, phone ?? null, b.disabled ?? null, hash ?? null],
        );
        const row = r.rows[0];
        if (!row) return undefined;
        const user = toUser(row);
        // A new password, a disable or a new role ends every session of that user.
        if (hash !== undefined || b.disabled === true || b.role !== undefined) await revokeAllTokens(tx, user.id);
        const changed = Object.keys(b).filter((k) => k !== 'password');
        if (hash !== undefined) changed.push('password');
        await appendAudit(tx, {
          actor: admin.username,
          action: 'user.update',
          target: username,
          detail: { changed, role: b.role, disabled: b.disabled },
          address: req.ip,
        });
        // The user's own desk shows their phone (the number the hub rings first): tell it now,
        // not at its next reconnect. Only they (and staff) see the event.
        if (b.phone !== undefined) await appendEvent(tx, 'user', { username, phone: user.phone }, { ownerId: user.id });
        return user;
      });
      if (!updated) return fail(reply, 404, 'not_found', msg('hub.user.notFound', { username }));
      ctx.sequencer.poke();
      return { ok: true, user: updated };
    },
  );
}
