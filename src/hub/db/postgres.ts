/**
 * The hub's database on a real PostgreSQL server, through `pg`.
 *
 * - Queries and transactions use a Pool: any statement may run on any connection, a transaction
 *   holds one connection from BEGIN to COMMIT/ROLLBACK.
 * - LISTEN needs one connection that stays open, so it has its own client outside the pool. When
 *   that connection drops (server restart, failover, `pg_terminate_backend`, a dead network) it
 *   reconnects with exponential backoff and LISTENs again on every channel that still has a
 *   handler. Notifications sent while it was down are lost (PostgreSQL does not queue them for a
 *   listener that is gone): `onListenerReconnect` tells the caller so it can re-read what it may
 *   have missed from the tables, which remain the source of truth.
 * - Every value goes in as a parameter. Channel names cannot be parameters of LISTEN (they are
 *   identifiers); they are checked against CHANNEL and quoted.
 */
import pg from 'pg';
import type { Db, QueryResult, Queryable } from './types';

export interface PostgresOptions {
  /** Pool size (default 10). */
  max?: number;
  /** Milliseconds to wait for a connection from the server (default 10 000). */
  connectionTimeoutMillis?: number;
  /** Shown in pg_stat_activity; the listener's connection gets `<name>:listen`. Default `dispatch-hub`. */
  applicationName?: string;
  /** First and longest wait between listener reconnect attempts (defaults 100 ms, 5 000 ms). */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /**
   * How often the listener connection is checked with `SELECT 1` (default 30 000 ms; 0 = never).
   * TCP keep-alive alone can take many minutes to notice a dead peer.
   */
  heartbeatMs?: number;
  /** The listener lost its connection (with the reason); notifications may be missed until it is back. */
  onListenerLost?: (error: Error) => void;
  /** The listener is connected again and listening on every channel: re-read what may have been missed. */
  onListenerReconnect?: () => void;
  /** An error the adapter handled itself (an idle pool client dying, a handler that threw). */
  onError?: (error: Error) => void;
}

/**
 * Channels both engines treat alike: lower-case, no quoting surprises (an unquoted LISTEN folds to
 * lower case while pg_notify does not), at most 63 bytes.
 */
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`invalid notification channel name: ${JSON.stringify(channel)}`);
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

function result<Row>(res: pg.QueryResult): QueryResult<Row> {
  return { rows: res.rows as Row[], rowCount: res.rowCount ?? 0 };
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const applicationName = options.applicationName ?? 'dispatch-hub';
  const onError = options.onError ?? (() => {});
  const clientConfig: pg.ClientConfig = {
    connectionString: url,
    application_name: applicationName,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    keepAlive: true,
  };
  const pool = new pg.Pool({ ...clientConfig, max: options.max ?? 10 });
  // An idle client whose server connection dies emits 'error' on the pool; unhandled it would
  // crash the process. The pool discards that client and opens a new one on the next query.
  pool.on('error', (err) => onError(err));

  // Fail at open, not on the first request, when the URL, password or server is wrong.
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => {});
    throw asError(err);
  }

  const listener = new Listener(clientConfig, applicationName, options, onError);
  let closed = false;
  const assertOpen = () => {
    if (closed) throw new Error('database is closed');
  };

  const db: Db = {
    kind: 'postgres',
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      assertOpen();
      return result<Row>(await pool.query(sql, params as unknown[]));
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      assertOpen();
      const client = await pool.connect();
      let finished = false;
      const tx: Queryable = {
        async query<Row>(sql: string, params: readonly unknown[] = []) {
          // A statement after COMMIT/ROLLBACK would run outside the transaction on a pooled connection.
          if (finished) throw new Error('transaction already finished');
          return result<Row>(await client.query(sql, params as unknown[]));
        },
      };
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        let value: T;
        try {
          value = await work(tx);
        } catch (err) {
          finished = true;
          try {
            await client.query('ROLLBACK');
          } catch (rollbackError) {
            // The connection is in an unknown state: destroy it rather than return it to the pool.
            broken = asError(rollbackError);
          }
          throw err;
        }
        finished = true;
        try {
          await client.query('COMMIT');
        } catch (commitError) {
          broken = asError(commitError);
          throw commitError;
        }
        return value;
      } catch (err) {
        // BEGIN itself failed: the connection is suspect.
        if (!finished) broken = asError(err);
        throw err;
      } finally {
        finished = true;
        client.release(broken);
      }
    },
    async notify(channel: string, payload: string) {
      assertOpen();
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async listen(channel: string, onPayload: (payload: string) => void) {
      assertOpen();
      assertChannel(channel);
      return listener.add(channel, onPayload);
    },
    async close() {
      if (closed) return;
      closed = true;
      await listener.close();
      await pool.end();
    },
  };
  return db;
}

type Handler = (payload: string) => void;

