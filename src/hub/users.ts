/** User rows and the rules for creating and editing them. */
import { validatePhoneField } from '../shared/validation';
import type { Failure } from '../shared/result';
import { failWith } from '../shared/result';
import { msg } from '../shared/i18n';
import type { Queryable } from './db/types';
import type { Role } from './auth/tokens';

export const USERNAME_PATTERN = '^[A-Za-z0-9_.@-]{1,64}$';

export interface UserRow {
  id: number;
  username: string;
  role: Role;
  phone: string;
  disabled: boolean;
  createdAt: string;
}

export interface DbUserRow {
  id: number | string;
  username: string;
  role: Role;
  phone: string;
  disabled: boolean;
  created_at: Date;
  password_hash: string;
}

export function toUser(r: DbUserRow): UserRow {
  return { id: Number(r.id), username: r.username, role: r.role, phone: r.phone, disabled: r.disabled, createdAt: new Date(r.created_at).toISOString() };
}

/** User names are case-insensitive: "Li" and "li" are one person. */
export function canonicalUsername(name: string): string {
  return name.trim().toLowerCase();
}

export async function findUser(db: Queryable, username: string): Promise<(UserRow & { passwordHash: string }) | undefined> {
  const r = await db.query<DbUserRow>('SELECT * FROM users WHERE username = $1', [canonicalUsername(username)]);
  const row = r.rows[0];
  return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
}

export async function listUsers(db: Queryable): Promise<UserRow[]> {
  const r = await db.query<DbUserRow>('SELECT * FROM users ORDER BY username');
  return r.rows.map(toUser);
}

/** '' (no phone: admins and supervisors may not place calls) or a normalised Chinese number. */
export function checkPhone(phone: unknown): { ok: true; phone: string } | Failure {
  if (phone === undefined || phone === '') return { ok: true, phone: '' };
  const v = validatePhoneField(phone, 'phone');
  return v.ok ? { ok: true, phone: v.number } : v;
}

export function passwordProblem(password: string, min: number): Failure | null {
  return password.length < min ? failWith('invalid_input', msg('hub.user.passwordShort', { min }), { field: 'password' }) : null;
}

/**
 * What creating and editing a user share: a password (when given) long enough, a phone (when
 * given) valid and normalised. `phone` is undefined when none was sent (an edit leaves it).
 */
export function checkUserFields(fields: { password?: string; phone?: string }, passwordMin: number): { ok: true; phone?: string } | Failure {
  if (fields.password !== undefined) {
    const pw = passwordProblem(fields.password, passwordMin);
    if (pw) return pw;
  }
  if (fields.phone === undefined) return { ok: true };
  const p = checkPhone(fields.phone);
  return p.ok ? { ok: true, phone: p.phone } : p;
}
