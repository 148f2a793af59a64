/**
 * The audit trail. Only this INSERT writes it, always on the transaction of the action it
 * records (so an action and its audit row commit or roll back together); a trigger refuses
 * UPDATE, DELETE and TRUNCATE, so there is no way to rewrite history through the hub.
 */
import type { Queryable } from './db/types';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string;
  detail?: Record<string, unknown>;
  address?: string;
}

export async function appendAudit(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query('INSERT INTO audit (actor, action, target, detail, address) VALUES ($1, $2, $3, $4::jsonb, $5)', [
    e.actor,
    e.action,
    e.target ?? null,
    JSON.stringify(e.detail ?? {}),
    e.address ?? null,
  ]);
}
