/**
 * The shared directory: /api/contacts, /api/groups, /api/rosters (list with the directory
 * revision, create, update and delete with If-Match) and /api/directory/changes?since=N.
 * Every change takes a new global revision under the directory lock, so revisions become
 * visible in order and "changes since N" misses nothing; deletes leave tombstones for the feed.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { msg } from '../../shared/i18n';
import { appendAudit } from '../audit';
import { fail, userOf, type HubContext } from '../context';
import type { Queryable } from '../db/types';
import { checkItem, ITEM_SCHEMAS, type DirectoryKind } from '../directory';
import { appendEvent } from '../events';

/** "dirv" in ASCII: directory changes take their revision one at a time (see `change`). */
export const DIRECTORY_LOCK_KEY = 0x64697276;

const PATHS: Array<[string, DirectoryKind]> = [
  ['contacts', 'contact'],
  ['groups', 'group'],
  ['rosters', 'roster'],
];

export interface ItemRow {
  kind: DirectoryKind;
  id: string;
  revision: number | string;
  data: Record<string, unknown>;
  deleted: boolean;
  updated_by: string;
  updated_at: Date;
}

export function toItem(r: ItemRow) {
  return { ...r.data, id: r.id, revision: Number(r.revision), updatedBy: r.updated_by, updatedAt: new Date(r.updated_at).toISOString() };
}

/** `"12"`, `W/"12"` or `12` → 12. */
function ifMatchRevision(header: string | string[] | undefined): number | undefined {
  const v = Array.isArray(header) ? header[0] : header;
  const m = typeof v === 'string' ? /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(v) : null;
  return m ? Number(m[1]) : undefined;
}

async function currentRevision(db: Queryable): Promise<number> {
  const r = await db.query<{ rev: number | string | null }>('SELECT max(revision) AS rev FROM directory_items');
  return Number(r.rows[0]?.rev ?? 0);
}

const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } } } as const;
const ifMatchHeaders = { type: 'object', properties: { 'if-match': { type: 'string', maxLength: 40 } } } as const;

/**
 * What the writer expects to find: nothing (a create), the live item at a revision (an update or
 * a delete), or the tombstone at a revision (an undo of a delete, which keeps the item's id so
 * rosters and log links that name it still work).
 */
export type Expected = number | 'absent' | { tombstone: number };

type Written = { ok: true; row: ItemRow; action: 'create' | 'update' | 'delete' | 'restore' } | { ok: false; current: ItemRow | undefined; deleted?: ItemRow };

/** One item written at the next revision, inside a transaction that holds the directory lock. */
export async function writeItem(
  tx: Queryable,
  kind: DirectoryKind,
  id: string,
  actor: string,
  expected: Expected,
  next: Record<string, unknown> | null,
): Promise<Written> {
  const cur = await tx.query<ItemRow>('SELECT * FROM directory_items WHERE kind = $1 AND id = $2 FOR UPDATE', [kind, id]);
  const current = cur.rows[0];
  const live = current && !current.deleted ? current : undefined;
  if (typeof expected === 'object') {
    if (!current || !current.deleted || Number(current.revision) !== expected.tombstone)
      return { ok: false, current: live, deleted: current?.deleted ? current : undefined };
  } else if (expected === 'absent' ? current !== undefined : !live || Number(live.revision) !== expected) return { ok: false, current: live };
  const rev = await tx.query<{ rev: number | string }>("SELECT nextval('directory_revision') AS rev");
  const revision = Number(rev.rows[0].rev);
  const data = next ?? current?.data ?? {};
  const r = await tx.query<ItemRow>(
    `INSERT INTO directory_items (kind, id, revision, data, deleted, updated_by) VALUES ($1, $2, $3, $4::jsonb, $5, $6)
     ON CONFLICT (kind, id) DO UPDATE SET revision = EXCLUDED.revision, data = EXCLUDED.data, deleted = EXCLUDED.deleted,
       updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING *`,
    [kind, id, revision, JSON.stringify(data), next === null, actor],
  );
  const action = next === null ? 'delete' : typeof expected === 'object' ? 'restore' : expected === 'absent' ? 'create' : 'update';
  return { ok: true, row: r.rows[0], action };
}

