/**
 * The conference being built (the roster on screen) survives a reload and a restart: the window
 * sends each change here and reads it back at start. Kept in main's settings store under its own
 * key, apart from the settings themselves, so the Settings page's Save never touches it.
 */
import type { RosterMember } from '../../shared/domain';
import { isExtension } from '../../shared/phone-extension';
import { ROSTER_MEMBERS_MAX } from '../../shared/contact-limits';
import { success, type Result } from '../../shared/result';
import type { Logger } from '../log';
import type { KeyValueStore } from '../stores/kv-store';
import { tryWrite } from '../stores/write-failure';

const KEY = 'rosterDraft';

export interface RosterDraft {
  get(): RosterMember[];
  set(members: readonly RosterMember[]): Result<{ members: RosterMember[] }>;
}

/** A draft read back from disk is checked like any input: a hand-edited file must not break the window. */
function sanitize(stored: unknown): RosterMember[] {
  if (!Array.isArray(stored)) return [];
  const out: RosterMember[] = [];
  for (const m of stored.slice(0, ROSTER_MEMBERS_MAX)) {
    if (typeof m !== 'object' || m === null) continue;
    const { name, number, contactId, extension } = m as Partial<RosterMember>;
    if (typeof number !== 'string' || typeof name !== 'string') continue;
    out.push({
      ...(typeof contactId === 'string' ? { contactId } : {}),
      name,
      number,
      // A draft written before extensions were kept has none; a malformed one is dropped, not dialled.
      ...(isExtension(extension) ? { extension } : {}),
    });
  }
  return out;
}

export function createRosterDraft(store: KeyValueStore, log: Logger): RosterDraft {
  let current = sanitize(store.get<unknown>(KEY));
  return {
    get: () => current.map((m) => ({ ...m })),
    set(members) {
      // The roster itself refuses a ninth member; keeping a draft is no reason to hold more.
      const next = sanitize(members);
      const unsaved = tryWrite(log, 'rosterDraft', () => store.set(KEY, next));
      if (unsaved) return unsaved;
      current = next;
      return success({ members: current.map((m) => ({ ...m })) });
    },
  };
}
