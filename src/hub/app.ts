/**
 * Builds one hub instance: opens (or takes) the database, applies migrations, creates the first
 * admin when there is no user, and wires Fastify with every route. No state outside the
 * database: several instances on one PostgreSQL behave as one hub.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Logger } from 'pino';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { appendAudit } from './audit';
import { hashPassword } from './auth/passwords';
import { BillWriter } from './bill-writer';
import { bearerOf, userForToken, type Role } from './auth/tokens';
import type { HubConfig } from './config';
import type { HubContext } from './context';
import { migrate, MIGRATION_LOCK_KEY } from './db/migrate';
import { openDb } from './db/open';
import type { Db } from './db/types';
import { EventSequencer } from './event-sequencer';
import { EventFanout } from './events';
import { createLogger } from './log';
import { createMetrics, instrumentDb, type HubMetrics } from './metrics';
import { schedulePruning } from './prune';
import { dbRateLimitStore } from './rate-limit-store';
import { hubSchemaController } from './validation';
import { fail, localizeFailures } from './messages';
import { msg } from '../shared/i18n';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { callbackRoutes } from './routes/callback';
import { callRoutes } from './routes/calls';
import { directoryRoutes } from './routes/directory';
import { directoryImportRoutes } from './routes/directory-import';
import { callsTodayRoutes } from './routes/calls-today';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { settingsRoutes } from './routes/settings';
import { loadKeyFile } from './secret-box';
import { canonicalUsername } from './users';
import { createYunxinAccess, type YunxinAccess } from './yunxin-access';

export interface HubOptions {
  config: HubConfig;
  /** An open database (tests share one per file); otherwise opened from the config and closed with the hub. */
  db?: Db;
  logger?: Logger;
  /** The Yunxin client's fetch (tests). */
  fetch?: typeof fetch;
  /** Overrides config.rateLimitPerMinute (tests). */
  apiRateLimit?: number;
  heartbeatMs?: number;
  /** How often the event sequencer looks for events nobody numbered (default 1 000 ms; 0 = never, tests). */
  sequencerSweepMs?: number;
  now?: () => number;
}

export interface Hub {
  app: FastifyInstance;
  db: Db;
  config: HubConfig;
  metrics: HubMetrics;
  yunxin: YunxinAccess;
  sequencer: EventSequencer;
  /** Set when this start created the first admin with a generated password: print it once. */
  firstAdmin?: { username: string; password: string; generated: boolean };
  listen(): Promise<string>;
  close(): Promise<void>;
}

async function ensureFirstAdmin(db: Db, config: HubConfig): Promise<Hub['firstAdmin']> {
  const username = canonicalUsername(config.adminUser ?? 'admin');
  const generated = !config.adminPassword;
  const password = config.adminPassword ?? randomBytes(12).toString('base64url');
  const exists = await db.query('SELECT 1 FROM users LIMIT 1');
  if (exists.rows.length > 0) return undefined;
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Same lock as migrations: two instances starting on an empty database create one admin.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const again = await tx.query('SELECT 1 FROM users LIMIT 1');
    if (again.rows.length > 0) return undefined;
    await tx.query(`INSERT INTO users (username, password_hash, role) VALUES ($1, $2, 'admin')`, [username, hash]);
    await appendAudit(tx, { actor: 'hub', action: 'user.create', target: username, detail: { role: 'admin', firstAdmin: true } });
    return { username, password, generated };
  });
}