/** The one LISTEN connection of a Db, created on the first `listen`, kept alive until `close`. */
class Listener {
  private readonly handlers = new Map<string, Set<Handler>>();
  private client: pg.Client | undefined;
  /** Resolves with a connected client on which every channel in `handlers` is listened to. */
  private ready: Promise<pg.Client> | undefined;
  private closed = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private wakeRetry: (() => void) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly applicationName: string,
    private readonly options: PostgresOptions,
    private readonly onError: (error: Error) => void,
  ) {}

  async add(channel: string, handler: Handler): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    const isNew = !set;
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    try {
      if (!this.ready) {
        // First listen: connect (and LISTEN on everything registered, this channel included).
        const first = this.connectLoop(false);
        this.ready = first;
        try {
          await first;
        } catch (err) {
          // Let the next listen try again instead of awaiting this failure forever.
          if (this.ready === first) this.ready = undefined;
          throw err;
        }
      } else {
        const client = await this.ready;
        if (isNew) {
          try {
            await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
          } catch (err) {
            if (this.closed) throw err;
            // The connection dropped under us (or is otherwise unusable): start over on a new one,
            // which LISTENs on every registered channel, this one included, and wait for it.
            this.connectionLost(client, asError(err));
            await this.nextReady(client);
          }
        }
      }
    } catch (err) {
      set.delete(handler);
      if (set.size === 0 && this.handlers.get(channel) === set) this.handlers.delete(channel);
      throw err;
    }
    let removed = false;
    return async () => {
      if (removed) return;
      removed = true;
      const current = this.handlers.get(channel);
      if (!current) return;
      current.delete(handler);
      if (current.size > 0) return;
      this.handlers.delete(channel);
      const client = this.client;
      if (client && !this.closed) {
        // If the connection is down, nothing to undo: the reconnect will not LISTEN on it again.
        await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
      }
    };
  }

  /** Waits until a connection other than `stale` is ready (the reconnect after a drop). */
  private async nextReady(stale: pg.Client): Promise<pg.Client> {
    for (;;) {
      if (this.closed) throw new Error('database is closed');
      const client = await this.ready!;
      if (client !== stale) return client;
      await new Promise<void>((resolve) => this.waitForChange(resolve));
    }
  }

  private changeWaiters: Array<() => void> = [];
  private waitForChange(resolve: () => void): void {
    this.changeWaiters.push(resolve);
  }
  private signalChange(): void {
    const waiters = this.changeWaiters;
    this.changeWaiters = [];
    for (const w of waiters) w();
  }

  /** Connects, retrying with backoff until it succeeds or the Db closes. */
  private async connectLoop(isReconnect: boolean): Promise<pg.Client> {
    for (;;) {
      if (this.closed) throw new Error('database is closed');
      try {
        const client = await this.connectOnce();
        this.attempt = 0;
        if (isReconnect) this.options.onListenerReconnect?.();
        return client;
      } catch (err) {
        if (this.closed) throw err;
        // The very first connection failing is the caller's problem (a wrong URL should not hang).
        if (!isReconnect) throw err;
        this.onError(asError(err));
        await this.backoff();
      }
    }
  }

  private backoff(): Promise<void> {
    const min = this.options.reconnectMinMs ?? 100;
    const max = this.options.reconnectMaxMs ?? 5_000;
    const base = Math.min(max, min * 2 ** this.attempt);
    this.attempt++;
    // Full jitter: several hub instances losing the server at once should not reconnect in step.
    const delay = base / 2 + Math.random() * (base / 2);
    return new Promise((resolve) => {
      this.wakeRetry = resolve;
      this.retryTimer = setTimeout(resolve, delay);
    });
  }

  private async connectOnce(): Promise<pg.Client> {
    const client = new pg.Client({ ...this.config, application_name: `${this.applicationName}:listen` });
    let lost = false;
    const onLost = (err: Error) => {
      if (lost) return;
      lost = true;
      this.connectionLost(client, err);
    };
    client.on('error', (err) => onLost(err));
    client.on('end', () => onLost(new Error('listener connection ended')));
    client.on('notification', (msg) => this.dispatch(msg.channel, msg.payload ?? ''));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) {
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
    if (this.closed || lost) {
      await client.end().catch(() => {});
      throw new Error(this.closed ? 'database is closed' : 'listener connection lost while connecting');
    }
    this.client = client;
    this.startHeartbeat(client);
    return client;
  }

  private connectionLost(client: pg.Client, err: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    this.stopHeartbeat();
    client.end().catch(() => {});
    this.options.onListenerLost?.(err);
    this.ready = this.connectLoop(true);
    // Keep an unobserved failure (only on close) from becoming an unhandled rejection.
    this.ready.catch(() => {});
    this.ready.then(
      () => this.signalChange(),
      () => this.signalChange(),
    );
    this.signalChange();
  }

  private startHeartbeat(client: pg.Client): void {
    const every = this.options.heartbeatMs ?? 30_000;
    if (every <= 0) return;
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((err) => this.connectionLost(client, asError(err)));
    }, every);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private dispatch(channel: string, payload: string): void {
    const set = this.handlers.get(channel);
    if (!set) return;
    for (const handler of [...set]) {
      try {
        handler(payload);
      } catch (err) {
        // One subscriber's bug must not stop delivery to the others.
        this.onError(asError(err));
      }
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopHeartbeat();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.wakeRetry?.();
    this.signalChange();
    const client = this.client;
    this.client = undefined;
    this.handlers.clear();
    if (client) await client.end().catch(() => {});
  }
}
