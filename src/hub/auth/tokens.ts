/**
 * Bearer tokens: 32 random bytes (base64url) handed to the client once; the database keeps only
 * their sha256, an expiry and a revocation time. Logout revokes one; a password change, a
 * disable or a role change revokes all of the user's tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/types';

export type Role = 'admin' | 'supervisor' | 'dispatcher';
export const ROLES: readonly Role[] = ['admin', 'supervisor', 'dispatcher'];

export interface AuthUser {
  id: number;
  username: string;
  role: Role;
  phone: string;
  tokenHash: string;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function issueToken(db: Queryable, userId: number, ttlMs: number): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const r = await db.query<{ expires_at: Date }>(
    `INSERT INTO auth_tokens (token_hash, user_id, expires_at)
     VALUES ($1, $2, now() + make_interval(secs => $3::double precision / 1000))
     RETURNING expires_at`,
    [hashToken(token), userId, ttlMs],
  );
  return { token, expiresAt: new Date(r.rows[0].expires_at) };
}

/** The signed-in user of a bearer token, or undefined (unknown, expired, revoked, user disabled). */
export async function userForToken(db: Queryable, token: string): Promise<AuthUser | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const tokenHash = hashToken(token);
  const r = await db.query<{ id: number | string; username: string; role: Role; phone: string }>(
    `SELECT u.id, u.username, u.role, u.phone
       FROM auth_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND NOT u.disabled`,
    [tokenHash],
  );
  const row = r.rows[0];
  return row ? { id: Number(row.id), username: row.username, role: row.role, phone: row.phone, tokenHash } : undefined;
}

export async function revokeToken(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('UPDATE auth_tokens SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
}

export async function revokeAllTokens(db: Queryable, userId: number): Promise<void> {
  await db.query('UPDATE auth_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
}

export function bearerOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const m = typeof value === 'string' ? /^Bearer\s+(\S+)$/i.exec(value.trim()) : null;
  return m ? m[1] : undefined;
}
