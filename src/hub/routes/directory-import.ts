/**
 * POST /api/directory/import: "upload my local contacts to the team" as ONE request applied in ONE
 * transaction. A hub that goes away mid-upload (killed, network cut before COMMIT) leaves none of
 * the rows; a hub that committed leaves all of them. The desk names the upload with a key: asking
 * again with the same key (the answer was lost) returns the first answer and writes nothing more.
 *
 * New groups come as `{ ref, name }` and get the hub's ids; contacts name them by `ref` in
 * `groupIds`. A contact with `id` + `revision` updates that contact (merge / replace in the import
 * preview); a stale revision or a row the rules refuse is reported in `failed` and skipped, the
 * rest still land — refusals are about one row, not about the upload.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { msg } from '../../shared/i18n';
import { failWith } from '../../shared/result';
import { appendAudit } from '../audit';
import { fail, userOf, type HubContext } from '../context';
import { checkItem, ITEM_SCHEMAS } from '../directory';
import { appendEvent } from '../events';
import { DIRECTORY_LOCK_KEY, writeItem, type ItemRow } from './directory';

/** The largest upload: the desk's book limit. */
export const IMPORT_CONTACTS_MAX = 50_000;
const IMPORT_GROUPS_MAX = 1000;
/** Enough for 50 000 contacts with notes; the route's own limit, not the hub's default. */
const IMPORT_BODY_LIMIT = 48 * 1024 * 1024;
/** Rows per multi-row INSERT for new contacts. */
const INSERT_CHUNK = 500;

const ID = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;

const IMPORT_SCHEMA = {
  type: 'object',
  required: ['key', 'groups', 'contacts'],
  additionalProperties: false,
  properties: {
    key: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
    groups: {
      type: 'array',
      maxItems: IMPORT_GROUPS_MAX,
      items: { type: 'object', required: ['ref', 'name'], additionalProperties: false, properties: { ref: ID, name: { type: 'string' } } },
    },
    contacts: {
      type: 'array',
      maxItems: IMPORT_CONTACTS_MAX,
      items: {
        type: 'object',
        required: ['data'],
        additionalProperties: false,
        properties: { id: ID, revision: { type: 'integer', minimum: 1 }, data: ITEM_SCHEMAS.contact },
      },
    },
  },
} as const;

interface ImportBody {
  key: string;
  groups: Array<{ ref: string; name: string }>;
  contacts: Array<{ id?: string; revision?: number; data: Record<string, unknown> }>;
}

export interface ImportResult {
  revision: number;
  created: number;
  updated: number;
  failed: Array<{ index: number; code: string; message: string }>;
  /** ref → the hub's id of each new group. */
  groups: Record<string, string>;
}

export function directoryImportRoutes(app: FastifyInstance, ctx: HubContext): void {
  const { db } = ctx;

  app.post<{ Body: ImportBody }>(
    '/api/directory/import',
    { preHandler: ctx.requireRole(), bodyLimit: IMPORT_BODY_LIMIT, schema: { body: IMPORT_SCHEMA } },
    async (req, reply) => {
      const user = userOf(req).username;
      const key = `${user}:${req.body.key}`;
      const done = await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_LOCK_KEY]);
        const seen = await tx.query<{ result: ImportResult }>('SELECT result FROM directory_imports WHERE key = $1', [key]);
        if (seen.rows[0]) return { repeated: true, result: seen.rows[0].result };

        const groups: Record<string, string> = {};
        let revision = 0;
        for (const g of req.body.groups) {
          const checked = checkItem('group', g);
          if (!checked.ok) return { invalid: checked };
          const w = await writeItem(tx, 'group', randomUUID(), user, 'absent', checked.data);
          if (!w.ok) return { invalid: failWith('internal', msg('hub.directory.createFailed')) };
          groups[g.ref] = w.row.id;
          revision = Number(w.row.revision);
        }

        const failed: ImportResult['failed'] = [];
        const creates: Array<Record<string, unknown>> = [];
        let updated = 0;
        for (let index = 0; index < req.body.contacts.length; index++) {
          const row = req.body.contacts[index];
          const data = { ...row.data, groupIds: ((row.data.groupIds as string[] | undefined) ?? []).map((g) => groups[g] ?? g) };
          const checked = checkItem('contact', data);
          if (!checked.ok) {
            failed.push({ index, code: String(checked.code), message: checked.message });
            continue;
          }
          if (row.id === undefined) {
            creates.push(checked.data);
            continue;
          }
          const w = await writeItem(tx, 'contact', row.id, user, row.revision ?? 0, checked.data);
          if (!w.ok) {
            const why = w.current ? failWith('conflict', msg('hub.directory.conflict')) : failWith('not_found', msg('hub.directory.notFound'));
            failed.push({ index, code: String(why.code), message: why.message });
            continue;
          }
          updated++;
          revision = Math.max(revision, Number(w.row.revision));
        }
        // New contacts never collide (fresh ids): many rows per statement, each at its own revision.
        for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
          const chunk = creates.slice(i, i + INSERT_CHUNK);
          const values: unknown[] = [];
          const tuples = chunk.map((data, k) => {
            values.push(randomUUID(), JSON.stringify(data));
            return `('contact', $${k * 2 + 1}, nextval('directory_revision'), $${k * 2 + 2}::jsonb, false, $${chunk.length * 2 + 1})`;
          });
          values.push(user);
          const r = await tx.query<Pick<ItemRow, 'revision'>>(
            `INSERT INTO directory_items (kind, id, revision, data, deleted, updated_by) VALUES ${tuples.join(',')} RETURNING revision`,
            values,
          );
          for (const x of r.rows) revision = Math.max(revision, Number(x.revision));
        }
        const result: ImportResult = { revision, created: creates.length, updated, failed, groups };
        await tx.query('INSERT INTO directory_imports (key, username, result) VALUES ($1, $2, $3::jsonb)', [key, user, JSON.stringify(result)]);
        await appendAudit(tx, {
          actor: user,
          action: 'directory.import',
          target: req.body.key,
          detail: { created: result.created, updated, failed: failed.length, groups: Object.keys(groups).length, revision },
          address: req.ip,
        });
        // One event for the whole upload: desks read the change feed on it.
        await appendEvent(tx, 'directory', { kind: 'import', revision, action: 'import', by: user });
        return { repeated: false, result };
      });
      if ('invalid' in done) return reply.code(400).send(done.invalid);
      if (!done.repeated) ctx.sequencer.poke();
      if (!done.result) return fail(reply, 500, 'internal', msg('hub.directory.createFailed'));
      return { ok: true, repeated: done.repeated, ...done.result };
    },
  );
}
