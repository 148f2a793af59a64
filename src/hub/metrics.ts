/**
 * Prometheus metrics of one hub instance (its own registry, so several hubs in one test process
 * do not collide). Labels are bounded sets: route patterns, never raw URLs or numbers.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db, Queryable, QueryResult } from './db/types';

export interface HubMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  calls: Counter<'kind' | 'result'>;
  billsAccepted: Counter<'duplicate'>;
  billsRejected: Counter<'reason'>;
  sseClients: Gauge;
  dbLatency: Histogram<'op'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): HubMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'hub_' });
  return {
    registry,
    requests: new Counter({
      name: 'hub_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    calls: new Counter({ name: 'hub_calls_total', help: 'Calls and conferences placed, by result', labelNames: ['kind', 'result'], registers: [registry] }),
    billsAccepted: new Counter({
      name: 'hub_bills_accepted_total',
      help: 'End-of-call bills accepted (duplicate = already stored)',
      labelNames: ['duplicate'],
      registers: [registry],
    }),
    billsRejected: new Counter({
      name: 'hub_bills_rejected_total',
      help: 'End-of-call callbacks rejected, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    sseClients: new Gauge({ name: 'hub_sse_clients', help: 'Open event streams on this instance', registers: [registry] }),
    dbLatency: new Histogram({
      name: 'hub_db_seconds',
      help: 'Database round trips',
      labelNames: ['op'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
  };
}

function timed(target: Queryable, metrics: HubMetrics): Queryable['query'] {
  return async <Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> => {
    const end = metrics.dbLatency.startTimer({ op: 'query' });
    try {
      return await target.query<Row>(sql, params);
    } finally {
      end();
    }
  };
}

/** The same Db, with every query and transaction timed. */
export function instrumentDb(db: Db, metrics: HubMetrics): Db {
  return {
    kind: db.kind,
    query: timed(db, metrics),
    transaction: async (work) => {
      const end = metrics.dbLatency.startTimer({ op: 'transaction' });
      try {
        return await db.transaction((tx) => work({ query: timed(tx, metrics) }));
      } finally {
        end();
      }
    },
    notify: (c, p) => db.notify(c, p),
    listen: (c, f) => db.listen(c, f),
    close: () => db.close(),
  };
}