export async function createHub(options: HubOptions): Promise<Hub> {
  const config = { ...options.config };
  const log = options.logger ?? createLogger({ level: config.logLevel });
  const metrics = createMetrics();
  const ownsDb = !options.db;
  if (ownsDb && !config.databaseUrl && !config.inMemory) mkdirSync(config.dataDir, { recursive: true });
  const rawDb = options.db ?? (await openDb({ databaseUrl: config.databaseUrl, dataDir: config.inMemory ? undefined : config.dataDir }));
  const db = instrumentDb(rawDb, metrics);
  await migrate(db);
  const firstAdmin = await ensureFirstAdmin(db, config);

  if (config.mode === 'production' && !config.secretKey && !config.databaseUrl && !config.inMemory) {
    // Single-machine default: a 0600 key file next to the data. Several instances share HUB_SECRET_KEY instead.
    config.secretKey = loadKeyFile(config.secretKeyFile, true);
  } else if (config.mode === 'production' && !config.secretKey && config.databaseUrl) {
    try {
      config.secretKey = loadKeyFile(config.secretKeyFile, false);
    } catch {
      // No key: the AppSecret can come from the environment only.
    }
  }

  const yunxin = createYunxinAccess({ config, db, fetch: options.fetch });
  const fanout = new EventFanout(db, (err) => log.error({ err }, 'event fan-out failed'));
  await fanout.start();
  // Events this instance numbered go to its own streams at once; other instances hear the NOTIFY.
  const sequencer = new EventSequencer(
    db,
    (err) => log.error({ err }, 'event sequencing failed'),
    options.sequencerSweepMs,
    () => fanout.poke(),
  );
  sequencer.start();
  const pruning = schedulePruning(
    db,
    { eventRetentionMs: config.eventRetentionMs, intervalMs: config.pruneIntervalMs },
    (report) => {
      const { ran, ...counts } = report;
      if (ran && Object.values(counts).some((n) => n > 0)) log.info({ pruned: counts }, 'pruned old rows');
    },
    (err) => log.error({ err }, 'pruning failed'),
  );

  const app: FastifyInstance = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: config.bodyLimit,
    // Per-request lines would dominate the log at 1 000 bills/s; errors and rejections are logged explicitly.
    logController: new LogController({ disableRequestLogging: true }),
    // A hop count is valid at runtime (proxy-addr); the type declarations only list string | boolean.
    trustProxy: config.trustProxy as string | boolean,
    return503OnClosing: true,
    // Bodies without type coercion, unknown fields refused (src/hub/validation.ts).
    schemaController: hubSchemaController,
  });

  localizeFailures(app);

  const requireRole =
    (...roles: Role[]) =>
    async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
      const token = bearerOf(req.headers.authorization);
      const user = token ? await userForToken(db, token) : undefined;
      if (!user) {
        reply.header('WWW-Authenticate', 'Bearer');
        await fail(reply, 401, 'unauthorized', msg('hub.unauthorized'));
        return;
      }
      if (roles.length > 0 && !roles.includes(user.role)) {
        await fail(reply, 403, 'forbidden', msg('hub.forbidden', { roles: roles.join(' / ') }));
        return;
      }
      req.user = user;
    };

  const bills = new BillWriter(db, () => sequencer.poke());
  const ctx: HubContext = { config, db, log, metrics, yunxin, fanout, sequencer, bills, requireRole, now: options.now ?? Date.now };

  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string; validation?: unknown; retryAfterSeconds?: number }, req, reply) => {
    // Ajv's and Fastify's own texts are English and technical: they go in as the problem.
    if (err.validation) return fail(reply, 400, 'invalid_input', msg('hub.invalidRequest', { problem: err.message }));
    const status = err.statusCode ?? 500;
    if (status === 429) return fail(reply, 429, 'rate_limited', msg('hub.rateLimited', { seconds: err.retryAfterSeconds ?? 60 }));
    if (status === 413) return fail(reply, 413, 'too_large', msg('hub.tooLarge'));
    if (status < 500) return fail(reply, status, err.code ?? 'bad_request', msg('hub.invalidRequest', { problem: err.message }));
    req.log.error({ err }, 'request failed');
    return fail(reply, 500, 'internal', msg('hub.internal'));
  });
  app.setNotFoundHandler((_req, reply) => fail(reply, 404, 'not_found', msg('hub.noRoute')));
  app.addHook('onResponse', async (req, reply) => {
    metrics.requests.inc({ method: req.method, route: req.routeOptions.url ?? 'unknown', status: String(reply.statusCode) });
  });

  await app.register(rateLimit, {
    global: true,
    max: options.apiRateLimit ?? config.rateLimitPerMinute,
    timeWindow: 60_000,
    store: dbRateLimitStore(db),
    // Per client address (behind a proxy set HUB_TRUST_PROXY). Not per token: forged tokens are free to mint.
    keyGenerator: (req) => `a:${req.ip}`,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      code: 'rate_limited',
      message: `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`,
      retryAfterSeconds: Math.ceil(context.ttl / 1000),
    }),
  });

  healthRoutes(app, ctx);
  callbackRoutes(app, ctx);
  authRoutes(app, ctx);
  callRoutes(app, ctx);
  callsTodayRoutes(app, ctx);
  eventRoutes(app, ctx, { heartbeatMs: options.heartbeatMs });
  directoryRoutes(app, ctx);
  directoryImportRoutes(app, ctx);
  auditRoutes(app, ctx);
  settingsRoutes(app, ctx);
  metricsRoutes(app, ctx);

  let closed = false;
  return {
    app,
    db,
    config,
    metrics,
    yunxin,
    sequencer,
    firstAdmin,
    async listen() {
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      return `http://${config.host}:${port}`;
    },
    async close() {
      if (closed) return;
      closed = true;
      await pruning.stop();
      await fanout.close();
      await app.close();
      await sequencer.close();
      if (ownsDb) await rawDb.close();
    },
  };
}
