/**
 * Import previews waiting for the dispatcher's "apply": kept in memory under an unguessable id,
 * for a limited time and only a few at once (a preview of a 10 MB file is large, and an abandoned
 * import dialog must not pin it forever). Expiry is checked on use against the injected clock,
 * so no timer is needed.
 */
import { randomBytes } from 'node:crypto';

export const IMPORT_TTL_MS = 10 * 60_000;
export const IMPORTS_KEPT = 3;

export interface ImportCache<T> {
  /** Stores `value`, evicting the oldest beyond the limit; returns its id. */
  put(value: T): string;
  /** undefined when unknown or expired. */
  get(id: string): T | undefined;
  delete(id: string): void;
  clear(): void;
}

export function createImportCache<T>(options: { now(): number; ttlMs?: number; max?: number }): ImportCache<T> {
  const ttlMs = options.ttlMs ?? IMPORT_TTL_MS;
  const max = options.max ?? IMPORTS_KEPT;
  // Insertion order = age order.
  const kept = new Map<string, { value: T; expiresAt: number }>();

  function dropExpired(): void {
    const now = options.now();
    for (const [id, item] of kept) if (item.expiresAt <= now) kept.delete(id);
  }

  return {
    put(value) {
      dropExpired();
      const id = randomBytes(16).toString('base64url');
      kept.set(id, { value, expiresAt: options.now() + ttlMs });
      while (kept.size > max) kept.delete(kept.keys().next().value as string);
      return id;
    },
    get(id) {
      dropExpired();
      return kept.get(id)?.value;
    },
    delete: (id) => void kept.delete(id),
    clear: () => kept.clear(),
  };
}
