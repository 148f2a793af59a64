/**
 * The one database interface of the hub. Two engines implement it with the same SQL: real
 * PostgreSQL (`pg`, production) and PGlite (PostgreSQL compiled to WASM, in-process; the
 * zero-configuration default and a quick test engine). Route code never knows which one it has.
 *
 * Rules for every caller: parameterised SQL only ($1, $2 …; never string-built values); nothing
 * PGlite-only; events between hub instances go through `notify` / `listen` (PostgreSQL
 * LISTEN/NOTIFY), never through memory.
 */
export type DbKind = 'pglite' | 'postgres';

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows inserted, updated or deleted (0 for a SELECT on some engines: use rows.length there). */
  rowCount: number;
}

/** What a statement can run on: the database itself, or one open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

export interface Db extends Queryable {
  readonly kind: DbKind;
  /**
   * Runs `work` in one transaction (BEGIN … COMMIT, ROLLBACK when it throws or rejects) on one
   * connection. Resolves only after COMMIT returned: "acknowledge after commit" relies on it.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL NOTIFY on `channel` (payload ≤ 7 900 bytes). Inside a transaction use
   * `tx.query('SELECT pg_notify($1, $2)', [channel, payload])` instead, so that the event leaves
   * only when the transaction commits.
   */
  notify(channel: string, payload: string): Promise<void>;
  /** LISTEN on `channel`; resolves once listening. The returned function stops listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