export function directoryRoutes(app: FastifyInstance, ctx: HubContext): void {
  const { db } = ctx;
  const anyone = ctx.requireRole();

  /** One change: lock, next revision, write, audit, event — all in one transaction. */
  async function change(
    kind: DirectoryKind,
    id: string,
    actor: string,
    address: string,
    expected: Expected,
    next: Record<string, unknown> | null,
  ): Promise<{ ok: true; row: ItemRow } | { ok: false; current: ItemRow | undefined; deleted?: ItemRow }> {
    const done = await db.transaction(async (tx) => {
      // Held until COMMIT, so revisions become visible in order and "changes since N" misses
      // nothing. It serialises directory edits only (people typing), never bills or calls.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_LOCK_KEY]);
      const written = await writeItem(tx, kind, id, actor, expected, next);
      if (!written.ok) return written;
      const { row, action } = written;
      const revision = Number(row.revision);
      await appendAudit(tx, { actor, action: `directory.${kind}.${action}`, target: id, detail: { revision }, address });
      await appendEvent(tx, 'directory', { kind, itemId: id, revision, action, by: actor });
      return { ok: true as const, row };
    });
    if (done.ok) ctx.sequencer.poke();
    return done;
  }

  function conflict(reply: FastifyReply, current: ItemRow | undefined) {
    if (!current) return fail(reply, 404, 'not_found', msg('hub.directory.notFound'));
    reply.header('ETag', `"${Number(current.revision)}"`);
    return fail(reply, 409, 'conflict', msg('hub.directory.conflict'), { current: toItem(current) });
  }

  for (const [path, kind] of PATHS) {
    app.get(`/api/${path}`, { preHandler: anyone, schema: { querystring: NO_QUERY } }, async () => {
      const revision = await currentRevision(db);
      const r = await db.query<ItemRow>('SELECT * FROM directory_items WHERE kind = $1 AND NOT deleted ORDER BY id', [kind]);
      return { ok: true, revision, items: r.rows.map(toItem) };
    });

    app.post<{ Body: Record<string, unknown> }>(`/api/${path}`, { preHandler: anyone, schema: { body: ITEM_SCHEMAS[kind] } }, async (req, reply) => {
      const checked = checkItem(kind, req.body);
      if (!checked.ok) return reply.code(400).send(checked);
      const user = userOf(req);
      const done = await change(kind, randomUUID(), user.username, req.ip, 'absent', checked.data);
      if (!done.ok) return fail(reply, 500, 'internal', msg('hub.directory.createFailed'));
      reply.header('ETag', `"${Number(done.row.revision)}"`);
      return reply.code(201).send({ ok: true, item: toItem(done.row) });
    });

    app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
      `/api/${path}/:id`,
      { preHandler: anyone, schema: { params: idParams, headers: ifMatchHeaders, body: ITEM_SCHEMAS[kind] } },
      async (req, reply) => {
        const expected = ifMatchRevision(req.headers['if-match']);
        if (expected === undefined) return fail(reply, 428, 'precondition_required', msg('hub.directory.ifMatchEdit'));
        const checked = checkItem(kind, req.body);
        if (!checked.ok) return reply.code(400).send(checked);
        const done = await change(kind, req.params.id, userOf(req).username, req.ip, expected, checked.data);
        if (!done.ok) return conflict(reply, done.current);
        reply.header('ETag', `"${Number(done.row.revision)}"`);
        return { ok: true, item: toItem(done.row) };
      },
    );

    app.delete<{ Params: { id: string } }>(
      `/api/${path}/:id`,
      { preHandler: anyone, schema: { params: idParams, headers: ifMatchHeaders } },
      async (req, reply) => {
        const expected = ifMatchRevision(req.headers['if-match']);
        if (expected === undefined) return fail(reply, 428, 'precondition_required', msg('hub.directory.ifMatchDelete'));
        const done = await change(kind, req.params.id, userOf(req).username, req.ip, expected, null);
        if (!done.ok) return conflict(reply, done.current);
        return { ok: true, revision: Number(done.row.revision) };
      },
    );

    // Undo of a delete: the same id comes back (If-Match: the tombstone's revision, as the delete
    // answered it), so other desks see the item return rather than a delete and a new item.
    app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
      `/api/${path}/:id/restore`,
      { preHandler: anyone, schema: { params: idParams, headers: ifMatchHeaders, body: ITEM_SCHEMAS[kind] } },
      async (req, reply) => {
        const expected = ifMatchRevision(req.headers['if-match']);
        if (expected === undefined) return fail(reply, 428, 'precondition_required', msg('hub.directory.ifMatchRestore'));
        const checked = checkItem(kind, req.body);
        if (!checked.ok) return reply.code(400).send(checked);
        const done = await change(kind, req.params.id, userOf(req).username, req.ip, { tombstone: expected }, checked.data);
        if (!done.ok) {
          // Live again (someone restored or re-created it first): show theirs. Deleted at another revision: gone for good.
          if (done.current) return conflict(reply, done.current);
          if (done.deleted) reply.header('ETag', `"${Number(done.deleted.revision)}"`);
          return fail(reply, 409, 'not_restorable', msg('hub.directory.notRestorable'));
        }
        reply.header('ETag', `"${Number(done.row.revision)}"`);
        return { ok: true, item: toItem(done.row) };
      },
    );
  }

  app.get<{ Querystring: { since: number; limit?: number } }>(
    '/api/directory/changes',
    {
      preHandler: anyone,
      schema: {
        querystring: {
          type: 'object',
          required: ['since'],
          additionalProperties: false,
          properties: { since: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1, maximum: 5000 } },
        },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 1000;
      const r = await db.query<ItemRow>('SELECT * FROM directory_items WHERE revision > $1 ORDER BY revision LIMIT $2', [req.query.since, limit + 1]);
      const more = r.rows.length > limit;
      const rows = r.rows.slice(0, limit);
      const revision = rows.length > 0 ? Number(rows[rows.length - 1].revision) : Math.max(req.query.since, await currentRevision(db));
      return {
        ok: true,
        revision,
        more,
        changes: rows.map((row) => ({
          kind: row.kind,
          id: row.id,
          revision: Number(row.revision),
          deleted: row.deleted,
          item: row.deleted ? null : toItem(row),
        })),
      };
    },
  );
}
