/** What every route module receives: the database, the configuration and the shared services. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { AuthUser, Role } from './auth/tokens';
import type { BillWriter } from './bill-writer';
import type { HubConfig } from './config';
import type { Db } from './db/types';
import type { EventSequencer } from './event-sequencer';
import type { EventFanout } from './events';
import type { HubMetrics } from './metrics';
import type { YunxinAccess } from './yunxin-access';

export interface HubContext {
  config: HubConfig;
  db: Db;
  log: Logger;
  metrics: HubMetrics;
  yunxin: YunxinAccess;
  fanout: EventFanout;
  /** Poke after committing a transaction that appended events. */
  sequencer: EventSequencer;
  /** Stores end-of-call bills, many per commit (group commit). */
  bills: BillWriter;
  /** The hub's clock in ms (tests replay the documented callback vectors at their CurTime). */
  now(): number;
  /** preHandler: 401 without a valid token, 403 when the role is not listed. */
  requireRole(...roles: Role[]): (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthUser;
  }
}

/** The signed-in user; only valid in routes guarded by requireRole. */
export function userOf(req: FastifyRequest): AuthUser {
  if (!req.user) throw new Error('route is missing its requireRole guard');
  return req.user;
}

export { fail } from './messages';
