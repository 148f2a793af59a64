/**
 * The hub's configuration, read once from the environment. Every setting has a default that
 * makes `npm run hub` work with nothing set (PGlite in ./hub-data, sandbox mode).
 */
import { join, resolve } from 'node:path';
import { DEFAULT_BASE_URL } from '../shared/limits';
import { checkApiBaseUrl } from '../yunxin/api-host';
import { PASSWORD_MIN } from './auth/passwords';
import { isPostgresUrl } from './db/open';
import { parseKey } from './secret-box';

export type HubMode = 'sandbox' | 'production';

export interface YunxinEnv {
  appKey: string;
  /** Absent: an admin sets it through PUT /api/settings/yunxin (stored encrypted). */
  appSecret?: string;
  baseUrl: string;
  callerAcc?: string;
}

export interface HubConfig {
  host: string;
  port: number;
  databaseUrl?: string;
  dataDir: string;
  /** In-memory PGlite (tests): nothing on disk. */
  inMemory: boolean;
  adminUser?: string;
  adminPassword?: string;
  mode: HubMode;
  /** Production only. */
  yunxin?: YunxinEnv;
  /** AES-256-GCM key for the admin-set AppSecret; from HUB_SECRET_KEY, else the key file. */
  secretKey?: Buffer;
  secretKeyFile: string;
  publicUrl?: string;
  tokenTtlMs: number;
  /** Identical call requests by one user inside this window are refused as a double submit. */
  doubleSubmitMs: number;
  /** How far a bill's CurTime may lie from the hub's clock, either way. */
  callbackWindowMs: number;
  /** Body cap of the callback route; 1 MiB (a bill is a few KB). */
  callbackBodyLimit: number;
  /** Body cap of every other route. */
  bodyLimit: number;
  logLevel: string;
  /** Fastify trustProxy: set when a reverse proxy sets X-Forwarded-For (HUB_TRUST_PROXY=true, a hop count or addresses). */
  trustProxy: boolean | number | string;
  /** API requests per client address and minute (health, metrics, the callback and SSE are exempt). */
  rateLimitPerMinute: number;
  /**
   * How long events are kept for Last-Event-ID resume (HUB_EVENT_RETENTION_HOURS, default 7 days).
   * A desk resuming from an older id is told to resync (src/hub/prune.ts).
   */
  eventRetentionMs: number;
  /** How often the housekeeping runs (HUB_PRUNE_INTERVAL_MIN, default 10 minutes; 0 = only at start). */
  pruneIntervalMs: number;
  /** The centre's time zone (IANA name): where "today" starts on the board (HUB_TIME_ZONE, default Asia/Shanghai). */
  timeZone: string;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8787,
  dataDir: './hub-data',
  tokenTtlMs: 12 * 3600_000,
  doubleSubmitMs: 10_000,
  callbackWindowMs: 5 * 60_000,
  callbackBodyLimit: 1024 * 1024,
  bodyLimit: 64 * 1024,
  eventRetentionHours: 7 * 24,
  pruneIntervalMin: 10,
  timeZone: 'Asia/Shanghai',
} as const;

function timeZoneFrom(raw: string | undefined): string {
  if (!raw) return DEFAULTS.timeZone;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    throw new Error('HUB_TIME_ZONE must be an IANA time zone name such as Asia/Shanghai');
  }
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number between ${min} and ${max}`);
  return n;
}

function trustProxyFrom(raw: string | undefined): boolean | number | string {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const dataDir = resolve(env.HUB_DATA_DIR || DEFAULTS.dataDir);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');

  let yunxin: YunxinEnv | undefined;
  if (env.YUNXIN_APP_KEY) {
    const baseUrl = env.YUNXIN_BASE_URL || DEFAULT_BASE_URL;
    // The desk's rule (src/yunxin/api-host.ts), without its loopback exception: a production hub
    // signs for the real account, and its sandbox simulator is wired in code, not by this variable.
    const host = checkApiBaseUrl(baseUrl, { allowLoopback: false });
    if (!host.ok) throw new Error(`YUNXIN_BASE_URL must be an https:// address under netease.im (${host.reason})`);
    yunxin = { appKey: env.YUNXIN_APP_KEY, baseUrl };
    if (env.YUNXIN_APP_SECRET) yunxin.appSecret = env.YUNXIN_APP_SECRET;
    if (env.YUNXIN_CALLER_ACC) yunxin.callerAcc = env.YUNXIN_CALLER_ACC;
  }

  let secretKey: Buffer | undefined;
  if (env.HUB_SECRET_KEY) {
    secretKey = parseKey(env.HUB_SECRET_KEY);
    if (!secretKey) throw new Error('HUB_SECRET_KEY must be 64 hex characters or base64 of 32 bytes');
  }

  const config: HubConfig = {
    host: env.HUB_HOST || DEFAULTS.host,
    port: intFrom(env, 'HUB_PORT', DEFAULTS.port, 0, 65535),
    dataDir,
    inMemory: false,
    mode: yunxin ? 'production' : 'sandbox',
    secretKeyFile: env.HUB_SECRET_KEY_FILE ? resolve(env.HUB_SECRET_KEY_FILE) : join(dataDir, 'secret.key'),
    tokenTtlMs: intFrom(env, 'HUB_TOKEN_TTL_MS', DEFAULTS.tokenTtlMs, 60_000, 30 * 24 * 3600_000),
    doubleSubmitMs: intFrom(env, 'HUB_DOUBLE_SUBMIT_MS', DEFAULTS.doubleSubmitMs, 1000, 3600_000),
    callbackWindowMs: intFrom(env, 'HUB_CALLBACK_WINDOW_MS', DEFAULTS.callbackWindowMs, 10_000, 24 * 3600_000),
    callbackBodyLimit: DEFAULTS.callbackBodyLimit,
    bodyLimit: DEFAULTS.bodyLimit,
    logLevel: env.HUB_LOG_LEVEL || 'info',
    trustProxy: trustProxyFrom(env.HUB_TRUST_PROXY),
    rateLimitPerMinute: intFrom(env, 'HUB_RATE_LIMIT_PER_MIN', 1200, 1, 1_000_000),
    eventRetentionMs: intFrom(env, 'HUB_EVENT_RETENTION_HOURS', DEFAULTS.eventRetentionHours, 1, 24 * 366) * 3600_000,
    pruneIntervalMs: intFrom(env, 'HUB_PRUNE_INTERVAL_MIN', DEFAULTS.pruneIntervalMin, 0, 24 * 60) * 60_000,
    timeZone: timeZoneFrom(env.HUB_TIME_ZONE),
  };
  if (databaseUrl) config.databaseUrl = databaseUrl;
  if (env.HUB_ADMIN_USER) config.adminUser = env.HUB_ADMIN_USER;
  if (env.HUB_ADMIN_PASSWORD) {
    // The same rule as for passwords set through the API: a weak first admin would be the weakest account.
    if (env.HUB_ADMIN_PASSWORD.length < PASSWORD_MIN) throw new Error(`HUB_ADMIN_PASSWORD must be at least ${PASSWORD_MIN} characters long`);
    config.adminPassword = env.HUB_ADMIN_PASSWORD;
  }
  if (yunxin) config.yunxin = yunxin;
  if (secretKey) config.secretKey = secretKey;
  if (env.HUB_PUBLIC_URL) config.publicUrl = env.HUB_PUBLIC_URL.replace(/\/+$/, '');
  return config;
}
